// Care budgets (PGB-style): the holder of a care-fund voucher contracts care providers at an
// agreed rate; the provider declares delivered care per month within the contract; the holder
// approves, and the approval pays the provider from the budget. Care details stay off the ledger:
// a declaration carries units and, optionally, the hash of the time sheet.

import type { TxContext } from '../../app/module.ts';
import { defineMessage } from '../../app/module.ts';
import { putJson } from '../../app/typed-kv.ts';
import { fail } from '../../core/errors.ts';
import { orgOfKey } from '../identity/index.ts';
import { FundBook } from './book.ts';
import { BudgetErrors as E } from './errors.ts';
import { addSpent } from './lifecycle.ts';
import { cents, euroText, str } from './money.ts';
import {
  dateOf,
  dayStart,
  mustFund,
  mustVoucher,
  requireAccepted,
  requireActive,
  requireCategory,
  requireHolder,
  requireOpen,
  requirePaymentLimit,
  requireUsable,
} from './rules.ts';
import {
  contractRefSchema,
  createCareContractSchema,
  decideCareDeclarationSchema,
  declareCareSchema,
} from './schemas.ts';
import { recordPayment, requireBalance, requireNewPaymentId, requirePersonLimit } from './spend.ts';
import {
  type CareContract,
  type CareDeclaration,
  type CareMonth,
  getContract,
  getDeclaration,
  keys,
} from './state.ts';

const putContract = (ctx: TxContext, c: CareContract) => putJson(ctx.kv, keys.contract(c.id), c);
const putDeclaration = (ctx: TxContext, d: CareDeclaration) => putJson(ctx.kv, keys.declaration(d.id), d);
const EMPTY_MONTH: CareMonth = { declaredUnits: 0, approvedUnits: 0, approvedCents: '0' };

function mustContract(ctx: TxContext, id: string): CareContract {
  const c = getContract(ctx.kv, id);
  if (!c) fail(E.unknown_contract, `There is no care contract "${id}".`);
  return c;
}

function signerOin(ctx: TxContext): string | undefined {
  return orgOfKey(ctx.kv, ctx.signer)?.oin;
}

/** First and last day of a month "YYYY-MM". */
function monthBounds(period: string): { first: string; last: string } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { first: `${period}-01`, last };
}

export const createCareContract = defineMessage({
  type: 'budgets.create_care_contract',
  summary: 'The holder of a care budget proposes a contract to a care provider at an agreed rate per unit.',
  schema: createCareContractSchema,
  handle(ctx, b) {
    if (getContract(ctx.kv, b.contractId))
      fail(E.contract_exists, `A care contract with id "${b.contractId}" already exists.`);
    const v = mustVoucher(ctx.kv, b.voucherId);
    requireHolder(ctx, v);
    const fund = mustFund(ctx.kv, v.fundId);
    if (fund.kind !== 'care' || v.kind !== 'budget') {
      fail(
        E.not_a_care_budget,
        `Voucher "${v.id}" is not a care budget; contracts are made on vouchers of a care fund.`,
      );
    }
    requireUsable(v, ctx.time);
    requireOpen(fund, ctx.time);
    requireCategory(fund, b.category);
    requireAccepted(ctx.kv, fund, b.provider, b.category);
    if (b.endDate < b.startDate)
      fail(E.outside_contract, `The contract ends (${b.endDate}) before it starts (${b.startDate}).`);
    if (b.startDate < fund.startDate || b.endDate > fund.endDate) {
      fail(
        E.outside_contract,
        `A contract must lie within the fund's period ${fund.startDate} – ${fund.endDate}.`,
      );
    }
    const c: CareContract = {
      id: b.contractId,
      voucherId: v.id,
      fundId: fund.id,
      holder: ctx.signer,
      provider: b.provider,
      category: b.category,
      unit: b.unit,
      rateCents: b.rateCents,
      maxUnitsPerMonth: b.maxUnitsPerMonth ?? null,
      startDate: b.startDate,
      endDate: b.endDate,
      state: 'proposed',
      proposedAt: ctx.time,
      months: {},
    };
    putContract(ctx, c);
    ctx.kv.set(keys.contractsOfVoucher(v.id, c.id), '1');
    ctx.kv.set(keys.contractsOfProvider(c.provider, c.id), '1');
    ctx.involve(b.provider, fund.sponsor);
    ctx.emit('budgets.care_contract_proposed', {
      contract: c.id,
      provider: c.provider,
      rateCents: c.rateCents,
      unit: c.unit,
    });
  },
});

export const acceptCareContract = defineMessage({
  type: 'budgets.accept_care_contract',
  summary: 'The care provider signs a proposed care contract.',
  schema: contractRefSchema,
  handle(ctx, b) {
    const c = mustContract(ctx, b.contractId);
    if (signerOin(ctx) !== c.provider)
      fail(E.not_party, `Only provider ${c.provider} can accept care contract "${c.id}".`);
    if (c.state !== 'proposed')
      fail(
        E.contract_not_active,
        `Care contract "${c.id}" is ${c.state}; only a proposed contract can be accepted.`,
      );
    putContract(ctx, { ...c, state: 'active', acceptedAt: ctx.time });
    ctx.involve(c.holder);
    ctx.emit('budgets.care_contract_accepted', { contract: c.id });
  },
});

export const endCareContract = defineMessage({
  type: 'budgets.end_care_contract',
  summary: 'The holder or the provider ends a care contract; care declared before stays payable.',
  schema: contractRefSchema,
  handle(ctx, b) {
    const c = mustContract(ctx, b.contractId);
    if (ctx.signer !== c.holder && signerOin(ctx) !== c.provider) {
      fail(E.not_party, `Only the budget holder or provider ${c.provider} can end care contract "${c.id}".`);
    }
    if (c.state === 'ended') fail(E.contract_not_active, `Care contract "${c.id}" has already ended.`);
    putContract(ctx, { ...c, state: 'ended', endedAt: ctx.time });
    ctx.involve(c.holder, c.provider);
    ctx.emit('budgets.care_contract_ended', { contract: c.id });
  },
});

