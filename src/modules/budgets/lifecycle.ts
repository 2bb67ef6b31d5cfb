// How vouchers come into being and end, shared by the sponsor's messages, eligibility decisions,
// pre-validations, reservations, the fund closing and the end-block expiry.
import type { KVRead } from '../../app/kv.ts';
import type { BlockContext, TxContext } from '../../app/module.ts';
import { getJson } from '../../app/typed-kv.ts';
import { fail } from '../../core/errors.ts';
import type { FundBook } from './book.ts';
import { BudgetErrors as E } from './errors.ts';
import { type Cents, cents, euroText, str } from './money.ts';
import { requireFundBalance, requireFundTotalLimit } from './rules.ts';
import {
  type Fund,
  getOffer,
  getPerson,
  getVoucher,
  keys,
  type Offer,
  type Person,
  putOffer,
  putPerson,
  putVoucher,
  type Voucher,
} from './state.ts';

/** The amount one eligible person gets from `fund`, given what the decision says. */
export function grantAmount(
  fund: Fund,
  input: { children?: number | undefined; amountCents?: string | undefined },
): Cents {
  const a = fund.amount;
  switch (a.kind) {
    case 'fixed':
      if (input.children !== undefined || input.amountCents !== undefined) {
        fail(
          E.amount_not_allowed,
          `Fund "${fund.id}" gives everyone ${euroText(a.cents)}; leave out children and amountCents.`,
        );
      }
      return cents(a.cents);
    case 'formula':
      if (input.children === undefined || input.amountCents !== undefined) {
        fail(
          E.amount_not_allowed,
          `Fund "${fund.id}" gives ${euroText(a.baseCents)} plus ${euroText(a.perChildCents)} per child: give the number of children, not an amount.`,
        );
      }
      return cents(a.baseCents) + cents(a.perChildCents) * BigInt(input.children);
    case 'custom': {
      if (input.amountCents === undefined || input.children !== undefined) {
        fail(
          E.amount_not_allowed,
          `Fund "${fund.id}" grants an amount per person: give amountCents, not children.`,
        );
      }
      const v = cents(input.amountCents);
      if (v < cents(a.minCents) || v > cents(a.maxCents)) {
        fail(
          E.amount_not_allowed,
          `Fund "${fund.id}" grants between ${euroText(a.minCents)} and ${euroText(a.maxCents)}; ${euroText(v)} is outside that.`,
        );
      }
      return v;
    }
  }
}

/** A resident has at most one live budget voucher per fund. */
export function requireNoBudgetVoucher(ctx: BlockContext, fund: Fund, holder: string): Person {
  const person = getPerson(ctx.kv, fund.id, holder);
  if (person.budgetVoucherId !== undefined) {
    const existing = getVoucher(ctx.kv, person.budgetVoucherId);
    if (
      existing &&
      (existing.state === 'active' || existing.state === 'deactivated') &&
      existing.expiresAt > ctx.time
    ) {
      fail(E.holder_has_voucher, `This resident already has voucher "${existing.id}" of fund "${fund.id}".`);
    }
  }
  return person;
}

export interface NewVoucher {
  id: string;
  kind: Voucher['kind'];
  holder?: string | undefined;
  codeHash?: string | undefined;
  amount: Cents;
  expiresAt: string;
  origin: Voucher['origin'];
  offerId?: string;
  parentVoucherId?: string;
  validatedBy?: string;
  requestId?: string;
  children?: number | undefined;
}

/**
 * Writes a new voucher with its indexes and moves its amount into it: from the fund's unallocated
 * balance (allocation), or from the parent voucher (a resident's reservation of an offer).
 */
