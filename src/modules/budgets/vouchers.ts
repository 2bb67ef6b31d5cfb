// Vouchers: issued by the sponsor to a resident's key or as a bearer voucher (a code that a
// resident claims to their key); product vouchers for one offer, issued by the sponsor or reserved
// by the resident from their budget; the sponsor can deactivate and reactivate a voucher.
import { defineMessage, type TxContext } from '../../app/module.ts';
import { putJson } from '../../app/typed-kv.ts';
import { fail } from '../../core/errors.ts';
import { FundBook } from './book.ts';
import { activationCodeHash } from './codes.ts';
import { BudgetErrors as E } from './errors.ts';
import { addSpent, createVoucher, grantAmount, requireNoBudgetVoucher, takeOfferUnits } from './lifecycle.ts';
import { cents } from './money.ts';
import {
  mustFund,
  mustVoucher,
  requireAccepted,
  requireActive,
  requireHolder,
  requireOpen,
  requirePaymentLimit,
  requireSponsor,
  requireUsable,
  voucherExpiry,
} from './rules.ts';
import {
  claimVoucherSchema,
  createProductVoucherSchema,
  issueVoucherSchema,
  voucherRefSchema,
} from './schemas.ts';
import { requireBalance, requireOfferAvailable, requirePersonLimit } from './spend.ts';
import {
  type ActivationCode,
  getCode,
  getOffer,
  getPerson,
  keys,
  type Offer,
  putPerson,
  putVoucher,
} from './state.ts';

function registerBearerCode(ctx: TxContext, fundId: string, codeHash: string, voucherId: string): void {
  if (getCode(ctx.kv, codeHash))
    fail(E.code_exists, 'This activation code is already registered; generate another one.');
  const code: ActivationCode = { codeHash, fundId, kind: 'bearer', voucherId, addedAt: ctx.time };
  putJson(ctx.kv, keys.code(codeHash), code);
}

export const issueVoucher = defineMessage({
  type: 'budgets.issue_voucher',
  summary:
    "The sponsor issues a budget voucher to a resident's key, or as a bearer voucher with an activation code.",
  schema: issueVoucherSchema,
  handle(ctx, b) {
    const fund = mustFund(ctx.kv, b.fundId);
    requireSponsor(ctx, fund);
    requireOpen(fund, ctx.time);
    if (b.activationCodeHash !== undefined && !fund.switches.bearerVouchers) {
      fail(
        E.bearer_not_allowed,
        `Fund "${fund.id}" does not allow bearer vouchers; issue the voucher to a resident's key.`,
      );
    }
    if (b.holder !== undefined) requireNoBudgetVoucher(ctx, fund, b.holder);
    const amount = grantAmount(fund, b);
    const book = new FundBook(ctx, fund);
    createVoucher(ctx, book, {
      id: b.voucherId,
      kind: 'budget',
      holder: b.holder,
      codeHash: b.activationCodeHash,
      amount,
      expiresAt: voucherExpiry(fund, ctx.time, b.expiresAt),
      origin: 'sponsor',
      children: b.children,
    });
    book.save();
    if (b.activationCodeHash !== undefined)
      registerBearerCode(ctx, fund.id, b.activationCodeHash, b.voucherId);
  },
});

export const claimVoucher = defineMessage({
  type: 'budgets.claim_voucher',
  summary: 'A resident claims a bearer voucher to their key with its activation code.',
  schema: claimVoucherSchema,
  handle(ctx, b) {
    const hash = activationCodeHash(b.code);
    const code = getCode(ctx.kv, hash);
    if (code?.kind !== 'bearer')
      fail(E.unknown_code, 'This code belongs to no bearer voucher. Check it for typing errors.');
    if (code.usedAt !== undefined)
      fail(E.code_used, `This code was already used on ${code.usedAt.slice(0, 10)}.`);
    const v = mustVoucher(ctx.kv, code.voucherId!);
    const fund = mustFund(ctx.kv, v.fundId);
    requireOpen(fund, ctx.time);
    if (v.state === 'expired' || ctx.time >= v.expiresAt)
      fail(E.voucher_expired, `Voucher "${v.id}" has expired.`);
    if (v.kind === 'budget') requireNoBudgetVoucher(ctx, fund, ctx.signer);
    putVoucher(ctx.kv, { ...v, holder: ctx.signer, claimedAt: ctx.time });
    ctx.kv.set(keys.vouchersOfHolder(ctx.signer, v.id), '1');
    if (v.kind === 'budget')
      putPerson(ctx.kv, fund.id, ctx.signer, {
        ...getPerson(ctx.kv, fund.id, ctx.signer),
        budgetVoucherId: v.id,
      });
    putJson(ctx.kv, keys.code(hash), { ...code, usedAt: ctx.time, usedBy: ctx.signer });
    ctx.involve(fund.sponsor);
    ctx.emit('budgets.voucher_claimed', { voucher: v.id, fund: fund.id });
  },
});

export const deactivateVoucher = defineMessage({
  type: 'budgets.deactivate_voucher',
  summary: 'The sponsor deactivates a voucher (e.g. on misuse or a lost card); its money stays on it.',
  schema: voucherRefSchema,
  handle(ctx, b) {
    const v = mustVoucher(ctx.kv, b.voucherId);
    requireSponsor(ctx, mustFund(ctx.kv, v.fundId));
    if (v.state === 'deactivated') fail(E.voucher_deactivated, `Voucher "${v.id}" is already deactivated.`);
    if (v.state === 'used') fail(E.voucher_used, `Product voucher "${v.id}" was already used.`);
    if (v.state === 'expired' || ctx.time >= v.expiresAt)
      fail(E.voucher_expired, `Voucher "${v.id}" has expired.`);
    putVoucher(ctx.kv, {
      ...v,
      state: 'deactivated',
      deactivatedAt: ctx.time,
      ...(b.reason ? { deactivationReason: b.reason } : {}),
    });
    if (v.holder) ctx.involve(v.holder);
    ctx.emit('budgets.voucher_deactivated', { voucher: v.id, fund: v.fundId });
  },
});

