import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/hash.ts';
import { careBudgetsOf, careStatement, fundView, listReimbursements } from './queries.ts';
import { getContract, getDeclaration, getPayment, getReimbursement, getVoucher } from './state.ts';
import {
  acceptProvider,
  addDays,
  type Driver,
  engineDriver,
  residentWithVoucher,
  setupFund,
  today,
} from './test-support.ts';

let d: Driver;
afterEach(async () => d?.stop());

const receipt = sha256Hex('bon-zwembad-2026-03 (fake)');

describe('reimbursements', () => {
  async function withClaims(d: Driver) {
    await setupFund(d, {
      fundId: 'f',
      switches: { reimbursements: true },
      limits: { perPaymentCents: '20000' },
    });
    return residentWithVoucher(d, 'f', 'v1');
  }

  it('the holder claims with a receipt hash; the sponsor approves and the voucher pays it', async () => {
    d = await engineDriver();
    const resident = await withClaims(d);
    await d.ok(resident, 'budgets.submit_reimbursement', {
      reimbursementId: 'd1',
      voucherId: 'v1',
      amountCents: '3500',
      category: 'sport',
      receiptHash: receipt,
    });
    expect(listReimbursements(d.kv, { holder: resident.publicKey })).toEqual([
      expect.objectContaining({ id: 'd1', state: 'pending', receiptHash: receipt }),
    ]);
    const r = await d.ok(d.parties.sponsor, 'budgets.decide_reimbursement', {
      reimbursementId: 'd1',
      decision: 'approved',
    });
    expect(r.amount).toBe('3500');
    expect(getReimbursement(d.kv, 'd1')!.state).toBe('approved');
    expect(getVoucher(d.kv, 'v1')!.balanceCents).toBe('26500');
    expect(fundView(d.kv, 'f')!.totals).toMatchObject({ held: '26500', reimbursed: '3500', paid: '0' });
  });

  it('a declined claim pays nothing; a decided claim cannot be decided again; only the sponsor decides', async () => {
    d = await engineDriver();
    const resident = await withClaims(d);
    await d.ok(resident, 'budgets.submit_reimbursement', {
      reimbursementId: 'd1',
      voucherId: 'v1',
      amountCents: '3500',
      category: 'sport',
      receiptHash: receipt,
    });
    expect(
      (
        await d.trySend(d.parties.otherSponsor, 'budgets.decide_reimbursement', {
          reimbursementId: 'd1',
          decision: 'approved',
        })
      ).error,
    ).toBe('budgets.not_fund_sponsor');
    await d.ok(d.parties.sponsor, 'budgets.decide_reimbursement', {
      reimbursementId: 'd1',
      decision: 'declined',
      reason: 'bon onleesbaar',
    });
    expect(getVoucher(d.kv, 'v1')!.balanceCents).toBe('30000');
    expect(
      (
        await d.trySend(d.parties.sponsor, 'budgets.decide_reimbursement', {
          reimbursementId: 'd1',
          decision: 'approved',
        })
      ).error,
    ).toBe('budgets.reimbursement_decided');
    expect(
      (
        await d.trySend(d.parties.sponsor, 'budgets.decide_reimbursement', {
          reimbursementId: 'zz',
          decision: 'approved',
        })
      ).error,
    ).toBe('budgets.unknown_reimbursement');
  });

  it('refuses claims in funds without the switch, above the budget or limit, by others, and twice', async () => {
    d = await engineDriver();
    const resident = await withClaims(d);
    const claim = (over: Record<string, unknown>) => ({
      reimbursementId: 'c',
      voucherId: 'v1',
      amountCents: '1000',
      category: 'sport',
      receiptHash: receipt,
      ...over,
    });
    expect(
      (await d.trySend(resident, 'budgets.submit_reimbursement', claim({ amountCents: '20001' }))).error,
    ).toBe('budgets.payment_limit');
    expect(
      (await d.trySend(resident, 'budgets.submit_reimbursement', claim({ category: 'food' }))).error,
    ).toBe('budgets.unknown_category');
    expect((await d.trySend(d.newAccount(), 'budgets.submit_reimbursement', claim({}))).error).toBe(
      'budgets.not_voucher_holder',
    );
    await d.ok(resident, 'budgets.submit_reimbursement', claim({}));
    expect((await d.trySend(resident, 'budgets.submit_reimbursement', claim({}))).error).toBe(
      'budgets.reimbursement_exists',
    );
    await setupFund(d, { fundId: 'geen' });
    const other = await residentWithVoucher(d, 'geen', 'g1');
    expect(
      (
        await d.trySend(
          other,
          'budgets.submit_reimbursement',
          claim({ voucherId: 'g1', reimbursementId: 'g' }),
        )
      ).error,
    ).toBe('budgets.reimbursements_not_allowed');
    // Spending in between can make an approval impossible: the check runs again.
    await acceptProvider(d, 'f', d.parties.sport);
    await d.ok(resident, 'budgets.pay', {
      paymentId: 'p',
      voucherId: 'v1',
      provider: d.parties.sport.oin,
      amountCents: '20000',
      category: 'sport',
    });
    await d.ok(
      resident,
      'budgets.submit_reimbursement',
      claim({ reimbursementId: 'c2', amountCents: '10000' }),
    );
    await d.ok(resident, 'budgets.pay', {
      paymentId: 'p2',
      voucherId: 'v1',
      provider: d.parties.sport.oin,
      amountCents: '1000',
      category: 'sport',
    });
    const late = await d.trySend(d.parties.sponsor, 'budgets.decide_reimbursement', {
      reimbursementId: 'c2',
      decision: 'approved',
    });
    expect(late.error).toBe('budgets.insufficient_budget');
  });
});

