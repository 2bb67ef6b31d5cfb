// Paying providers: the resident pays directly, or confirms a provider's payment request (the QR
// flow: the cashier scans the voucher, the resident's app confirms). Product vouchers are redeemed
// by the provider of their offer. A provider can refund a payment until it is in a settlement batch.

import type { TxContext } from '../../app/module.ts';
import { defineMessage } from '../../app/module.ts';
import { putJson } from '../../app/typed-kv.ts';
import { fail } from '../../core/errors.ts';
import { orgOfKey, requireSignerOrg, requireSignerRole } from '../identity/index.ts';
import { FundBook } from './book.ts';
import { BudgetErrors as E } from './errors.ts';
import { addSpent, releaseOfferUnit } from './lifecycle.ts';
import { cents, euroText, str } from './money.ts';
import {
  addMs,
  dateOf,
  mustFund,
  mustVoucher,
  requireAccepted,
  requireActive,
  requireUsable,
} from './rules.ts';
import {
  confirmPaymentRequestSchema,
  declinePaymentRequestSchema,
  paySchema,
  redeemProductVoucherSchema,
  refundSchema,
  requestPaymentSchema,
} from './schemas.ts';
import { planSpend, recordPayment, requireNewPaymentId, spend } from './spend.ts';
import {
  getOffer,
  getPayment,
  getPaymentRequest,
  getVoucher,
  keys,
  type Payment,
  type PaymentRequest,
  putPayment,
  putVoucher,
  type Voucher,
} from './state.ts';
import { forgetRefunded } from './unsettled.ts';

/** How long a provider's payment request (a QR on the counter screen) can be confirmed. */
export const PAYMENT_REQUEST_TTL_MS = 15 * 60 * 1000;

export const pay = defineMessage({
  type: 'budgets.pay',
  summary: 'The voucher holder pays an accepted provider, for an offer or an amount in a category.',
  schema: paySchema,
  handle(ctx, b) {
    spend(ctx, b, { paymentId: b.paymentId, initiatedBy: 'resident' }, ctx.signer);
  },
});

export const requestPayment = defineMessage({
  type: 'budgets.request_payment',
  summary:
    'A provider asks the holder of a scanned voucher to confirm a payment; every payment check runs now.',
  schema: requestPaymentSchema,
  handle(ctx, b) {
    const org = requireSignerRole(ctx, 'provider');
    if (getPaymentRequest(ctx.kv, b.requestId)) {
      fail(E.payment_exists, `A payment request with id "${b.requestId}" already exists; choose another id.`);
    }
    const plan = planSpend(ctx, { ...b, provider: org.oin });
    const req: PaymentRequest = {
      id: b.requestId,
      voucherId: plan.voucher.id,
      provider: org.oin,
      holder: plan.holder,
      fundId: plan.fund.id,
      amountCents: str(plan.amount),
      category: plan.category,
      ...(plan.offer ? { offerId: plan.offer.id, quantity: plan.quantity ?? 1 } : {}),
      state: 'pending',
      createdAt: ctx.time,
      expiresAt: addMs(ctx.time, PAYMENT_REQUEST_TTL_MS),
    };
    putJson(ctx.kv, keys.paymentRequest(req.id), req);
    ctx.kv.set(keys.paymentRequestsOfHolder(req.holder, req.id), '1');
    ctx.involve(plan.holder);
    ctx.emit('budgets.payment_requested', {
      request: req.id,
      voucher: req.voucherId,
      provider: org.oin,
      amountCents: req.amountCents,
    });
  },
});

function mustOpenRequest(ctx: TxContext, requestId: string): PaymentRequest {
  const req = getPaymentRequest(ctx.kv, requestId);
  if (!req) fail(E.unknown_payment_request, `There is no payment request "${requestId}".`);
  if (req.state !== 'pending') fail(E.payment_request_closed, `Payment request "${req.id}" is ${req.state}.`);
  return req;
}

