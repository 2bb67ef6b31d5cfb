// Settlement: the sponsor pays providers what they earned, in batches (draft → approved → paid).
// A draft locks its payments (they can no longer be refunded); approval snapshots the bank
// accounts so the SEPA file (sepa.ts) follows from the batch alone; the sponsor marks the batch
// paid once the bank executed it. Canceling a draft or approved batch frees its payments again.

import type { TxContext } from '../../app/module.ts';
import { defineMessage } from '../../app/module.ts';
import { putJson } from '../../app/typed-kv.ts';
import { fail } from '../../core/errors.ts';
import { getOrg, requireSignerRole } from '../identity/index.ts';
import { BudgetErrors as E } from './errors.ts';
import { cents, str } from './money.ts';
import { dateOf, mustFund } from './rules.ts';
import { createSettlementSchema, markSettlementPaidSchema, settlementRefSchema } from './schemas.ts';
import {
  getBank,
  getPayment,
  getSettlement,
  keys,
  putPayment,
  type Settlement,
  type SettlementLine,
} from './state.ts';
import { findUnsettled, markSettled, reopen } from './unsettled.ts';

/** Payments per batch; a sponsor with more makes several batches. */
export const MAX_SETTLEMENT_PAYMENTS = 2000;

function mustOwnSettlement(ctx: TxContext, id: string): Settlement {
  const org = requireSignerRole(ctx, 'sponsor');
  const s = getSettlement(ctx.kv, id);
  if (!s) fail(E.unknown_settlement, `There is no settlement batch "${id}".`);
  if (s.sponsor !== org.oin)
    fail(E.not_fund_sponsor, `Settlement batch "${id}" belongs to sponsor ${s.sponsor}.`);
  return s;
}

const putSettlement = (ctx: TxContext, s: Settlement) => putJson(ctx.kv, keys.settlement(s.id), s);

export const createSettlement = defineMessage({
  type: 'budgets.create_settlement',
  summary:
    'The sponsor gathers the unsettled payments to providers (of one fund or all its funds) into a draft batch.',
  schema: createSettlementSchema,
  handle(ctx, b) {
    const org = requireSignerRole(ctx, 'sponsor');
    if (getSettlement(ctx.kv, b.settlementId))
      fail(E.settlement_exists, `A settlement batch "${b.settlementId}" already exists.`);
    if (b.fundId !== undefined && mustFund(ctx.kv, b.fundId).sponsor !== org.oin) {
      fail(E.not_fund_sponsor, `Fund "${b.fundId}" belongs to another sponsor.`);
    }
    const today = dateOf(ctx.time);
    const executionDate = b.executionDate ?? today;
    if (executionDate < today)
      fail(E.bad_execution_date, `The execution date ${executionDate} lies before today (${today}).`);
    const found = findUnsettled(ctx.kv, org.oin, b.fundId, MAX_SETTLEMENT_PAYMENTS);
    const byProvider = new Map<string, { amount: bigint; payments: number }>();
    const paymentIds: string[] = [];
    let total = 0n;
    for (const p of found.payments) {
      const net = cents(p.amountCents) - cents(p.refundedCents);
      const line = byProvider.get(p.provider) ?? { amount: 0n, payments: 0 };
      line.amount += net;
      line.payments += 1;
      byProvider.set(p.provider, line);
      total += net;
      paymentIds.push(p.id);
    }
    if (paymentIds.length === 0) {
      fail(
        E.nothing_to_settle,
        `There are no unsettled payments${b.fundId ? ` in fund "${b.fundId}"` : ''} of sponsor ${org.oin}.`,
      );
    }
    for (const p of found.payments) putPayment(ctx.kv, { ...p, settlementId: b.settlementId });
    markSettled(ctx.kv, org.oin, found);
    const lines: SettlementLine[] = [...byProvider.entries()]
      .sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0))
      .map(([provider, l]) => ({ provider, amountCents: str(l.amount), payments: l.payments }));
    const s: Settlement = {
      id: b.settlementId,
      sponsor: org.oin,
      ...(b.fundId !== undefined ? { fundId: b.fundId } : {}),
      state: 'draft',
      executionDate,
      totalCents: str(total),
      lines,
      paymentIds,
      createdAt: ctx.time,
      createdBy: ctx.signer,
    };
    putSettlement(ctx, s);
    ctx.kv.set(keys.settlementsOfSponsor(org.oin, s.id), '1');
    ctx.involve(...lines.map((l) => l.provider));
    ctx.setAmount(total);
    ctx.emit('budgets.settlement_created', {
      settlement: s.id,
      sponsor: org.oin,
      totalCents: s.totalCents,
      payments: paymentIds.length,
    });
  },
});

