import { afterEach, describe, expect, it } from 'vitest';
import { applicationsOfProvider, fundProviders, fundView } from './queries.ts';
import { getBank } from './state.ts';
import { addDays, type Driver, engineDriver, setupFund, today } from './test-support.ts';

let d: Driver;
afterEach(async () => d?.stop());

const fundBody = (d: Driver, over: Record<string, unknown> = {}) => ({
  fundId: 'kindpakket',
  name: 'Kindpakket Testdam',
  categories: ['school', 'sport'],
  startDate: addDays(today(d), -1),
  endDate: addDays(today(d), 200),
  amount: { kind: 'formula', baseCents: '5000', perChildCents: '25000' },
  limits: { perPaymentCents: '15000', perPersonCents: '100000', totalCents: '5000000' },
  switches: { bearerVouchers: true, reimbursements: true },
  criteria: [{ record: 'income_level', operator: '<', value: '1300' }],
  validators: [d.parties.validator.oin],
  lowBalanceCents: '20000',
  ...over,
});

describe('funds', () => {
  it('creates a waiting fund with its categories, dates, formula, limits, switches, criteria and validators', async () => {
    d = await engineDriver();
    const r = await d.ok(d.parties.sponsor, 'budgets.create_fund', fundBody(d));
    expect(r.events[0]).toMatchObject({ type: 'budgets.fund_created' });
    const f = fundView(d.kv, 'kindpakket')!;
    expect(f).toMatchObject({
      sponsor: d.parties.sponsor.oin,
      state: 'waiting',
      kind: 'regular',
      categories: ['school', 'sport'],
      amount: { kind: 'formula', baseCents: '5000', perChildCents: '25000' },
      limits: { perPaymentCents: '15000', perPersonCents: '100000', totalCents: '5000000' },
      switches: { bearerVouchers: true, reimbursements: true },
      validators: [d.parties.validator.oin],
    });
    expect(f.endsAt).toBe(`${addDays(f.endDate, 1)}T00:00:00.000Z`);
    expect(f.totals).toMatchObject({ funded: '0', balance: '0' });
  });

  it('lists every problem of bad fund settings at once and creates nothing', async () => {
    d = await engineDriver();
    const r = await d.trySend(
      d.parties.sponsor,
      'budgets.create_fund',
      fundBody(d, {
        categories: ['sport', 'sport'],
        startDate: addDays(today(d), 10),
        endDate: addDays(today(d), 5),
        amount: { kind: 'custom', minCents: '500', maxCents: '100' },
        validators: [d.parties.sport.oin],
      }),
    );
    expect(r.error).toBe('budgets.invalid_fund');
    for (const part of ['twice', 'before the start date', 'minimum amount', 'eligibility_validator'])
      expect(r.log).toContain(part);
    expect(fundView(d.kv, 'kindpakket')).toBeUndefined();
  });

  it('refuses a fund whose end date has passed, a duplicate id, and a body with bad fields', async () => {
    d = await engineDriver();
    const past = await d.trySend(
      d.parties.sponsor,
      'budgets.create_fund',
      fundBody(d, { startDate: '2020-01-01', endDate: '2020-12-31' }),
    );
    expect(past.error).toBe('budgets.invalid_fund');
    await d.ok(d.parties.sponsor, 'budgets.create_fund', fundBody(d));
    expect((await d.trySend(d.parties.sponsor, 'budgets.create_fund', fundBody(d))).error).toBe(
      'budgets.fund_exists',
    );
    const bad = await d.trySend(d.parties.sponsor, 'budgets.create_fund', {
      ...fundBody(d, { fundId: 'x' }),
      amount: { kind: 'fixed', cents: '12.50' },
    });
    expect(bad.error).toBe('tx.invalid_body');
    expect(bad.log).toContain('amount.cents');
  });

  it('only a sponsor creates funds, and only its own sponsor manages a fund', async () => {
    d = await engineDriver();
    expect((await d.trySend(d.parties.sport, 'budgets.create_fund', fundBody(d))).error).toBe(
      'identity.missing_role',
    );
    expect((await d.trySend(d.newAccount(), 'budgets.create_fund', fundBody(d))).error).toBe(
      'identity.not_organisation_key',
    );
    await d.ok(d.parties.sponsor, 'budgets.create_fund', fundBody(d));
    const other = await d.trySend(d.parties.otherSponsor, 'budgets.top_up_fund', {
      fundId: 'kindpakket',
      amountCents: '100',
    });
    expect(other.error).toBe('budgets.not_fund_sponsor');
    expect(
      (await d.trySend(d.parties.sponsor, 'budgets.top_up_fund', { fundId: 'nope', amountCents: '100' }))
        .error,
    ).toBe('budgets.unknown_fund');
  });

  it('moves waiting → active → paused → active → closed, refusing the transitions that do not exist', async () => {
    d = await engineDriver();
    await d.ok(d.parties.sponsor, 'budgets.create_fund', fundBody(d));
    const s = d.parties.sponsor;
    expect((await d.trySend(s, 'budgets.pause_fund', { fundId: 'kindpakket' })).error).toBe(
      'budgets.bad_fund_state',
    );
    await d.ok(s, 'budgets.activate_fund', { fundId: 'kindpakket' });
    expect((await d.trySend(s, 'budgets.activate_fund', { fundId: 'kindpakket' })).error).toBe(
      'budgets.bad_fund_state',
    );
    await d.ok(s, 'budgets.pause_fund', { fundId: 'kindpakket' });
    expect(fundView(d.kv, 'kindpakket')!.state).toBe('paused');
    await d.ok(s, 'budgets.activate_fund', { fundId: 'kindpakket' });
    await d.ok(s, 'budgets.close_fund', { fundId: 'kindpakket', reason: 'regeling beëindigd' });
    expect(fundView(d.kv, 'kindpakket')).toMatchObject({
      state: 'closed',
      closeReason: 'regeling beëindigd',
    });
    expect((await d.trySend(s, 'budgets.close_fund', { fundId: 'kindpakket' })).error).toBe(
      'budgets.bad_fund_state',
    );
    expect((await d.trySend(s, 'budgets.activate_fund', { fundId: 'kindpakket' })).error).toBe(
      'budgets.fund_closed',
    );
    expect(
      (await d.trySend(s, 'budgets.top_up_fund', { fundId: 'kindpakket', amountCents: '1' })).error,
    ).toBe('budgets.fund_closed');
  });

  it('cannot be activated before its start date', async () => {
    d = await engineDriver();
    await d.ok(d.parties.sponsor, 'budgets.create_fund', fundBody(d, { startDate: addDays(today(d), 3) }));
    const r = await d.trySend(d.parties.sponsor, 'budgets.activate_fund', { fundId: 'kindpakket' });
    expect(r.error).toBe('budgets.fund_not_started');
    expect(r.log).toContain(addDays(today(d), 3));
  });

  it('keeps what is funded; closing returns the unallocated balance to the sponsor', async () => {
    d = await engineDriver();
    await setupFund(d, { fundId: 'f', topUp: '50000' });
    await d.ok(d.parties.sponsor, 'budgets.top_up_fund', {
      fundId: 'f',
      amountCents: '25000',
      reference: 'begroting 2026',
    });
    expect(fundView(d.kv, 'f')!.totals).toMatchObject({ funded: '75000', balance: '75000' });
    const r = await d.ok(d.parties.sponsor, 'budgets.close_fund', { fundId: 'f' });
    expect(r.amount).toBe('75000');
    expect(fundView(d.kv, 'f')!.totals).toMatchObject({ funded: '75000', balance: '0', returned: '75000' });
  });
});

