// Checks shared by the messages. Each refusal names the record and says what to do next; the
// payment-related ones are what a cashier reads when a scan fails.
import type { KVRead } from '../../app/kv.ts';
import type { TxContext } from '../../app/module.ts';
import { fail } from '../../core/errors.ts';
import { type Organisation, requireSignerRole } from '../identity/index.ts';
import { BudgetErrors as E } from './errors.ts';
import { type Cents, cents, euroText } from './money.ts';
import { type Fund, type FundTotals, getApplication, getFund, getVoucher, type Voucher } from './state.ts';

export const dayStart = (date: string) => `${date}T00:00:00.000Z`;
export const dateOf = (time: string) => time.slice(0, 10);

/** The start of the day after `date` (UTC). */
export function dayAfter(date: string): string {
  return new Date(Date.parse(dayStart(date)) + 86_400_000).toISOString();
}

export function addMs(time: string, ms: number): string {
  return new Date(Date.parse(time) + ms).toISOString();
}

export function mustFund(kv: KVRead, fundId: string): Fund {
  const f = getFund(kv, fundId);
  if (!f) fail(E.unknown_fund, `There is no fund "${fundId}".`, { fundId });
  return f;
}

export function mustVoucher(kv: KVRead, voucherId: string): Voucher {
  const v = getVoucher(kv, voucherId);
  if (!v)
    fail(E.unknown_voucher, `There is no voucher "${voucherId}". Check the code on the pass or in the app.`, {
      voucherId,
    });
  return v;
}

/** The signer acts for the sponsor organisation of `fund`. */
export function requireSponsor(ctx: TxContext, fund: Fund): Organisation {
  const org = requireSignerRole(ctx, 'sponsor');
  if (org.oin !== fund.sponsor) {
    fail(
      E.not_fund_sponsor,
      `Fund "${fund.id}" belongs to sponsor ${fund.sponsor}; ${org.oin} cannot manage it.`,
    );
  }
  return org;
}

/** The fund still exists as a scheme: not closed, and its end date has not passed. */
export function requireOpen(fund: Fund, time: string): void {
  if (fund.state === 'closed') {
    fail(
      E.fund_closed,
      `Fund "${fund.id}" was closed${fund.closedAt ? ` on ${dateOf(fund.closedAt)}` : ''}; its money went back to the sponsor.`,
    );
  }
  if (time >= fund.endsAt) fail(E.fund_closed, `Fund "${fund.id}" ended on ${fund.endDate}.`);
}

/** Money may be spent: the fund is active and today lies within its dates. */
export function requireActive(fund: Fund, time: string): void {
  if (fund.state === 'active' && time >= dayStart(fund.startDate) && time < fund.endsAt) return;
  if (fund.state === 'closed' || time >= fund.endsAt) {
    fail(
      E.fund_not_active,
      `Fund "${fund.id}" has ended (${fund.endDate}); nothing can be paid from it any more.`,
    );
  }
  if (fund.state === 'paused') {
    fail(
      E.fund_not_active,
      `Fund "${fund.id}" is paused by its sponsor; payments are possible again once it is resumed.`,
    );
  }
  fail(
    E.fund_not_active,
    `Fund "${fund.id}" has not started yet (start date ${fund.startDate}, state ${fund.state}).`,
  );
}

/** The voucher can pay now: claimed, not deactivated, not expired, not used. */
export function requireUsable(v: Voucher, time: string): void {
  if (v.holder === undefined) {
    fail(
      E.voucher_not_claimed,
      `Voucher "${v.id}" has not been claimed yet: activate it with its code first.`,
    );
  }
  if (v.state === 'deactivated') {
    fail(
      E.voucher_deactivated,
      `Voucher "${v.id}" was deactivated by the sponsor${v.deactivationReason ? ` (${v.deactivationReason})` : ''}; contact the municipality.`,
    );
  }
  if (v.state === 'used') fail(E.voucher_used, `Product voucher "${v.id}" was already used.`);
  if (v.state === 'expired' || time >= v.expiresAt) {
    fail(E.voucher_expired, `Voucher "${v.id}" expired on ${dateOf(v.expiresAt)}; it can no longer be used.`);
  }
}

