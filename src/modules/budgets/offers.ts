// Offers: what a provider sells under a fund. A budget offer is paid from the resident's budget;
// a subsidy offer is paid partly by the sponsor (from the fund, once the sponsor approved that
// part) and partly by the resident at the counter. Stock and limits are counted on the ledger.

import type { TxContext } from '../../app/module.ts';
import { defineMessage } from '../../app/module.ts';
import { fail } from '../../core/errors.ts';
import { requireSignerRole } from '../identity/index.ts';
import { BudgetErrors as E } from './errors.ts';
import { cents, str } from './money.ts';
import { mustFund, requireAccepted, requireCategory, requireOpen, requireSponsor } from './rules.ts';
import { createOfferSchema, offerRefSchema, updateOfferSchema } from './schemas.ts';
import { getOffer, keys, type Offer, putOffer } from './state.ts';

function mustOffer(ctx: TxContext, offerId: string): Offer {
  const o = getOffer(ctx.kv, offerId);
  if (!o) fail(E.unknown_offer, `There is no offer "${offerId}".`);
  return o;
}

function requireOfferProvider(ctx: TxContext, offer: Offer): void {
  const org = requireSignerRole(ctx, 'provider');
  if (org.oin !== offer.provider)
    fail(E.not_offer_provider, `Offer "${offer.id}" belongs to provider ${offer.provider}, not ${org.oin}.`);
}

export const createOffer = defineMessage({
  type: 'budgets.create_offer',
  summary:
    'An accepted provider publishes an offer: price, category, stock, limits and payment type (budget or subsidy).',
  schema: createOfferSchema,
  handle(ctx, b) {
    const org = requireSignerRole(ctx, 'provider');
    const fund = mustFund(ctx.kv, b.fundId);
    requireOpen(fund, ctx.time);
    if (fund.kind === 'care')
      fail(
        E.care_budget_contract_only,
        `Fund "${fund.id}" is a care budget: it pays contracted care, not offers.`,
      );
    if (getOffer(ctx.kv, b.offerId))
      fail(E.offer_exists, `An offer with id "${b.offerId}" already exists; choose another id.`);
    requireCategory(fund, b.category);
    requireAccepted(ctx.kv, fund, org.oin, b.category);
    const offer: Offer = {
      id: b.offerId,
      fundId: fund.id,
      provider: org.oin,
      title: b.title,
      category: b.category,
      priceCents: b.priceCents,
      paymentType: b.paymentType,
      ...(b.sponsorPartCents !== undefined
        ? {
            sponsorPartCents: b.sponsorPartCents,
            residentPartCents: str(cents(b.priceCents) - cents(b.sponsorPartCents)),
          }
        : {}),
      stock: b.stock ?? null,
      perPersonLimit: b.perPersonLimit ?? null,
      totalLimit: b.totalLimit ?? null,
      sold: 0,
      expiresAt: b.expiresAt ?? null,
      // The sponsor decides what it pays: a subsidy waits for its approval.
      state: b.paymentType === 'subsidy' ? 'pending' : 'approved',
      createdAt: ctx.time,
    };
    putOffer(ctx.kv, offer);
    ctx.kv.set(keys.offersOfFund(fund.id, offer.id), '1');
    ctx.kv.set(keys.offersOfProvider(org.oin, offer.id), '1');
    ctx.involve(fund.sponsor);
    ctx.emit('budgets.offer_created', {
      offer: offer.id,
      fund: fund.id,
      provider: org.oin,
      paymentType: offer.paymentType,
      state: offer.state,
    });
  },
});

export const approveOffer = defineMessage({
  type: 'budgets.approve_offer',
  summary: 'The sponsor approves a subsidy offer, and with it the part the fund pays.',
  schema: offerRefSchema,
  handle(ctx, b) {
    const offer = mustOffer(ctx, b.offerId);
    const fund = mustFund(ctx.kv, offer.fundId);
    requireSponsor(ctx, fund);
    if (offer.state !== 'pending')
      fail(
        E.offer_not_available,
        `Offer "${offer.id}" is ${offer.state}; only a pending offer can be approved.`,
      );
    putOffer(ctx.kv, { ...offer, state: 'approved', approvedAt: ctx.time });
    ctx.involve(offer.provider);
    ctx.emit('budgets.offer_approved', {
      offer: offer.id,
      fund: fund.id,
      sponsorPartCents: offer.sponsorPartCents ?? '0',
    });
  },
});

export const updateOffer = defineMessage({
  type: 'budgets.update_offer',
  summary: 'The provider changes the stock, limits or expiry of its offer (null removes a limit).',
  schema: updateOfferSchema,
  handle(ctx, b) {
    const offer = mustOffer(ctx, b.offerId);
    requireOfferProvider(ctx, offer);
    if (offer.state === 'withdrawn') fail(E.offer_not_available, `Offer "${offer.id}" was withdrawn.`);
    const next: Offer = { ...offer };
    if (b.stock !== undefined) next.stock = b.stock;
    if (b.perPersonLimit !== undefined) next.perPersonLimit = b.perPersonLimit;
    if (b.totalLimit !== undefined) next.totalLimit = b.totalLimit;
    if (b.expiresAt !== undefined) next.expiresAt = b.expiresAt;
    putOffer(ctx.kv, next);
    ctx.emit('budgets.offer_updated', { offer: offer.id });
  },
});

export const withdrawOffer = defineMessage({
  type: 'budgets.withdraw_offer',
  summary: 'The provider withdraws its offer; reservations already made stay valid.',
  schema: offerRefSchema,
  handle(ctx, b) {
    const offer = mustOffer(ctx, b.offerId);
    requireOfferProvider(ctx, offer);
    if (offer.state === 'withdrawn')
      fail(E.offer_not_available, `Offer "${offer.id}" was already withdrawn.`);
    putOffer(ctx.kv, { ...offer, state: 'withdrawn' });
    ctx.emit('budgets.offer_withdrawn', { offer: offer.id });
  },
});
