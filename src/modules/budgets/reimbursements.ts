// Reimbursements (declaraties): the resident paid out of pocket and claims it with the hash of the
// receipt; the sponsor approves or declines; an approved claim is paid from the voucher. The payout
// to the resident's own bank account is made by the sponsor outside the ledger, because a
// resident's IBAN is personal data and never goes on it.

import type { TxContext } from '../../app/module.ts';
import { defineMessage } from '../../app/module.ts';
import { putJson } from '../../app/typed-kv.ts';
import { fail } from '../../core/errors.ts';
import { FundBook } from './book.ts';
import { BudgetErrors as E } from './errors.ts';
import { addSpent } from './lifecycle.ts';
import { cents, str } from './money.ts';
import {
  mustFund,
  mustVoucher,
  requireActive,
  requireCategory,
  requireHolder,
  requirePaymentLimit,
  requireSponsor,
  requireUsable,
} from './rules.ts';
import { decideReimbursementSchema, submitReimbursementSchema } from './schemas.ts';
import { requireBalance, requirePersonLimit } from './spend.ts';
import { type Fund, getReimbursement, keys, putVoucher, type Reimbursement, type Voucher } from './state.ts';

function requireReimbursable(ctx: TxContext, v: Voucher, fund: Fund, amount: bigint, category: string): void {
  if (v.kind !== 'budget')
    fail(
      E.wrong_voucher_kind,
      `Voucher "${v.id}" is a product voucher; claims are paid from a budget voucher.`,
    );
  if (!fund.switches.reimbursements) {
    fail(
      E.reimbursements_not_allowed,
      `Fund "${fund.id}" does not take reimbursement claims; pay at an accepted provider instead.`,
    );
  }
  if (fund.kind === 'care')
    fail(E.care_budget_contract_only, `Voucher "${v.id}" is a care budget: it pays only contracted care.`);
  requireUsable(v, ctx.time);
  requireActive(fund, ctx.time);
  requireCategory(fund, category);
  requirePaymentLimit(fund, amount);
  requirePersonLimit(ctx.kv, fund, v.holder!, amount);
  requireBalance(v, amount);
}

export const submitReimbursement = defineMessage({
  type: 'budgets.submit_reimbursement',
  summary: 'The voucher holder claims an expense with the SHA-256 of the receipt.',
  schema: submitReimbursementSchema,
  handle(ctx, b) {
    if (getReimbursement(ctx.kv, b.reimbursementId)) {
      fail(
        E.reimbursement_exists,
        `A reimbursement with id "${b.reimbursementId}" already exists; choose another id.`,
      );
    }
    const v = mustVoucher(ctx.kv, b.voucherId);
    requireHolder(ctx, v);
    const fund = mustFund(ctx.kv, v.fundId);
    requireReimbursable(ctx, v, fund, cents(b.amountCents), b.category);
    const r: Reimbursement = {
      id: b.reimbursementId,
      voucherId: v.id,
      fundId: fund.id,
      sponsor: fund.sponsor,
      holder: ctx.signer,
      amountCents: b.amountCents,
      category: b.category,
      receiptHash: b.receiptHash,
      state: 'pending',
      submittedAt: ctx.time,
    };
    putJson(ctx.kv, keys.reimbursement(r.id), r);
    ctx.kv.set(keys.reimbursementsOfFund(fund.id, r.id), '1');
    ctx.kv.set(keys.reimbursementsOfHolder(r.holder, r.id), '1');
    ctx.involve(fund.sponsor);
    ctx.emit('budgets.reimbursement_submitted', {
      reimbursement: r.id,
      fund: fund.id,
      amountCents: r.amountCents,
    });
  },
});

export const decideReimbursement = defineMessage({
  type: 'budgets.decide_reimbursement',
  summary: 'The sponsor approves (paid from the voucher) or declines a reimbursement claim.',
  schema: decideReimbursementSchema,
  handle(ctx, b) {
    const r = getReimbursement(ctx.kv, b.reimbursementId);
    if (!r) fail(E.unknown_reimbursement, `There is no reimbursement "${b.reimbursementId}".`);
    const fund = mustFund(ctx.kv, r.fundId);
    requireSponsor(ctx, fund);
    if (r.state !== 'pending')
      fail(E.reimbursement_decided, `Reimbursement "${r.id}" was already ${r.state}.`);
    const decided: Reimbursement = {
      ...r,
      state: b.decision,
      decidedAt: ctx.time,
      ...(b.reason ? { reason: b.reason } : {}),
    };
    putJson(ctx.kv, keys.reimbursement(r.id), decided);
    ctx.involve(r.holder);
    ctx.emit('budgets.reimbursement_decided', { reimbursement: r.id, decision: b.decision });
    if (b.decision === 'declined') return;
    const v = mustVoucher(ctx.kv, r.voucherId);
    const amount = cents(r.amountCents);
    requireReimbursable(ctx, v, fund, amount, r.category);
    putVoucher(ctx.kv, { ...v, balanceCents: str(cents(v.balanceCents) - amount) });
    const book = new FundBook(ctx, fund);
    book.move({
      kind: 'reimbursement',
      from: 'voucher',
      to: 'resident',
      amount,
      voucherId: v.id,
      category: r.category,
      ref: r.id,
      holder: r.holder,
    });
    book.save();
    addSpent(ctx, fund, r.holder, amount);
    ctx.setAmount(amount);
  },
});