export function requireHolder(ctx: TxContext, v: Voucher): void {
  if (v.holder !== ctx.signer) {
    fail(
      E.not_voucher_holder,
      `Only the holder of voucher "${v.id}" can do this; sign with the key the voucher was issued to.`,
    );
  }
}

export function requireCategory(fund: Fund, category: string): void {
  if (!fund.categories.includes(category)) {
    fail(
      E.unknown_category,
      `Fund "${fund.id}" pays only for ${fund.categories.join(', ')}; "${category}" is not one of them.`,
    );
  }
}

/** The provider is accepted for the fund, and for `category` when the acceptance is limited. */
export function requireAccepted(kv: KVRead, fund: Fund, provider: string, category: string): void {
  const app = getApplication(kv, fund.id, provider);
  if (!app) {
    fail(
      E.provider_not_accepted,
      `Provider ${provider} is not a provider of fund "${fund.id}": it never applied.`,
      { provider },
    );
  }
  if (app.state === 'pending') {
    fail(
      E.provider_not_accepted,
      `Provider ${provider} applied to fund "${fund.id}" but the sponsor has not accepted it yet.`,
      { provider },
    );
  }
  if (app.state === 'rejected') {
    fail(
      E.provider_not_accepted,
      `Provider ${provider} was rejected for fund "${fund.id}"${app.reason ? ` (${app.reason})` : ''}; the budget cannot be spent there.`,
      { provider },
    );
  }
  if (app.categories !== null && !app.categories.includes(category)) {
    fail(
      E.provider_category_not_allowed,
      `Provider ${provider} is accepted in fund "${fund.id}" only for ${app.categories.join(', ')}, not for "${category}".`,
      { provider, category },
    );
  }
}

export function requirePaymentLimit(fund: Fund, amount: Cents): void {
  const max = fund.limits.perPaymentCents;
  if (max !== undefined && amount > cents(max)) {
    fail(
      E.payment_limit,
      `Fund "${fund.id}" allows at most ${euroText(max)} per payment; this one is ${euroText(amount)}.`,
    );
  }
}

export function requireFundBalance(fund: Fund, totals: FundTotals, amount: Cents): void {
  if (cents(totals.balance) < amount) {
    fail(
      E.fund_insufficient,
      `Fund "${fund.id}" holds ${euroText(totals.balance)} that is not yet given out; ${euroText(amount)} is needed. The sponsor can top it up.`,
    );
  }
}

export function requireFundTotalLimit(fund: Fund, totals: FundTotals, amount: Cents): void {
  const max = fund.limits.totalCents;
  if (max !== undefined && cents(totals.allocated) + amount > cents(max)) {
    fail(
      E.fund_total_limit,
      `Fund "${fund.id}" may give out at most ${euroText(max)} in vouchers; ${euroText(totals.allocated)} is given out already.`,
    );
  }
}

/** Expiry of a new voucher: as asked (or the end of the fund), within the fund and in the future. */
export function voucherExpiry(fund: Fund, time: string, asked: string | undefined, cap?: string): string {
  let at = asked ?? fund.endsAt;
  if (cap !== undefined && asked === undefined && cap < at) at = cap;
  if (at > fund.endsAt || (cap !== undefined && at > cap)) {
    fail(
      E.bad_expiry,
      `A voucher of fund "${fund.id}" cannot be valid after ${cap !== undefined && cap < fund.endsAt ? cap : fund.endsAt}.`,
    );
  }
  if (at <= time) fail(E.bad_expiry, `The expiry ${at} is not in the future (block time ${time}).`);
  return at;
}