export const reactivateVoucher = defineMessage({
  type: 'budgets.reactivate_voucher',
  summary: 'The sponsor reactivates a deactivated voucher.',
  schema: voucherRefSchema,
  handle(ctx, b) {
    const v = mustVoucher(ctx.kv, b.voucherId);
    requireSponsor(ctx, mustFund(ctx.kv, v.fundId));
    if (v.state !== 'deactivated')
      fail(E.voucher_not_deactivated, `Voucher "${v.id}" is ${v.state}, not deactivated.`);
    if (ctx.time >= v.expiresAt) fail(E.voucher_expired, `Voucher "${v.id}" has expired.`);
    const { deactivatedAt: _a, deactivationReason: _r, ...rest } = v;
    putVoucher(ctx.kv, { ...rest, state: 'active' });
    if (v.holder) ctx.involve(v.holder);
    ctx.emit('budgets.voucher_reactivated', { voucher: v.id, fund: v.fundId });
  },
});

function requireBudgetOffer(offer: Offer | undefined, fundId: string | undefined, offerId: string): Offer {
  if (!offer || (fundId !== undefined && offer.fundId !== fundId))
    fail(E.unknown_offer, `There is no offer "${offerId}"${fundId ? ` in fund "${fundId}"` : ''}.`);
  if (offer.paymentType !== 'budget') {
    fail(
      E.wrong_payment_type,
      `Offer "${offer.id}" is a subsidy offer: it is paid at the counter, not with a product voucher.`,
    );
  }
  return offer;
}

export const createProductVoucher = defineMessage({
  type: 'budgets.create_product_voucher',
  summary:
    'A resident reserves an offer from their budget (parentVoucherId), or the sponsor issues a product voucher for one offer to a resident or as a bearer code.',
  schema: createProductVoucherSchema,
  handle(ctx, b) {
    if (b.parentVoucherId !== undefined) {
      const parent = mustVoucher(ctx.kv, b.parentVoucherId);
      if (parent.kind !== 'budget')
        fail(
          E.wrong_voucher_kind,
          `Voucher "${parent.id}" is a product voucher; reserve from a budget voucher.`,
        );
      requireHolder(ctx, parent);
      requireUsable(parent, ctx.time);
      const fund = mustFund(ctx.kv, parent.fundId);
      if (fund.kind === 'care')
        fail(
          E.care_budget_contract_only,
          `Voucher "${parent.id}" is a care budget: it pays only contracted care.`,
        );
      requireActive(fund, ctx.time);
      const offer = requireBudgetOffer(getOffer(ctx.kv, b.offerId), fund.id, b.offerId);
      requireAccepted(ctx.kv, fund, offer.provider, offer.category);
      requireOfferAvailable(ctx.kv, offer, ctx.signer, 1, ctx.time);
      const price = cents(offer.priceCents);
      requirePaymentLimit(fund, price);
      requirePersonLimit(ctx.kv, fund, ctx.signer, price);
      requireBalance(parent, price);
      const cap =
        offer.expiresAt !== null && offer.expiresAt < parent.expiresAt ? offer.expiresAt : parent.expiresAt;
      const book = new FundBook(ctx, fund);
      createVoucher(
        ctx,
        book,
        {
          id: b.voucherId,
          kind: 'product',
          holder: ctx.signer,
          amount: price,
          expiresAt: voucherExpiry(fund, ctx.time, b.expiresAt, cap),
          origin: 'reservation',
          offerId: offer.id,
          parentVoucherId: parent.id,
        },
        parent,
      );
      book.save();
      takeOfferUnits(ctx, offer, ctx.signer, 1);
      addSpent(ctx, fund, ctx.signer, 0n, price);
      ctx.involve(offer.provider, fund.sponsor);
      return;
    }
    const found = getOffer(ctx.kv, b.offerId);
    if (!found) fail(E.unknown_offer, `There is no offer "${b.offerId}".`);
    const fund = mustFund(ctx.kv, found.fundId);
    requireSponsor(ctx, fund);
    requireOpen(fund, ctx.time);
    const offer = requireBudgetOffer(found, undefined, b.offerId);
    if (b.activationCodeHash !== undefined && !fund.switches.bearerVouchers) {
      fail(E.bearer_not_allowed, `Fund "${fund.id}" does not allow bearer vouchers.`);
    }
    requireOfferAvailable(ctx.kv, offer, b.holder ?? '-', 1, ctx.time);
    const book = new FundBook(ctx, fund);
    const cap = offer.expiresAt ?? undefined;
    createVoucher(ctx, book, {
      id: b.voucherId,
      kind: 'product',
      holder: b.holder,
      codeHash: b.activationCodeHash,
      amount: cents(offer.priceCents),
      expiresAt: voucherExpiry(fund, ctx.time, b.expiresAt, cap),
      origin: 'sponsor',
      offerId: offer.id,
    });
    book.save();
    takeOfferUnits(ctx, offer, b.holder, 1);
    if (b.activationCodeHash !== undefined)
      registerBearerCode(ctx, fund.id, b.activationCodeHash, b.voucherId);
    ctx.involve(offer.provider);
  },
});