export const approveSettlement = defineMessage({
  type: 'budgets.approve_settlement',
  summary:
    'The sponsor approves a draft batch; the bank accounts are fixed in it. With more than one key, another key than the creator’s must approve.',
  schema: settlementRefSchema,
  handle(ctx, b) {
    const s = mustOwnSettlement(ctx, b.settlementId);
    if (s.state !== 'draft')
      fail(E.bad_settlement_state, `Settlement batch "${s.id}" is ${s.state}; only a draft can be approved.`);
    const activeKeys =
      getOrg(ctx.kv, s.sponsor)?.keys.filter((k) => k.revokedAtHeight === undefined).length ?? 0;
    if (activeKeys > 1 && ctx.signer === s.createdBy) {
      fail(
        E.four_eyes,
        `Batch "${s.id}" was made with this key; another key of ${s.sponsor} must approve it (four eyes).`,
      );
    }
    const missing = [s.sponsor, ...s.lines.map((l) => l.provider)].filter((oin) => !getBank(ctx.kv, oin));
    if (missing.length > 0) {
      fail(
        E.missing_bank_account,
        `These organisations have no bank account on the ledger yet: ${missing.join(', ')}. They set one with budgets.set_bank_account.`,
        {
          missing,
        },
      );
    }
    const debtorAccount = getBank(ctx.kv, s.sponsor)!;
    const lines = s.lines.map((l) => {
      const a = getBank(ctx.kv, l.provider)!;
      return { ...l, iban: a.iban, accountName: a.accountName, ...(a.bic ? { bic: a.bic } : {}) };
    });
    const debtor = {
      iban: debtorAccount.iban,
      accountName: debtorAccount.accountName,
      ...(debtorAccount.bic ? { bic: debtorAccount.bic } : {}),
    };
    putSettlement(ctx, {
      ...s,
      state: 'approved',
      approvedAt: ctx.time,
      approvedBy: ctx.signer,
      lines,
      debtor,
    });
    ctx.involve(...s.lines.map((l) => l.provider));
    ctx.setAmount(cents(s.totalCents));
    ctx.emit('budgets.settlement_approved', { settlement: s.id, totalCents: s.totalCents });
  },
});

export const cancelSettlement = defineMessage({
  type: 'budgets.cancel_settlement',
  summary: 'The sponsor cancels a draft or approved batch; its payments become unsettled again.',
  schema: settlementRefSchema,
  handle(ctx, b) {
    const s = mustOwnSettlement(ctx, b.settlementId);
    if (s.state !== 'draft' && s.state !== 'approved') {
      fail(E.bad_settlement_state, `Settlement batch "${s.id}" is ${s.state}; it can no longer be canceled.`);
    }
    for (const id of s.paymentIds) {
      const p = getPayment(ctx.kv, id);
      if (!p) continue;
      const { settlementId: _, ...free } = p;
      putPayment(ctx.kv, free);
      reopen(ctx.kv, s.sponsor, id);
    }
    putSettlement(ctx, { ...s, state: 'canceled', canceledAt: ctx.time });
    ctx.involve(...s.lines.map((l) => l.provider));
    ctx.emit('budgets.settlement_canceled', { settlement: s.id });
  },
});

export const markSettlementPaid = defineMessage({
  type: 'budgets.mark_settlement_paid',
  summary: 'The sponsor records that the bank executed an approved batch.',
  schema: markSettlementPaidSchema,
  handle(ctx, b) {
    const s = mustOwnSettlement(ctx, b.settlementId);
    if (s.state !== 'approved')
      fail(
        E.bad_settlement_state,
        `Settlement batch "${s.id}" is ${s.state}; only an approved batch can be marked paid.`,
      );
    putSettlement(ctx, {
      ...s,
      state: 'paid',
      paidAt: ctx.time,
      ...(b.bankReference ? { bankReference: b.bankReference } : {}),
    });
    ctx.involve(...s.lines.map((l) => l.provider));
    ctx.setAmount(cents(s.totalCents));
    ctx.emit('budgets.settlement_paid', { settlement: s.id, totalCents: s.totalCents });
  },
});
