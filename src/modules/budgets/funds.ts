// Funds (schemes, "regelingen"): created by a sponsor, topped up, activated, paused and closed.
// Closing - by the sponsor, or at the end date in end-block - returns every unspent cent.
import type { BlockContext } from '../../app/module.ts';
import { defineMessage } from '../../app/module.ts';
import { fail } from '../../core/errors.ts';
import { hasRole, requireSignerRole } from '../identity/index.ts';
import { FundBook } from './book.ts';
import { BudgetErrors as E } from './errors.ts';
import { endVoucher } from './lifecycle.ts';
import { cents } from './money.ts';
import { dayAfter, dayStart, mustFund, requireOpen, requireSponsor } from './rules.ts';
import { closeFundSchema, createFundSchema, fundRefSchema, topUpFundSchema } from './schemas.ts';
import { type Fund, getFund, getVoucher, keys, putFund } from './state.ts';

export const createFund = defineMessage({
  type: 'budgets.create_fund',
  summary:
    'A sponsor creates a fund: categories, dates, amount per person, limits, switches, criteria and validators.',
  schema: createFundSchema,
  handle(ctx, b) {
    const org = requireSignerRole(ctx, 'sponsor');
    if (getFund(ctx.kv, b.fundId))
      fail(E.fund_exists, `A fund with id "${b.fundId}" already exists; choose another id.`);
    const problems: string[] = [];
    if (new Set(b.categories).size !== b.categories.length) problems.push('categories are listed twice');
    if (b.endDate < b.startDate)
      problems.push(`the end date ${b.endDate} is before the start date ${b.startDate}`);
    const endsAt = dayAfter(b.endDate);
    if (endsAt <= ctx.time) problems.push(`the end date ${b.endDate} has passed`);
    if (b.amount.kind === 'formula' && cents(b.amount.baseCents) + cents(b.amount.perChildCents) === 0n) {
      problems.push('the formula gives nobody anything (base and per-child amount are both 0)');
    }
    if (b.amount.kind === 'custom' && cents(b.amount.minCents) > cents(b.amount.maxCents)) {
      problems.push('the minimum amount is more than the maximum');
    }
    if (new Set(b.criteria.map((c) => c.record)).size !== b.criteria.length)
      problems.push('a criterion record is listed twice');
    for (const v of b.validators) {
      if (!hasRole(ctx.kv, v, 'eligibility_validator'))
        problems.push(`validator ${v} is not an organisation with the role eligibility_validator`);
    }
    if (new Set(b.validators).size !== b.validators.length) problems.push('a validator is listed twice');
    if (problems.length > 0)
      fail(E.invalid_fund, `Fund "${b.fundId}" cannot be created: ${problems.join('; ')}.`, { problems });
    const fund: Fund = {
      id: b.fundId,
      sponsor: org.oin,
      name: b.name,
      kind: b.kind,
      categories: b.categories,
      startDate: b.startDate,
      endDate: b.endDate,
      endsAt,
      amount: b.amount,
      limits: b.limits,
      switches: b.switches,
      criteria: b.criteria,
      validators: b.validators,
      ...(b.lowBalanceCents !== undefined ? { lowBalanceCents: b.lowBalanceCents } : {}),
      state: 'waiting',
      createdAt: ctx.time,
    };
    putFund(ctx.kv, fund);
    ctx.kv.set(keys.fundEnd(endsAt, fund.id), '1');
    ctx.kv.set(keys.fundsOfSponsor(org.oin, fund.id), '1');
    ctx.emit('budgets.fund_created', { fund: fund.id, sponsor: org.oin, kind: fund.kind });
  },
});

export const topUpFund = defineMessage({
  type: 'budgets.top_up_fund',
  summary: 'The sponsor adds money to a fund (not possible once it is closed).',
  schema: topUpFundSchema,
  handle(ctx, b) {
    const fund = mustFund(ctx.kv, b.fundId);
    requireSponsor(ctx, fund);
    requireOpen(fund, ctx.time);
    const book = new FundBook(ctx, fund);
    const amount = cents(b.amountCents);
    book.move({
      kind: 'top_up',
      from: 'sponsor',
      to: 'fund',
      amount,
      ...(b.reference ? { ref: b.reference } : {}),
    });
    book.save();
    ctx.setAmount(amount);
    ctx.emit('budgets.fund_topped_up', {
      fund: fund.id,
      amountCents: b.amountCents,
      balanceCents: book.totals.balance,
    });
  },
});