export const declareCare = defineMessage({
  type: 'budgets.declare_care',
  summary: 'The care provider declares the units of care delivered in a month, within its contract.',
  schema: declareCareSchema,
  handle(ctx, b) {
    if (getDeclaration(ctx.kv, b.declarationId))
      fail(E.declaration_exists, `A declaration with id "${b.declarationId}" already exists.`);
    const c = mustContract(ctx, b.contractId);
    if (signerOin(ctx) !== c.provider)
      fail(E.not_party, `Only provider ${c.provider} can declare care under contract "${c.id}".`);
    if (c.state !== 'active')
      fail(
        E.contract_not_active,
        `Care contract "${c.id}" is ${c.state}; care is declared under an active contract.`,
      );
    const { first, last } = monthBounds(b.period);
    if (last < c.startDate || first > c.endDate) {
      fail(
        E.outside_contract,
        `${b.period} lies outside contract "${c.id}" (${c.startDate} – ${c.endDate}).`,
      );
    }
    if (ctx.time < dayStart(first))
      fail(E.outside_contract, `Care for ${b.period} cannot be declared before that month has begun.`);
    const month = c.months[b.period] ?? EMPTY_MONTH;
    if (c.maxUnitsPerMonth !== null && month.declaredUnits + b.units > c.maxUnitsPerMonth) {
      fail(
        E.contract_units_exceeded,
        `Contract "${c.id}" allows ${c.maxUnitsPerMonth} ${c.unit} per month; ${month.declaredUnits} are declared for ${b.period} already.`,
      );
    }
    const amount = cents(c.rateCents) * BigInt(b.units);
    const d: CareDeclaration = {
      id: b.declarationId,
      contractId: c.id,
      voucherId: c.voucherId,
      fundId: c.fundId,
      holder: c.holder,
      provider: c.provider,
      period: b.period,
      units: b.units,
      amountCents: str(amount),
      state: 'submitted',
      submittedAt: ctx.time,
      ...(b.careLogHash ? { careLogHash: b.careLogHash } : {}),
    };
    putDeclaration(ctx, d);
    ctx.kv.set(keys.declarationsOfContract(c.id, d.id), '1');
    putContract(ctx, {
      ...c,
      months: { ...c.months, [b.period]: { ...month, declaredUnits: month.declaredUnits + b.units } },
    });
    ctx.involve(c.holder);
    ctx.emit('budgets.care_declared', {
      declaration: d.id,
      contract: c.id,
      period: d.period,
      amountCents: d.amountCents,
    });
  },
});

export const decideCareDeclaration = defineMessage({
  type: 'budgets.decide_care_declaration',
  summary:
    'The budget holder approves a care declaration (the provider is paid from the budget) or rejects it.',
  schema: decideCareDeclarationSchema,
  handle(ctx, b) {
    const d = getDeclaration(ctx.kv, b.declarationId);
    if (!d) fail(E.unknown_declaration, `There is no care declaration "${b.declarationId}".`);
    if (ctx.signer !== d.holder)
      fail(E.not_voucher_holder, `Only the budget holder can approve or reject declaration "${d.id}".`);
    if (d.state !== 'submitted') fail(E.declaration_decided, `Declaration "${d.id}" was already ${d.state}.`);
    const c = mustContract(ctx, d.contractId);
    const month = c.months[d.period] ?? EMPTY_MONTH;
    ctx.involve(d.provider);
    if (b.decision === 'rejected') {
      putDeclaration(ctx, {
        ...d,
        state: 'rejected',
        decidedAt: ctx.time,
        ...(b.reason ? { reason: b.reason } : {}),
      });
      putContract(ctx, {
        ...c,
        months: { ...c.months, [d.period]: { ...month, declaredUnits: month.declaredUnits - d.units } },
      });
      ctx.emit('budgets.care_declaration_decided', { declaration: d.id, decision: 'rejected' });
      return;
    }
    const paymentId = b.paymentId ?? d.id;
    requireNewPaymentId(ctx, paymentId);
    const v = mustVoucher(ctx.kv, d.voucherId);
    requireUsable(v, ctx.time);
    const fund = mustFund(ctx.kv, d.fundId);
    requireActive(fund, ctx.time);
    requireAccepted(ctx.kv, fund, d.provider, c.category);
    const amount = cents(d.amountCents);
    requirePaymentLimit(fund, amount);
    requirePersonLimit(ctx.kv, fund, d.holder, amount);
    requireBalance(v, amount);
    const book = new FundBook(ctx, fund);
    recordPayment(
      ctx,
      book,
      { voucher: v, holder: d.holder, provider: d.provider, category: c.category, amount, kind: 'care' },
      { paymentId, initiatedBy: 'provider', declarationId: d.id },
    );
    book.save();
    addSpent(ctx, fund, d.holder, amount);
    putDeclaration(ctx, { ...d, state: 'approved', decidedAt: ctx.time, paymentId });
    putContract(ctx, {
      ...c,
      months: {
        ...c.months,
        [d.period]: {
          ...month,
          approvedUnits: month.approvedUnits + d.units,
          approvedCents: str(cents(month.approvedCents) + amount),
        },
      },
    });
    ctx.emit('budgets.care_declaration_decided', {
      declaration: d.id,
      decision: 'approved',
      amount: euroText(amount),
      date: dateOf(ctx.time),
    });
  },
});