export const confirmPaymentRequest = defineMessage({
  type: 'budgets.confirm_payment_request',
  summary:
    'The voucher holder confirms a provider’s payment request; the checks run again and the payment is made.',
  schema: confirmPaymentRequestSchema,
  handle(ctx, b) {
    const req = mustOpenRequest(ctx, b.requestId);
    if (req.holder !== ctx.signer)
      fail(E.not_voucher_holder, `Only the holder of voucher "${req.voucherId}" can confirm this request.`);
    if (ctx.time >= req.expiresAt) {
      fail(
        E.payment_request_expired,
        `Payment request "${req.id}" expired at ${req.expiresAt}; ask the provider for a new one.`,
      );
    }
    const input =
      req.offerId !== undefined
        ? { voucherId: req.voucherId, provider: req.provider, offerId: req.offerId, quantity: req.quantity }
        : {
            voucherId: req.voucherId,
            provider: req.provider,
            amountCents: req.amountCents,
            category: req.category,
          };
    const payment = spend(
      ctx,
      input,
      { paymentId: b.paymentId, initiatedBy: 'provider', requestId: req.id },
      ctx.signer,
    );
    putJson(ctx.kv, keys.paymentRequest(req.id), {
      ...req,
      state: 'confirmed',
      paymentId: payment.id,
      closedAt: ctx.time,
    });
  },
});

export const declinePaymentRequest = defineMessage({
  type: 'budgets.decline_payment_request',
  summary: 'The holder declines, or the provider cancels, an open payment request.',
  schema: declinePaymentRequestSchema,
  handle(ctx, b) {
    const req = mustOpenRequest(ctx, b.requestId);
    let state: PaymentRequest['state'];
    if (ctx.signer === req.holder) state = 'declined';
    else if (orgOfKey(ctx.kv, ctx.signer)?.oin === req.provider) state = 'canceled';
    else
      fail(
        E.not_party,
        `Only the voucher holder or provider ${req.provider} can close payment request "${req.id}".`,
      );
    putJson(ctx.kv, keys.paymentRequest(req.id), { ...req, state, closedAt: ctx.time });
    ctx.involve(req.holder, req.provider);
    ctx.emit('budgets.payment_request_closed', { request: req.id, state });
  },
});

export const redeemProductVoucher = defineMessage({
  type: 'budgets.redeem_product_voucher',
  summary: 'The provider of the offer redeems a product voucher and is paid its value.',
  schema: redeemProductVoucherSchema,
  handle(ctx, b) {
    const org = requireSignerRole(ctx, 'provider');
    requireNewPaymentId(ctx, b.paymentId);
    const voucher = mustVoucher(ctx.kv, b.voucherId);
    if (voucher.kind !== 'product') {
      fail(
        E.wrong_voucher_kind,
        `Voucher "${voucher.id}" is a budget voucher; it pays through a payment, not a redemption.`,
      );
    }
    requireUsable(voucher, ctx.time);
    const fund = mustFund(ctx.kv, voucher.fundId);
    requireActive(fund, ctx.time);
    const offer = getOffer(ctx.kv, voucher.offerId!);
    if (!offer)
      fail(E.unknown_offer, `The offer "${voucher.offerId}" of voucher "${voucher.id}" no longer exists.`);
    if (offer.provider !== org.oin) {
      fail(
        E.not_offer_provider,
        `Product voucher "${voucher.id}" is for offer "${offer.id}" of provider ${offer.provider}, not ${org.oin}.`,
      );
    }
    requireAccepted(ctx.kv, fund, org.oin, offer.category);
    const amount = cents(voucher.balanceCents);
    const book = new FundBook(ctx, fund);
    recordPayment(
      ctx,
      book,
      {
        voucher,
        holder: voucher.holder!,
        provider: org.oin,
        category: offer.category,
        offer,
        quantity: 1,
        amount,
        kind: 'product',
      },
      { paymentId: b.paymentId, initiatedBy: 'provider' },
    );
    book.save();
    ctx.kv.delete(keys.expiry(voucher.expiresAt, voucher.id));
    // The reservation is now spending.
    addSpent(ctx, fund, voucher.holder!, amount, voucher.origin === 'reservation' ? -amount : 0n);
  },
});