describe('providers', () => {
  it('a provider applies and sees the fund; the sponsor accepts it for chosen categories', async () => {
    d = await engineDriver();
    await setupFund(d, { fundId: 'f' });
    await d.ok(d.parties.sport, 'budgets.apply_to_fund', { fundId: 'f' });
    const seen = applicationsOfProvider(d.kv, d.parties.sport.oin!);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ state: 'pending', fund: { id: 'f', categories: ['sport', 'culture'] } });
    expect(seen[0]!.fund.startDate).toBeTruthy();
    expect(seen[0]!.fund.amount).toEqual({ kind: 'fixed', cents: '30000' });
    await d.ok(d.parties.sponsor, 'budgets.decide_provider', {
      fundId: 'f',
      provider: d.parties.sport.oin,
      decision: 'accepted',
      categories: ['sport'],
    });
    expect(fundProviders(d.kv, 'f')).toEqual([
      expect.objectContaining({ provider: d.parties.sport.oin, state: 'accepted', categories: ['sport'] }),
    ]);
  });

  it('refuses double applications, applications by non-providers, decisions on unknown applications and unknown categories', async () => {
    d = await engineDriver();
    await setupFund(d, { fundId: 'f' });
    expect((await d.trySend(d.parties.validator, 'budgets.apply_to_fund', { fundId: 'f' })).error).toBe(
      'identity.missing_role',
    );
    await d.ok(d.parties.sport, 'budgets.apply_to_fund', { fundId: 'f' });
    expect((await d.trySend(d.parties.sport, 'budgets.apply_to_fund', { fundId: 'f' })).error).toBe(
      'budgets.application_exists',
    );
    const unknown = await d.trySend(d.parties.sponsor, 'budgets.decide_provider', {
      fundId: 'f',
      provider: d.parties.museum.oin,
      decision: 'accepted',
    });
    expect(unknown.error).toBe('budgets.unknown_application');
    const cat = await d.trySend(d.parties.sponsor, 'budgets.decide_provider', {
      fundId: 'f',
      provider: d.parties.sport.oin,
      decision: 'accepted',
      categories: ['groceries'],
    });
    expect(cat.error).toBe('budgets.unknown_category');
    const rejectWithCats = await d.trySend(d.parties.sponsor, 'budgets.decide_provider', {
      fundId: 'f',
      provider: d.parties.sport.oin,
      decision: 'rejected',
      categories: ['sport'],
    });
    expect(rejectWithCats.error).toBe('tx.invalid_body');
  });

  it('a rejected provider can apply again', async () => {
    d = await engineDriver();
    await setupFund(d, { fundId: 'f' });
    await d.ok(d.parties.sport, 'budgets.apply_to_fund', { fundId: 'f' });
    await d.ok(d.parties.sponsor, 'budgets.decide_provider', {
      fundId: 'f',
      provider: d.parties.sport.oin,
      decision: 'rejected',
      reason: 'geen sportaanbod',
    });
    expect(fundProviders(d.kv, 'f')[0]).toMatchObject({ state: 'rejected', reason: 'geen sportaanbod' });
    await d.ok(d.parties.sport, 'budgets.apply_to_fund', { fundId: 'f' });
    expect(fundProviders(d.kv, 'f')[0]!.state).toBe('pending');
  });

  it('organisations register a valid IBAN for payouts; a bad check number is refused', async () => {
    d = await engineDriver();
    await d.ok(d.parties.sport, 'budgets.set_bank_account', {
      iban: 'NL91ABNA0417164300',
      accountName: 'Sportclub Test',
    });
    expect(getBank(d.kv, d.parties.sport.oin!)).toMatchObject({ iban: 'NL91ABNA0417164300' });
    const bad = await d.trySend(d.parties.sport, 'budgets.set_bank_account', {
      iban: 'NL92ABNA0417164300',
      accountName: 'Sportclub Test',
    });
    expect(bad.error).toBe('tx.invalid_body');
    expect(bad.log).toContain('mod 97');
    const resident = await d.trySend(d.newAccount(), 'budgets.set_bank_account', {
      iban: 'NL91ABNA0417164300',
      accountName: 'X',
    });
    expect(resident.error).toBe('identity.not_organisation_key');
    const validatorOnly = await d.trySend(d.parties.validator, 'budgets.set_bank_account', {
      iban: 'NL91ABNA0417164300',
      accountName: 'X',
    });
    expect(validatorOnly.error).toBe('budgets.not_party');
  });
});