describe('care budgets', () => {
  async function pgb(d: Driver) {
    await setupFund(d, {
      fundId: 'pgb',
      kind: 'care',
      categories: ['home_care', 'day_care'],
      amount: { kind: 'custom', minCents: '100000', maxCents: '5000000' },
      topUp: '10000000',
    });
    await acceptProvider(d, 'pgb', d.parties.care, ['home_care']);
    const holder = await residentWithVoucher(d, 'pgb', 'pgb-1', { amountCents: '600000' });
    return holder;
  }
  const contract = (d: Driver, over: Record<string, unknown> = {}) => ({
    contractId: 'zo-1',
    voucherId: 'pgb-1',
    provider: d.parties.care.oin,
    category: 'home_care',
    unit: 'hour',
    rateCents: '4250',
    maxUnitsPerMonth: 40,
    startDate: addDays(today(d), -1),
    endDate: addDays(today(d), 300),
    ...over,
  });
  const period = (d: Driver) => today(d).slice(0, 7);

  it('holder contracts a provider, provider declares care, holder approves, provider is paid; the monthly statement adds up', async () => {
    d = await engineDriver();
    const holder = await pgb(d);
    await d.ok(holder, 'budgets.create_care_contract', contract(d));
    await d.ok(d.parties.care, 'budgets.accept_care_contract', { contractId: 'zo-1' });
    await d.ok(d.parties.care, 'budgets.declare_care', {
      declarationId: 'dec-1',
      contractId: 'zo-1',
      period: period(d),
      units: 12,
      careLogHash: sha256Hex('urenbriefje (fake)'),
    });
    expect(getDeclaration(d.kv, 'dec-1')).toMatchObject({ amountCents: '51000', state: 'submitted' });
    const r = await d.ok(holder, 'budgets.decide_care_declaration', {
      declarationId: 'dec-1',
      decision: 'approved',
    });
    expect(r.amount).toBe('51000');
    expect(getPayment(d.kv, 'dec-1')).toMatchObject({
      kind: 'care',
      provider: d.parties.care.oin,
      amountCents: '51000',
      declarationId: 'dec-1',
    });
    expect(getVoucher(d.kv, 'pgb-1')!.balanceCents).toBe('549000');
    expect(getContract(d.kv, 'zo-1')!.months[period(d)]).toEqual({
      declaredUnits: 12,
      approvedUnits: 12,
      approvedCents: '51000',
    });
    await d.ok(d.parties.care, 'budgets.declare_care', {
      declarationId: 'dec-2',
      contractId: 'zo-1',
      period: period(d),
      units: 4,
    });
    await d.ok(holder, 'budgets.decide_care_declaration', {
      declarationId: 'dec-2',
      decision: 'rejected',
      reason: 'uren kloppen niet',
    });
    const st = careStatement(d.kv, holder.publicKey, period(d));
    expect(st.budgets).toHaveLength(1);
    expect(st.budgets[0]).toMatchObject({
      voucherId: 'pgb-1',
      openingCents: '0',
      allocatedCents: '600000',
      carePaidCents: '51000',
      closingCents: '549000',
    });
    expect(st.budgets[0]!.declarations.map((x) => [x.id, x.state])).toEqual([
      ['dec-1', 'approved'],
      ['dec-2', 'rejected'],
    ]);
    expect(careBudgetsOf(d.kv, holder.publicKey)[0]!.contracts[0]!.declarations).toHaveLength(2);
  });

  it('a care budget pays only contracted care, and contracts are made only on care budgets', async () => {
    d = await engineDriver();
    const holder = await pgb(d);
    const pay = await d.trySend(holder, 'budgets.pay', {
      paymentId: 'p',
      voucherId: 'pgb-1',
      provider: d.parties.care.oin,
      amountCents: '100',
      category: 'home_care',
    });
    expect(pay.error).toBe('budgets.care_budget_contract_only');
    await setupFund(d, { fundId: 'gewoon' });
    const resident = await residentWithVoucher(d, 'gewoon', 'g1');
    expect(
      (
        await d.trySend(
          resident,
          'budgets.create_care_contract',
          contract(d, { voucherId: 'g1', category: 'sport' }),
        )
      ).error,
    ).toBe('budgets.not_a_care_budget');
  });

  it('refuses contracts with providers not accepted for the kind of care, outside the fund, by others, twice', async () => {
    d = await engineDriver();
    const holder = await pgb(d);
    expect(
      (await d.trySend(holder, 'budgets.create_care_contract', contract(d, { category: 'day_care' }))).error,
    ).toBe('budgets.provider_category_not_allowed');
    expect(
      (
        await d.trySend(
          holder,
          'budgets.create_care_contract',
          contract(d, { provider: d.parties.sport.oin }),
        )
      ).error,
    ).toBe('budgets.provider_not_accepted');
    expect(
      (
        await d.trySend(
          holder,
          'budgets.create_care_contract',
          contract(d, { endDate: addDays(today(d), 900) }),
        )
      ).error,
    ).toBe('budgets.outside_contract');
    expect((await d.trySend(d.newAccount(), 'budgets.create_care_contract', contract(d))).error).toBe(
      'budgets.not_voucher_holder',
    );
    await d.ok(holder, 'budgets.create_care_contract', contract(d));
    expect((await d.trySend(holder, 'budgets.create_care_contract', contract(d))).error).toBe(
      'budgets.contract_exists',
    );
  });

  it('declarations need an active contract, its provider, a month within it, and no more units than agreed', async () => {
    d = await engineDriver();
    const holder = await pgb(d);
    await d.ok(holder, 'budgets.create_care_contract', contract(d));
    const declare = (over: Record<string, unknown> = {}) => ({
      declarationId: 'x',
      contractId: 'zo-1',
      period: period(d),
      units: 10,
      ...over,
    });
    expect((await d.trySend(d.parties.care, 'budgets.declare_care', declare())).error).toBe(
      'budgets.contract_not_active',
    );
    expect(
      (await d.trySend(d.parties.sport, 'budgets.accept_care_contract', { contractId: 'zo-1' })).error,
    ).toBe('budgets.not_party');
    await d.ok(d.parties.care, 'budgets.accept_care_contract', { contractId: 'zo-1' });
    expect(
      (await d.trySend(d.parties.care, 'budgets.accept_care_contract', { contractId: 'zo-1' })).error,
    ).toBe('budgets.contract_not_active');
    expect((await d.trySend(d.parties.sport, 'budgets.declare_care', declare())).error).toBe(
      'budgets.not_party',
    );
    expect(
      (await d.trySend(d.parties.care, 'budgets.declare_care', declare({ period: '2020-01' }))).error,
    ).toBe('budgets.outside_contract');
    const next = addDays(`${period(d)}-28`, 10).slice(0, 7);
    expect((await d.trySend(d.parties.care, 'budgets.declare_care', declare({ period: next }))).error).toBe(
      'budgets.outside_contract',
    );
    await d.ok(d.parties.care, 'budgets.declare_care', declare({ declarationId: 'a', units: 30 }));
    const over = await d.trySend(
      d.parties.care,
      'budgets.declare_care',
      declare({ declarationId: 'b', units: 11 }),
    );
    expect(over.error).toBe('budgets.contract_units_exceeded');
    expect(
      (await d.trySend(d.parties.care, 'budgets.declare_care', declare({ declarationId: 'a', units: 1 })))
        .error,
    ).toBe('budgets.declaration_exists');
    expect(
      (
        await d.trySend(d.parties.care, 'budgets.decide_care_declaration', {
          declarationId: 'a',
          decision: 'approved',
        })
      ).error,
    ).toBe('budgets.not_voucher_holder');
    await d.ok(holder, 'budgets.decide_care_declaration', {
      declarationId: 'a',
      decision: 'approved',
      paymentId: 'betaling-a',
    });
    expect(
      (
        await d.trySend(holder, 'budgets.decide_care_declaration', {
          declarationId: 'a',
          decision: 'approved',
        })
      ).error,
    ).toBe('budgets.declaration_decided');
    expect(
      (
        await d.trySend(holder, 'budgets.decide_care_declaration', {
          declarationId: 'zz',
          decision: 'approved',
        })
      ).error,
    ).toBe('budgets.unknown_declaration');
    await d.ok(d.parties.care, 'budgets.end_care_contract', { contractId: 'zo-1' });
    expect(
      (await d.trySend(d.parties.care, 'budgets.declare_care', declare({ declarationId: 'c', units: 1 })))
        .error,
    ).toBe('budgets.contract_not_active');
    expect((await d.trySend(holder, 'budgets.end_care_contract', { contractId: 'zo-1' })).error).toBe(
      'budgets.contract_not_active',
    );
  });

  it('an approval needs enough budget left', async () => {
    d = await engineDriver();
    await setupFund(d, {
      fundId: 'pgb',
      kind: 'care',
      categories: ['home_care'],
      amount: { kind: 'custom', minCents: '100000', maxCents: '5000000' },
    });
    await acceptProvider(d, 'pgb', d.parties.care);
    const holder = await residentWithVoucher(d, 'pgb', 'pgb-1', { amountCents: '100000' });
    await d.ok(holder, 'budgets.create_care_contract', contract(d, { maxUnitsPerMonth: undefined }));
    await d.ok(d.parties.care, 'budgets.accept_care_contract', { contractId: 'zo-1' });
    await d.ok(d.parties.care, 'budgets.declare_care', {
      declarationId: 'big',
      contractId: 'zo-1',
      period: period(d),
      units: 30,
    });
    const r = await d.trySend(holder, 'budgets.decide_care_declaration', {
      declarationId: 'big',
      decision: 'approved',
    });
    expect(r.error).toBe('budgets.insufficient_budget');
    expect(getDeclaration(d.kv, 'big')!.state).toBe('submitted');
  });
});
