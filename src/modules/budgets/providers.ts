// Providers apply to a fund; the sponsor accepts them for the whole budget or some categories, or
// rejects them. Organisations (never residents) register the bank account they are paid on.
import { defineMessage } from '../../app/module.ts';
import { putJson } from '../../app/typed-kv.ts';
import { fail } from '../../core/errors.ts';
import { hasRole, requireSignerOrg, requireSignerRole } from '../identity/index.ts';
import { BudgetErrors as E } from './errors.ts';
import { mustFund, requireCategory, requireOpen, requireSponsor } from './rules.ts';
import { applySchema, bankAccountSchema, decideProviderSchema } from './schemas.ts';
import { type BankAccount, type FundProvider, getApplication, keys } from './state.ts';

export const applyToFund = defineMessage({
  type: 'budgets.apply_to_fund',
  summary: 'A provider applies to a fund; it sees the fund’s dates, amounts and categories.',
  schema: applySchema,
  handle(ctx, b) {
    const org = requireSignerRole(ctx, 'provider');
    const fund = mustFund(ctx.kv, b.fundId);
    requireOpen(fund, ctx.time);
    const existing = getApplication(ctx.kv, fund.id, org.oin);
    if (existing && existing.state !== 'rejected') {
      fail(
        E.application_exists,
        `Provider ${org.oin} already applied to fund "${fund.id}" (${existing.state}).`,
      );
    }
    const app: FundProvider = {
      fundId: fund.id,
      provider: org.oin,
      state: 'pending',
      categories: null,
      appliedAt: ctx.time,
    };
    putJson(ctx.kv, keys.application(fund.id, org.oin), app);
    ctx.kv.set(keys.applicationsOfProvider(org.oin, fund.id), '1');
    ctx.involve(fund.sponsor);
    ctx.emit('budgets.provider_applied', { fund: fund.id, provider: org.oin });
  },
});

export const decideProvider = defineMessage({
  type: 'budgets.decide_provider',
  summary:
    'The sponsor accepts a provider for the whole budget or chosen categories, or rejects it (also later).',
  schema: decideProviderSchema,
  handle(ctx, b) {
    const fund = mustFund(ctx.kv, b.fundId);
    requireSponsor(ctx, fund);
    requireOpen(fund, ctx.time);
    const app = getApplication(ctx.kv, fund.id, b.provider);
    if (!app) fail(E.unknown_application, `Provider ${b.provider} has not applied to fund "${fund.id}".`);
    for (const c of b.categories ?? []) requireCategory(fund, c);
    const next: FundProvider = {
      fundId: app.fundId,
      provider: app.provider,
      appliedAt: app.appliedAt,
      state: b.decision,
      categories: b.decision === 'accepted' && b.categories ? [...new Set(b.categories)].sort() : null,
      decidedAt: ctx.time,
      ...(b.reason ? { reason: b.reason } : {}),
    };
    putJson(ctx.kv, keys.application(fund.id, b.provider), next);
    ctx.involve(b.provider);
    ctx.emit('budgets.provider_decided', {
      fund: fund.id,
      provider: b.provider,
      decision: b.decision,
      categories: next.categories ? next.categories.join(',') : '*',
    });
  },
});

export const setBankAccount = defineMessage({
  type: 'budgets.set_bank_account',
  summary: 'An organisation (sponsor or provider) sets the bank account it pays from or is paid on.',
  schema: bankAccountSchema,
  handle(ctx, b) {
    const org = requireSignerOrg(ctx);
    if (!hasRole(ctx.kv, org.oin, 'provider') && !hasRole(ctx.kv, org.oin, 'sponsor')) {
      fail(E.not_party, `Organisation ${org.oin} is neither a sponsor nor a provider; it has no payouts.`);
    }
    const account: BankAccount = {
      oin: org.oin,
      iban: b.iban,
      accountName: b.accountName,
      ...(b.bic ? { bic: b.bic } : {}),
      setAt: ctx.time,
    };
    putJson(ctx.kv, keys.bank(org.oin), account);
    ctx.emit('budgets.bank_account_set', { oin: org.oin });
  },
});