export function createVoucher(ctx: TxContext, book: FundBook, nv: NewVoucher, parent?: Voucher): Voucher {
  if (getVoucher(ctx.kv, nv.id))
    fail(E.voucher_exists, `A voucher with id "${nv.id}" already exists; choose another id.`);
  const fund = book.fund;
  if (!parent) {
    requireFundTotalLimit(fund, book.totals, nv.amount);
    requireFundBalance(fund, book.totals, nv.amount);
  }
  const v: Voucher = {
    id: nv.id,
    fundId: fund.id,
    sponsor: fund.sponsor,
    kind: nv.kind,
    amountCents: str(nv.amount),
    balanceCents: str(nv.amount),
    state: 'active',
    expiresAt: nv.expiresAt,
    issuedAt: ctx.time,
    origin: nv.origin,
    ...(nv.holder !== undefined ? { holder: nv.holder, claimedAt: ctx.time } : {}),
    ...(nv.codeHash !== undefined ? { codeHash: nv.codeHash } : {}),
    ...(nv.offerId !== undefined ? { offerId: nv.offerId } : {}),
    ...(nv.parentVoucherId !== undefined ? { parentVoucherId: nv.parentVoucherId } : {}),
    ...(nv.validatedBy !== undefined ? { validatedBy: nv.validatedBy } : {}),
    ...(nv.requestId !== undefined ? { requestId: nv.requestId } : {}),
    ...(nv.children !== undefined ? { children: nv.children } : {}),
  };
  if (parent) {
    putVoucher(ctx.kv, { ...parent, balanceCents: str(cents(parent.balanceCents) - nv.amount) });
    book.move({
      kind: 'reservation',
      from: 'voucher',
      to: 'voucher',
      amount: nv.amount,
      voucherId: parent.id,
      toVoucherId: v.id,
      ref: v.offerId,
      ...(v.holder ? { holder: v.holder } : {}),
    });
  } else {
    book.move({
      kind: 'allocation',
      from: 'fund',
      to: 'voucher',
      amount: nv.amount,
      voucherId: v.id,
      ...(v.holder ? { holder: v.holder } : {}),
    });
  }
  putVoucher(ctx.kv, v);
  ctx.kv.set(keys.vouchersOfFund(fund.id, v.id), '1');
  ctx.kv.set(keys.expiry(v.expiresAt, v.id), '1');
  if (v.holder !== undefined) {
    ctx.kv.set(keys.vouchersOfHolder(v.holder, v.id), '1');
    ctx.involve(v.holder);
    if (v.kind === 'budget') {
      const person = getPerson(ctx.kv, fund.id, v.holder);
      putPerson(ctx.kv, fund.id, v.holder, { ...person, budgetVoucherId: v.id });
    }
  }
  ctx.emit('budgets.voucher_issued', {
    voucher: v.id,
    fund: fund.id,
    kind: v.kind,
    origin: v.origin,
    amountCents: v.amountCents,
    bearer: v.holder === undefined,
  });
  ctx.setAmount(nv.amount);
  return v;
}

/**
 * Ends a voucher (expiry, or its fund closing): whatever is left goes back to the sponsor, and an
 * unused reservation gives its offer unit back.
 */
export function endVoucher(ctx: BlockContext, book: FundBook, v: Voucher): void {
  const left = cents(v.balanceCents);
  book.move({
    kind: 'return',
    from: 'voucher',
    to: 'sponsor',
    amount: left,
    voucherId: v.id,
    ...(v.holder ? { holder: v.holder } : {}),
  });
  ctx.kv.delete(keys.expiry(v.expiresAt, v.id));
  if (v.kind === 'product' && v.offerId !== undefined && v.state !== 'used') {
    releaseOfferUnit(ctx, v.offerId, v.holder, 1);
    if (v.origin === 'reservation' && v.holder !== undefined) unreserve(ctx, book.fund, v.holder, left);
  }
  const ended: Voucher = {
    ...v,
    state: 'expired',
    balanceCents: '0',
    endedAt: ctx.time,
    returnedCents: str(left),
  };
  putVoucher(ctx.kv, ended);
  ctx.emit('budgets.voucher_expired', { voucher: v.id, fund: v.fundId, returnedCents: str(left) });
}

/** Counts `quantity` units of an offer as sold to `holder` (stock, total and per-person use). */
export function takeOfferUnits(
  ctx: BlockContext,
  offer: Offer,
  holder: string | undefined,
  quantity: number,
): void {
  putOffer(ctx.kv, { ...offer, sold: offer.sold + quantity });
  if (holder !== undefined) {
    const key = keys.offerUse(offer.id, holder);
    ctx.kv.set(key, String((getJson<number>(ctx.kv, key) ?? 0) + quantity));
  }
}

export function releaseOfferUnit(
  ctx: BlockContext,
  offerId: string,
  holder: string | undefined,
  quantity: number,
): void {
  const offer = getOffer(ctx.kv, offerId);
  if (offer) putOffer(ctx.kv, { ...offer, sold: Math.max(0, offer.sold - quantity) });
  if (holder !== undefined) {
    const key = keys.offerUse(offerId, holder);
    const used = (getJson<number>(ctx.kv, key) ?? 0) - quantity;
    if (used > 0) ctx.kv.set(key, String(used));
    else ctx.kv.delete(key);
  }
}

export function offerUses(kv: KVRead, offerId: string, holder: string): number {
  return getJson<number>(kv, keys.offerUse(offerId, holder)) ?? 0;
}

/** Per-person bookkeeping only matters for funds with a per-person limit. */
export function tracksPerson(fund: Fund): boolean {
  return fund.limits.perPersonCents !== undefined;
}

export function addSpent(
  ctx: BlockContext,
  fund: Fund,
  holder: string,
  delta: Cents,
  reservedDelta: Cents = 0n,
): void {
  if (!tracksPerson(fund)) return;
  const p = getPerson(ctx.kv, fund.id, holder);
  putPerson(ctx.kv, fund.id, holder, {
    ...p,
    spentCents: str(maxZero(cents(p.spentCents) + delta)),
    reservedCents: str(maxZero(cents(p.reservedCents) + reservedDelta)),
  });
}

function unreserve(ctx: BlockContext, fund: Fund, holder: string, amount: Cents): void {
  addSpent(ctx, fund, holder, 0n, -amount);
}

const maxZero = (c: Cents) => (c < 0n ? 0n : c);