export const activateFund = defineMessage({
  type: 'budgets.activate_fund',
  summary: 'The sponsor activates a waiting fund (from its start date) or resumes a paused one.',
  schema: fundRefSchema,
  handle(ctx, b) {
    const fund = mustFund(ctx.kv, b.fundId);
    requireSponsor(ctx, fund);
    requireOpen(fund, ctx.time);
    if (fund.state === 'active') fail(E.bad_fund_state, `Fund "${fund.id}" is already active.`);
    if (ctx.time < dayStart(fund.startDate)) {
      fail(
        E.fund_not_started,
        `Fund "${fund.id}" starts on ${fund.startDate}; it can be activated from that day.`,
      );
    }
    putFund(ctx.kv, { ...fund, state: 'active', activatedAt: fund.activatedAt ?? ctx.time });
    ctx.emit('budgets.fund_state', { fund: fund.id, from: fund.state, to: 'active' });
  },
});

export const pauseFund = defineMessage({
  type: 'budgets.pause_fund',
  summary: 'The sponsor pauses an active fund: no payments until it is activated again.',
  schema: fundRefSchema,
  handle(ctx, b) {
    const fund = mustFund(ctx.kv, b.fundId);
    requireSponsor(ctx, fund);
    requireOpen(fund, ctx.time);
    if (fund.state !== 'active')
      fail(E.bad_fund_state, `Only an active fund can be paused; fund "${fund.id}" is ${fund.state}.`);
    putFund(ctx.kv, { ...fund, state: 'paused' });
    ctx.emit('budgets.fund_state', { fund: fund.id, from: 'active', to: 'paused' });
  },
});

export const closeFund = defineMessage({
  type: 'budgets.close_fund',
  summary:
    'The sponsor closes a fund for good: every voucher ends and all unspent money returns to the sponsor.',
  schema: closeFundSchema,
  handle(ctx, b) {
    const fund = mustFund(ctx.kv, b.fundId);
    requireSponsor(ctx, fund);
    if (fund.state === 'closed') fail(E.bad_fund_state, `Fund "${fund.id}" is already closed.`);
    const returned = closeFundNow(ctx, fund, b.reason ?? 'closed by the sponsor');
    ctx.setAmount(returned);
  },
});

/** Ends every live voucher of the fund, returns them and the unallocated balance, and closes it. */
export function closeFundNow(ctx: BlockContext, fund: Fund, reason: string): bigint {
  const book = new FundBook(ctx, fund);
  const before = cents(book.totals.returned);
  const prefix = keys.vouchersOfFundPrefix(fund.id);
  const ids = [...ctx.kv.iterate(prefix)].map(([k]) => k.slice(prefix.length));
  for (const id of ids) {
    const v = getVoucher(ctx.kv, id);
    if (v && (v.state === 'active' || v.state === 'deactivated')) endVoucher(ctx, book, v);
  }
  book.move({ kind: 'return', from: 'fund', to: 'sponsor', amount: book.balance });
  book.save();
  ctx.kv.delete(keys.fundEnd(fund.endsAt, fund.id));
  putFund(ctx.kv, { ...fund, state: 'closed', closedAt: ctx.time, closeReason: reason });
  const returned = cents(book.totals.returned) - before;
  ctx.emit('budgets.fund_closed', {
    fund: fund.id,
    sponsor: fund.sponsor,
    returnedCents: returned.toString(),
    reason,
  });
  return returned;
}

/** End-block: vouchers past their expiry return their balance; funds past their end date close. */
export function expireDue(ctx: BlockContext): void {
  const dueVouchers: string[] = [];
  for (const [k] of ctx.kv.iterate(keys.expiryPrefix)) {
    const rest = k.slice(keys.expiryPrefix.length);
    const at = rest.slice(0, 24);
    if (at > ctx.time) break; // keys sort by time
    dueVouchers.push(rest.slice(25));
  }
  const books = new Map<string, FundBook>();
  for (const id of dueVouchers) {
    const v = getVoucher(ctx.kv, id);
    if (!v || (v.state !== 'active' && v.state !== 'deactivated')) continue;
    let book = books.get(v.fundId);
    if (!book) {
      book = new FundBook(ctx, mustFund(ctx.kv, v.fundId));
      books.set(v.fundId, book);
    }
    endVoucher(ctx, book, v);
  }
  for (const book of books.values()) book.save();
  const dueFunds: string[] = [];
  for (const [k] of ctx.kv.iterate(keys.fundEndPrefix)) {
    const rest = k.slice(keys.fundEndPrefix.length);
    if (rest.slice(0, 24) > ctx.time) break;
    dueFunds.push(rest.slice(25));
  }
  for (const id of dueFunds) {
    const fund = getFund(ctx.kv, id);
    if (fund && fund.state !== 'closed') closeFundNow(ctx, fund, `ended on ${fund.endDate}`);
  }
}
