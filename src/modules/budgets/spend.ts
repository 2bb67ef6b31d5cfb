// One place decides whether money may be spent, in a fixed order, so a resident paying, a
// provider's payment request, its confirmation and a reservation all refuse the same case with
// the same code: voucher → fund → offer/category → provider → stock → limits → budget.
import type { KVRead } from '../../app/kv.ts';
import type { TxContext } from '../../app/module.ts';
import { fail } from '../../core/errors.ts';
import { FundBook } from './book.ts';
import { BudgetErrors as E } from './errors.ts';
import { addSpent, offerUses, takeOfferUnits } from './lifecycle.ts';
import { type Cents, cents, euroText, str } from './money.ts';
import { chainLinks, setLastPaymentOfProvider } from './payment-chains.ts';
import {
  dateOf,
  mustFund,
  mustVoucher,
  requireAccepted,
  requireActive,
  requireCategory,
  requireFundBalance,
  requirePaymentLimit,
  requireUsable,
} from './rules.ts';
import {
  type Fund,
  getOffer,
  getPayment,
  getPerson,
  getTotals,
  type Offer,
  type Payment,
  putPayment,
  putVoucher,
  type Voucher,
} from './state.ts';

export interface SpendInput {
  voucherId: string;
  provider: string;
  offerId?: string | undefined;
  quantity?: number | undefined;
  amountCents?: string | undefined;
  category?: string | undefined;
}

export interface SpendPlan {
  fund: Fund;
  voucher: Voucher;
  holder: string;
  provider: string;
  category: string;
  offer?: Offer;
  quantity?: number;
  kind: 'budget' | 'subsidy';
  /** Paid on the ledger: from the voucher (budget) or the sponsor part from the fund (subsidy). */
  amount: Cents;
  residentPart?: Cents;
}

/** An offer that can be bought now, by this resident, in this quantity. */
export function requireOfferAvailable(
  kv: KVRead,
  offer: Offer,
  holder: string,
  quantity: number,
  time: string,
): void {
  if (offer.state === 'withdrawn')
    fail(E.offer_not_available, `Offer "${offer.id}" was withdrawn by the provider.`);
  if (offer.state === 'pending') {
    fail(
      E.offer_not_available,
      `Offer "${offer.id}" waits for the sponsor to approve its subsidy; it cannot be used yet.`,
    );
  }
  if (offer.expiresAt !== null && time >= offer.expiresAt) {
    fail(E.offer_not_available, `Offer "${offer.id}" ended on ${dateOf(offer.expiresAt)}.`);
  }
  if (offer.stock !== null && offer.sold + quantity > offer.stock) {
    fail(
      E.offer_sold_out,
      `Offer "${offer.id}" is sold out (${offer.stock - offer.sold} left of ${offer.stock}).`,
    );
  }
  if (offer.totalLimit !== null && offer.sold + quantity > offer.totalLimit) {
    fail(E.offer_sold_out, `Offer "${offer.id}" reached its limit of ${offer.totalLimit} under this fund.`);
  }
  if (offer.perPersonLimit !== null) {
    const used = offerUses(kv, offer.id, holder);
    if (used + quantity > offer.perPersonLimit) {
      fail(
        E.offer_person_limit,
        `Offer "${offer.id}" can be used ${offer.perPersonLimit} times per person; this resident used it ${used} times.`,
      );
    }
  }
}

/** Spending so far plus `amount` stays within the fund's per-person limit. */
export function requirePersonLimit(kv: KVRead, fund: Fund, holder: string, amount: Cents): void {
  const max = fund.limits.perPersonCents;
  if (max === undefined) return;
  const p = getPerson(kv, fund.id, holder);
  const used = cents(p.spentCents) + cents(p.reservedCents);
  if (used + amount > cents(max)) {
    fail(
      E.person_limit,
      `Fund "${fund.id}" allows ${euroText(max)} per person; this resident has used ${euroText(used)}, so ${euroText(amount)} more is too much.`,
    );
  }
}

export function requireBalance(v: Voucher, amount: Cents): void {
  if (cents(v.balanceCents) < amount) {
    fail(
      E.insufficient_budget,
      `Voucher "${v.id}" has ${euroText(v.balanceCents)} left; ${euroText(amount)} is needed.`,
      { balanceCents: v.balanceCents },
    );
  }
}