/** Where refunded money goes: back into the voucher while it can still pay, else to the sponsor. */
function refundTarget(
  ctx: TxContext,
  p: Payment,
  fundOpen: boolean,
): { pool: 'voucher' | 'fund' | 'sponsor'; voucher?: Voucher } {
  if (p.kind === 'subsidy') return { pool: fundOpen ? 'fund' : 'sponsor' };
  let v = getVoucher(ctx.kv, p.voucherId);
  // A redeemed product voucher's refund goes back to the budget voucher it was reserved from.
  if (v?.kind === 'product')
    v = v.parentVoucherId !== undefined ? getVoucher(ctx.kv, v.parentVoucherId) : undefined;
  const live =
    v !== undefined && (v.state === 'active' || v.state === 'deactivated') && ctx.time < v.expiresAt;
  return live && fundOpen ? { pool: 'voucher', voucher: v } : { pool: 'sponsor' };
}

export const refundPayment = defineMessage({
  type: 'budgets.refund_payment',
  summary:
    'The provider refunds (part of) a payment that is not in a settlement batch; the money goes back where it came from.',
  schema: refundSchema,
  handle(ctx, b) {
    const p = getPayment(ctx.kv, b.paymentId);
    if (!p) fail(E.unknown_payment, `There is no payment "${b.paymentId}".`);
    const org = requireSignerOrg(ctx);
    if (org.oin !== p.provider)
      fail(E.not_party, `Payment "${p.id}" was made to ${p.provider}; only that provider can refund it.`);
    if (p.settlementId !== undefined) {
      fail(
        E.payment_in_settlement,
        `Payment "${p.id}" is in settlement batch "${p.settlementId}"; it can no longer be refunded on the ledger.`,
      );
    }
    const left = cents(p.amountCents) - cents(p.refundedCents);
    const amount = b.amountCents === undefined ? left : cents(b.amountCents);
    if (left === 0n) fail(E.refund_too_large, `Payment "${p.id}" was already refunded in full.`);
    if (amount > left)
      fail(
        E.refund_too_large,
        `Payment "${p.id}" has ${euroText(left)} left to refund; ${euroText(amount)} is more.`,
      );
    const fund = mustFund(ctx.kv, p.fundId);
    const book = new FundBook(ctx, fund);
    const target = refundTarget(ctx, p, fund.state !== 'closed' && ctx.time < fund.endsAt);
    if (target.voucher)
      putVoucher(ctx.kv, {
        ...target.voucher,
        balanceCents: str(cents(target.voucher.balanceCents) + amount),
      });
    book.move({
      kind: 'refund',
      from: 'provider',
      to: target.pool,
      amount,
      voucherId: target.voucher?.id ?? p.voucherId,
      provider: p.provider,
      category: p.category,
      ref: p.id,
      holder: p.holder,
    });
    book.save();
    const refunded = cents(p.refundedCents) + amount;
    const full = refunded === cents(p.amountCents);
    putPayment(ctx.kv, { ...p, refundedCents: str(refunded) });
    if (full) {
      forgetRefunded(ctx.kv, p);
      if (p.offerId !== undefined) releaseOfferUnit(ctx, p.offerId, p.holder, p.quantity ?? 1);
    }
    addSpent(ctx, fund, p.holder, -amount);
    ctx.involve(p.holder, p.sponsor);
    ctx.setAmount(amount);
    ctx.emit('budgets.refund', {
      payment: p.id,
      amountCents: str(amount),
      to: target.pool,
      full,
      date: dateOf(ctx.time),
    });
  },
});