/** Every check of a payment from a budget voucher; changes nothing. `payer` is checked when given. */
export function planSpend(ctx: TxContext, input: SpendInput, payer?: string): SpendPlan {
  const voucher = mustVoucher(ctx.kv, input.voucherId);
  if (voucher.kind !== 'budget') {
    fail(
      E.wrong_voucher_kind,
      `Voucher "${voucher.id}" is a product voucher for offer "${voucher.offerId}"; the provider redeems it.`,
    );
  }
  if (payer !== undefined && voucher.holder !== undefined && voucher.holder !== payer) {
    fail(E.not_voucher_holder, `Only the holder of voucher "${voucher.id}" can pay with it.`);
  }
  requireUsable(voucher, ctx.time);
  const holder = voucher.holder!;
  const fund = mustFund(ctx.kv, voucher.fundId);
  if (fund.kind === 'care') {
    fail(
      E.care_budget_contract_only,
      `Voucher "${voucher.id}" is a care budget: it pays only care declared under a care contract.`,
    );
  }
  requireActive(fund, ctx.time);
  let offer: Offer | undefined;
  let category: string;
  const quantity = input.quantity ?? 1;
  if (input.offerId !== undefined) {
    offer = getOffer(ctx.kv, input.offerId);
    if (!offer || offer.fundId !== fund.id)
      fail(E.unknown_offer, `Fund "${fund.id}" has no offer "${input.offerId}".`);
    if (offer.provider !== input.provider) {
      fail(
        E.not_offer_provider,
        `Offer "${offer.id}" is sold by provider ${offer.provider}, not by ${input.provider}.`,
      );
    }
    category = offer.category;
  } else {
    category = input.category!;
    requireCategory(fund, category);
  }
  requireAccepted(ctx.kv, fund, input.provider, category);
  if (offer) requireOfferAvailable(ctx.kv, offer, holder, quantity, ctx.time);
  const subsidy = offer?.paymentType === 'subsidy';
  const amount = offer
    ? cents(subsidy ? offer.sponsorPartCents : offer.priceCents) * BigInt(quantity)
    : cents(input.amountCents);
  requirePaymentLimit(fund, amount);
  requirePersonLimit(ctx.kv, fund, holder, amount);
  if (subsidy) requireFundBalance(fund, getTotals(ctx.kv, fund.id), amount);
  else requireBalance(voucher, amount);
  return {
    fund,
    voucher,
    holder,
    provider: input.provider,
    category,
    kind: subsidy ? 'subsidy' : 'budget',
    amount,
    ...(offer ? { offer, quantity } : {}),
    ...(subsidy && offer ? { residentPart: cents(offer.residentPartCents) * BigInt(quantity) } : {}),
  };
}

export function requireNewPaymentId(ctx: TxContext, paymentId: string): void {
  if (getPayment(ctx.kv, paymentId))
    fail(E.payment_exists, `A payment with id "${paymentId}" already exists; choose another id.`);
}

export interface PaymentMeta {
  paymentId: string;
  initiatedBy: Payment['initiatedBy'];
  requestId?: string;
  declarationId?: string;
  kind?: Payment['kind'];
}

/**
 * Records a payment to a provider and moves its money: from the voucher (budget, product, care)
 * or, for a subsidy, the sponsor part from the fund. The provider is then owed it until settlement.
 * Writes as few keys as it can (each costs encoding, a Merkle update and SQLite rows): the payment,
 * its journal entry, the voucher (balance and the head of its payment chain), the provider's chain
 * head, and the fund totals and per-person spending, which a block's payments share.
 */
export function recordPayment(
  ctx: TxContext,
  book: FundBook,
  p: Omit<SpendPlan, 'fund' | 'kind'> & { kind: Payment['kind'] },
  meta: PaymentMeta,
): Payment {
  const { voucher, amount } = p;
  const fund = book.fund;
  const fromFund = p.kind === 'subsidy';
  // A subsidy leaves the balance alone, but the voucher still heads the chain of its payments.
  putVoucher(ctx.kv, {
    ...voucher,
    ...(fromFund ? {} : { balanceCents: str(cents(voucher.balanceCents) - amount) }),
    ...(p.kind === 'product' ? { state: 'used' as const, endedAt: ctx.time } : {}),
    lastPaymentId: meta.paymentId,
  });
  const payment: Payment = {
    id: meta.paymentId,
    fundId: fund.id,
    sponsor: fund.sponsor,
    voucherId: voucher.id,
    holder: p.holder,
    provider: p.provider,
    category: p.category,
    kind: p.kind,
    amountCents: str(amount),
    initiatedBy: meta.initiatedBy,
    refundedCents: '0',
    time: ctx.time,
    height: ctx.height,
    txHash: ctx.txHash,
    ...(p.residentPart !== undefined ? { residentPartCents: str(p.residentPart) } : {}),
    ...(p.offer ? { offerId: p.offer.id, quantity: p.quantity ?? 1 } : {}),
    ...(meta.requestId ? { requestId: meta.requestId } : {}),
    ...(meta.declarationId ? { declarationId: meta.declarationId } : {}),
    ...chainLinks(ctx.kv, voucher, p.provider),
  };
  putPayment(ctx.kv, payment);
  setLastPaymentOfProvider(ctx.kv, p.provider, payment.id);
  // No "unsettled" index: settlement batches take the journal entries past the fund's watermark (unsettled.ts).
  book.move({
    kind: p.kind === 'care' ? 'care_payment' : 'payment',
    from: fromFund ? 'fund' : 'voucher',
    to: 'provider',
    amount,
    voucherId: voucher.id,
    provider: p.provider,
    category: p.category,
    ref: payment.id,
    holder: p.holder,
  });
  if (p.kind === 'budget' || p.kind === 'subsidy') {
    if (p.offer) takeOfferUnits(ctx, p.offer, p.holder, p.quantity ?? 1);
    addSpent(ctx, fund, p.holder, amount);
  }
  ctx.involve(p.provider, p.holder, fund.sponsor);
  ctx.setAmount(amount);
  ctx.emit('budgets.payment', {
    payment: payment.id,
    fund: fund.id,
    voucher: voucher.id,
    provider: p.provider,
    category: p.category,
    kind: p.kind,
    amountCents: payment.amountCents,
    ...(payment.residentPartCents ? { residentPartCents: payment.residentPartCents } : {}),
  });
  return payment;
}

/** Plans and records a budget or subsidy payment in one go. */
export function spend(ctx: TxContext, input: SpendInput, meta: PaymentMeta, payer?: string): Payment {
  requireNewPaymentId(ctx, meta.paymentId);
  const plan = planSpend(ctx, input, payer);
  const book = new FundBook(ctx, plan.fund);
  const payment = recordPayment(ctx, book, plan, meta);
  book.save();
  return payment;
}
