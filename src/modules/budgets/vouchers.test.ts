import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/hash.ts';
import { fundView, listRequests, listVouchers } from './queries.ts';
import { getCode, getOffer, getRequest, getVoucher } from './state.ts';
import {
  acceptProvider,
  code,
  type Driver,
  engineDriver,
  residentWithVoucher,
  setupFund,
} from './test-support.ts';

let d: Driver;
afterEach(async () => d?.stop());

const CRITERIA = [
  { record: 'income_level', operator: '<', value: '1300' },
  { record: 'municipality', operator: '=', value: 'testdam' },
];
const met = (ok = true) => CRITERIA.map((c, i) => ({ ...c, met: i === 0 ? ok : true }));
const evidenceHash = sha256Hex('salt-123|inkomensverklaring (fake)');

async function kindpakket(d: Driver, over: Record<string, unknown> = {}) {
  return setupFund(d, {
    fundId: 'kindpakket',
    categories: ['school', 'sport'],
    amount: { kind: 'formula', baseCents: '5000', perChildCents: '25000' },
    criteria: CRITERIA,
    validators: [d.parties.validator.oin!],
    switches: { bearerVouchers: true },
    ...over,
  });
}

describe('eligibility requests', () => {
  it('a validator approves a request; the voucher gets base + per-child amount and records who vouched', async () => {
    d = await engineDriver();
    await kindpakket(d);
    const resident = d.newAccount();
    await d.ok(resident, 'budgets.request_eligibility', { requestId: 'aanvraag-1', fundId: 'kindpakket' });
    expect(listRequests(d.kv, { fundId: 'kindpakket', state: 'pending' })).toHaveLength(1);
    const r = await d.ok(d.parties.validator, 'budgets.decide_eligibility', {
      requestId: 'aanvraag-1',
      decision: 'approved',
      criteria: met(),
      evidenceHash,
      children: 2,
    });
    expect(r.participants).toContain(resident.publicKey);
    const req = getRequest(d.kv, 'aanvraag-1')!;
    expect(req.state).toBe('approved');
    expect(req.decision).toMatchObject({
      validator: d.parties.validator.oin,
      evidenceHash,
      children: 2,
      voucherId: 'aanvraag-1',
    });
    // Only the decision, criteria and a hash: nothing else about the person.
    expect(Object.keys(req).sort()).toEqual([
      'decision',
      'fundId',
      'id',
      'requester',
      'state',
      'submittedAt',
    ]);
    const v = getVoucher(d.kv, 'aanvraag-1')!;
    expect(v).toMatchObject({
      holder: resident.publicKey,
      amountCents: '55000',
      balanceCents: '55000',
      origin: 'request',
      validatedBy: d.parties.validator.oin,
    });
    expect(fundView(d.kv, 'kindpakket')!.totals).toMatchObject({
      balance: '945000',
      held: '55000',
      allocated: '55000',
    });
  });

  it('a decline issues nothing; decisions need a validator of the fund, the fund’s criteria, and every criterion met to approve', async () => {
    d = await engineDriver();
    await kindpakket(d);
    const resident = d.newAccount();
    await d.ok(resident, 'budgets.request_eligibility', { requestId: 'a1', fundId: 'kindpakket' });
    const base = { requestId: 'a1', decision: 'approved', criteria: met(), evidenceHash, children: 1 };
    expect((await d.trySend(d.parties.sport, 'budgets.decide_eligibility', base)).error).toBe(
      'identity.missing_role',
    );
    // The sponsor has the validator role but is not a validator of this fund.
    expect((await d.trySend(d.parties.sponsor, 'budgets.decide_eligibility', base)).error).toBe(
      'budgets.not_fund_validator',
    );
    const wrong = await d.trySend(d.parties.validator, 'budgets.decide_eligibility', {
      ...base,
      criteria: met().slice(0, 1),
    });
    expect(wrong.error).toBe('budgets.criteria_mismatch');
    expect(wrong.log).toContain('income_level < 1300, municipality = testdam');
    const unmet = await d.trySend(d.parties.validator, 'budgets.decide_eligibility', {
      ...base,
      criteria: met(false),
    });
    expect(unmet.error).toBe('budgets.criteria_not_met');
    expect(unmet.log).toContain('income_level');
    const noChildren = await d.trySend(d.parties.validator, 'budgets.decide_eligibility', {
      ...base,
      children: undefined,
    });
    expect(noChildren.error).toBe('budgets.amount_not_allowed');
    await d.ok(d.parties.validator, 'budgets.decide_eligibility', {
      ...base,
      decision: 'declined',
      criteria: met(false),
    });
    expect(getVoucher(d.kv, 'a1')).toBeUndefined();
    expect((await d.trySend(d.parties.validator, 'budgets.decide_eligibility', base)).error).toBe(
      'budgets.request_decided',
    );
    expect(
      (await d.trySend(d.parties.validator, 'budgets.decide_eligibility', { ...base, requestId: 'zz' }))
        .error,
    ).toBe('budgets.unknown_request');
  });

  it('refuses requests to funds without validators, duplicate ids, and residents who already have a voucher', async () => {
    d = await engineDriver();
    await setupFund(d, { fundId: 'direct' });
    const resident = d.newAccount();
    expect(
      (await d.trySend(resident, 'budgets.request_eligibility', { requestId: 'r', fundId: 'direct' })).error,
    ).toBe('budgets.bad_fund_state');
    await kindpakket(d);
    await d.ok(resident, 'budgets.request_eligibility', { requestId: 'r', fundId: 'kindpakket' });
    expect(
      (await d.trySend(resident, 'budgets.request_eligibility', { requestId: 'r', fundId: 'kindpakket' }))
        .error,
    ).toBe('budgets.request_exists');
    await d.ok(d.parties.validator, 'budgets.decide_eligibility', {
      requestId: 'r',
      decision: 'approved',
      criteria: met(),
      evidenceHash,
      children: 0,
    });
    expect(
      (await d.trySend(resident, 'budgets.request_eligibility', { requestId: 'r2', fundId: 'kindpakket' }))
        .error,
    ).toBe('budgets.holder_has_voucher');
  });
});

describe('pre-validations', () => {
  it('a pre-validated resident claims a voucher with their code; the code is stored only as a hash and works once', async () => {
    d = await engineDriver();
    await kindpakket(d);
    const c1 = code(1);
    const c2 = code(2);
    await d.ok(d.parties.validator, 'budgets.add_prevalidations', {
      fundId: 'kindpakket',
      entries: [
        { codeHash: c1.hash, children: 3 },
        { codeHash: c2.hash, children: 1 },
      ],
    });
    expect(getCode(d.kv, c1.hash)).toMatchObject({
      kind: 'prevalidation',
      validatedBy: d.parties.validator.oin,
      children: 3,
    });
    expect(JSON.stringify(getCode(d.kv, c1.hash))).not.toContain(c1.code);
    const resident = d.newAccount();
    await d.ok(resident, 'budgets.redeem_prevalidation', {
      fundId: 'kindpakket',
      code: c1.code.toLowerCase().replace(/-/g, '').toUpperCase(),
      voucherId: 'pv-1',
    });
    expect(getVoucher(d.kv, 'pv-1')).toMatchObject({
      holder: resident.publicKey,
      amountCents: '80000',
      origin: 'prevalidation',
      validatedBy: d.parties.validator.oin,
    });
    const again = await d.trySend(d.newAccount(), 'budgets.redeem_prevalidation', {
      fundId: 'kindpakket',
      code: c1.code,
      voucherId: 'pv-2',
    });
    expect(again.error).toBe('budgets.code_used');
    const wrong = await d.trySend(d.newAccount(), 'budgets.redeem_prevalidation', {
      fundId: 'kindpakket',
      code: 'WRNG-CODE-XXXX',
      voucherId: 'pv-3',
    });
    expect(wrong.error).toBe('budgets.unknown_code');
    const twice = await d.trySend(resident, 'budgets.redeem_prevalidation', {
      fundId: 'kindpakket',
      code: c2.code,
      voucherId: 'pv-4',
    });
    expect(twice.error).toBe('budgets.holder_has_voucher');
  });

  it('refuses a code hash registered twice, a non-validator, and amounts that do not fit the fund', async () => {
    d = await engineDriver();
    await kindpakket(d);
    const c = code(7);
    await d.ok(d.parties.validator, 'budgets.add_prevalidations', {
      fundId: 'kindpakket',
      entries: [{ codeHash: c.hash, children: 1 }],
    });
    const dup = await d.trySend(d.parties.validator, 'budgets.add_prevalidations', {
      fundId: 'kindpakket',
      entries: [{ codeHash: c.hash, children: 1 }],
    });
    expect(dup.error).toBe('budgets.code_exists');
    const notValidator = await d.trySend(d.parties.sponsor, 'budgets.add_prevalidations', {
      fundId: 'kindpakket',
      entries: [{ codeHash: code(8).hash, children: 1 }],
    });
    expect(notValidator.error).toBe('budgets.not_fund_validator');
    const amount = await d.trySend(d.parties.validator, 'budgets.add_prevalidations', {
      fundId: 'kindpakket',
      entries: [{ codeHash: code(9).hash, amountCents: '100' }],
    });
    expect(amount.error).toBe('budgets.amount_not_allowed');
  });
});

describe('vouchers', () => {
  it('the sponsor issues a voucher to a key; one live budget voucher per resident per fund', async () => {
    d = await engineDriver();
    await setupFund(d, { fundId: 'f' });
    const resident = await residentWithVoucher(d, 'f', 'v1');
    expect(listVouchers(d.kv, { holder: resident.publicKey }).map((v) => v.id)).toEqual(['v1']);
    const twice = await d.trySend(d.parties.sponsor, 'budgets.issue_voucher', {
      voucherId: 'v2',
      fundId: 'f',
      holder: resident.publicKey,
    });
    expect(twice.error).toBe('budgets.holder_has_voucher');
    const dupId = await d.trySend(d.parties.sponsor, 'budgets.issue_voucher', {
      voucherId: 'v1',
      fundId: 'f',
      holder: d.newAccount().publicKey,
    });
    expect(dupId.error).toBe('budgets.voucher_exists');
    const amount = await d.trySend(d.parties.sponsor, 'budgets.issue_voucher', {
      voucherId: 'v3',
      fundId: 'f',
      holder: d.newAccount().publicKey,
      amountCents: '5',
    });
    expect(amount.error).toBe('budgets.amount_not_allowed');
    const both = await d.trySend(d.parties.sponsor, 'budgets.issue_voucher', {
      voucherId: 'v4',
      fundId: 'f',
      holder: resident.publicKey,
      activationCodeHash: code(1).hash,
    });
    expect(both.error).toBe('tx.invalid_body');
    const late = await d.trySend(d.parties.sponsor, 'budgets.issue_voucher', {
      voucherId: 'v5',
      fundId: 'f',
      holder: d.newAccount().publicKey,
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    expect(late.error).toBe('budgets.bad_expiry');
  });

  it('cannot give out more than the fund holds, nor more than its total limit', async () => {
    d = await engineDriver();
    await setupFund(d, { fundId: 'klein', topUp: '50000', limits: { totalCents: '40000' } });
    await residentWithVoucher(d, 'klein', 'v1', {});
    const overLimit = await d.trySend(d.parties.sponsor, 'budgets.issue_voucher', {
      voucherId: 'v2',
      fundId: 'klein',
      holder: d.newAccount().publicKey,
    });
    expect(overLimit.error).toBe('budgets.fund_total_limit');
    await setupFund(d, { fundId: 'leeg', topUp: '10000' });
    const empty = await d.trySend(d.parties.sponsor, 'budgets.issue_voucher', {
      voucherId: 'v3',
      fundId: 'leeg',
      holder: d.newAccount().publicKey,
    });
    expect(empty.error).toBe('budgets.fund_insufficient');
    expect(empty.log).toContain('€ 100,00');
  });

  it('a bearer voucher is claimed to a key with its code, once; funds without the switch refuse bearer vouchers', async () => {
    d = await engineDriver();
    await setupFund(d, { fundId: 'pas', switches: { bearerVouchers: true } });
    const c = code(3);
    await d.ok(d.parties.sponsor, 'budgets.issue_voucher', {
      voucherId: 'kaart-1',
      fundId: 'pas',
      activationCodeHash: c.hash,
    });
    expect(getVoucher(d.kv, 'kaart-1')!.holder).toBeUndefined();
    const resident = d.newAccount();
    await d.ok(resident, 'budgets.claim_voucher', { code: c.code });
    expect(getVoucher(d.kv, 'kaart-1')).toMatchObject({ holder: resident.publicKey });
    expect((await d.trySend(d.newAccount(), 'budgets.claim_voucher', { code: c.code })).error).toBe(
      'budgets.code_used',
    );
    expect((await d.trySend(d.newAccount(), 'budgets.claim_voucher', { code: code(99).code })).error).toBe(
      'budgets.unknown_code',
    );
    await setupFund(d, { fundId: 'geenkaart' });
    const refused = await d.trySend(d.parties.sponsor, 'budgets.issue_voucher', {
      voucherId: 'kaart-2',
      fundId: 'geenkaart',
      activationCodeHash: code(4).hash,
    });
    expect(refused.error).toBe('budgets.bearer_not_allowed');
  });

  it('the sponsor deactivates and reactivates a voucher; the state refusals name the state', async () => {
    d = await engineDriver();
    await setupFund(d, { fundId: 'f' });
    await residentWithVoucher(d, 'f', 'v1');
    await d.ok(d.parties.sponsor, 'budgets.deactivate_voucher', { voucherId: 'v1', reason: 'pas verloren' });
    expect(getVoucher(d.kv, 'v1')).toMatchObject({
      state: 'deactivated',
      deactivationReason: 'pas verloren',
      balanceCents: '30000',
    });
    expect(
      (await d.trySend(d.parties.sponsor, 'budgets.deactivate_voucher', { voucherId: 'v1' })).error,
    ).toBe('budgets.voucher_deactivated');
    expect(
      (await d.trySend(d.parties.otherSponsor, 'budgets.reactivate_voucher', { voucherId: 'v1' })).error,
    ).toBe('budgets.not_fund_sponsor');
    await d.ok(d.parties.sponsor, 'budgets.reactivate_voucher', { voucherId: 'v1' });
    expect(getVoucher(d.kv, 'v1')!.state).toBe('active');
    expect(
      (await d.trySend(d.parties.sponsor, 'budgets.reactivate_voucher', { voucherId: 'v1' })).error,
    ).toBe('budgets.voucher_not_deactivated');
    expect(
      (await d.trySend(d.parties.sponsor, 'budgets.deactivate_voucher', { voucherId: 'nope' })).error,
    ).toBe('budgets.unknown_voucher');
  });

  it('closing the fund ends every voucher and returns what is left to the sponsor', async () => {
    d = await engineDriver();
    await setupFund(d, { fundId: 'f', topUp: '100000' });
    await residentWithVoucher(d, 'f', 'v1');
    await residentWithVoucher(d, 'f', 'v2');
    await d.ok(d.parties.sponsor, 'budgets.deactivate_voucher', { voucherId: 'v2' });
    const r = await d.ok(d.parties.sponsor, 'budgets.close_fund', { fundId: 'f' });
    expect(r.amount).toBe('100000');
    expect(getVoucher(d.kv, 'v1')).toMatchObject({
      state: 'expired',
      balanceCents: '0',
      returnedCents: '30000',
    });
    expect(getVoucher(d.kv, 'v2')!.state).toBe('expired');
    expect(fundView(d.kv, 'f')!.totals).toMatchObject({
      funded: '100000',
      held: '0',
      balance: '0',
      returned: '100000',
    });
  });
});

describe('product vouchers', () => {
  async function withOffer(d: Driver, stock = 2) {
    await setupFund(d, {
      fundId: 'f',
      switches: { bearerVouchers: true },
      limits: { perPersonCents: '30000' },
    });
    await acceptProvider(d, 'f', d.parties.museum);
    await d.ok(d.parties.museum, 'budgets.create_offer', {
      offerId: 'museumjaarkaart',
      fundId: 'f',
      title: 'Museumjaarkaart (test)',
      category: 'culture',
      priceCents: '7500',
      paymentType: 'budget',
      stock,
      perPersonLimit: 1,
    });
  }

  it('a resident reserves an offer from their budget; the provider redeems it and is paid', async () => {
    d = await engineDriver();
    await withOffer(d);
    const resident = await residentWithVoucher(d, 'f', 'v1');
    await d.ok(resident, 'budgets.create_product_voucher', {
      voucherId: 'pv1',
      offerId: 'museumjaarkaart',
      parentVoucherId: 'v1',
    });
    expect(getVoucher(d.kv, 'v1')!.balanceCents).toBe('22500');
    expect(getVoucher(d.kv, 'pv1')).toMatchObject({
      kind: 'product',
      holder: resident.publicKey,
      balanceCents: '7500',
      offerId: 'museumjaarkaart',
      origin: 'reservation',
    });
    expect(getOffer(d.kv, 'museumjaarkaart')!.sold).toBe(1);
    const again = await d.trySend(resident, 'budgets.create_product_voucher', {
      voucherId: 'pv2',
      offerId: 'museumjaarkaart',
      parentVoucherId: 'v1',
    });
    expect(again.error).toBe('budgets.offer_person_limit');
    // Only the offer's provider redeems, once.
    expect(
      (
        await d.trySend(d.parties.sport, 'budgets.redeem_product_voucher', {
          voucherId: 'pv1',
          paymentId: 'p1',
        })
      ).error,
    ).toBe('budgets.not_offer_provider');
    const r = await d.ok(d.parties.museum, 'budgets.redeem_product_voucher', {
      voucherId: 'pv1',
      paymentId: 'p1',
    });
    expect(r.amount).toBe('7500');
    expect(getVoucher(d.kv, 'pv1')).toMatchObject({ state: 'used', balanceCents: '0' });
    expect(
      (
        await d.trySend(d.parties.museum, 'budgets.redeem_product_voucher', {
          voucherId: 'pv1',
          paymentId: 'p2',
        })
      ).error,
    ).toBe('budgets.voucher_used');
    expect(
      (
        await d.trySend(d.parties.museum, 'budgets.redeem_product_voucher', {
          voucherId: 'v1',
          paymentId: 'p3',
        })
      ).error,
    ).toBe('budgets.wrong_voucher_kind');
    expect(fundView(d.kv, 'f')!.totals).toMatchObject({ held: '22500', paid: '7500' });
  });

  it('the sponsor issues product vouchers from the fund; stock runs out', async () => {
    d = await engineDriver();
    await withOffer(d, 1);
    await d.ok(d.parties.sponsor, 'budgets.create_product_voucher', {
      voucherId: 'gift-1',
      offerId: 'museumjaarkaart',
      activationCodeHash: code(5).hash,
    });
    expect(getVoucher(d.kv, 'gift-1')).toMatchObject({
      kind: 'product',
      origin: 'sponsor',
      balanceCents: '7500',
    });
    const soldOut = await d.trySend(d.parties.sponsor, 'budgets.create_product_voucher', {
      voucherId: 'gift-2',
      offerId: 'museumjaarkaart',
      holder: d.newAccount().publicKey,
    });
    expect(soldOut.error).toBe('budgets.offer_sold_out');
    const unclaimed = await d.trySend(d.parties.museum, 'budgets.redeem_product_voucher', {
      voucherId: 'gift-1',
      paymentId: 'p1',
    });
    expect(unclaimed.error).toBe('budgets.voucher_not_claimed');
    const resident = d.newAccount();
    await d.ok(resident, 'budgets.claim_voucher', { code: code(5).code });
    await d.ok(d.parties.museum, 'budgets.redeem_product_voucher', { voucherId: 'gift-1', paymentId: 'p1' });
    expect(fundView(d.kv, 'f')!.totals).toMatchObject({ paid: '7500', held: '0' });
  });

  it('refuses subsidy offers for product vouchers, reservations by others, and reservations beyond the budget', async () => {
    d = await engineDriver();
    await withOffer(d);
    await d.ok(d.parties.museum, 'budgets.create_offer', {
      offerId: 'korting',
      fundId: 'f',
      title: 'Korting (test)',
      category: 'culture',
      priceCents: '2000',
      paymentType: 'subsidy',
      sponsorPartCents: '1500',
    });
    const resident = await residentWithVoucher(d, 'f', 'v1', {});
    expect(
      (
        await d.trySend(resident, 'budgets.create_product_voucher', {
          voucherId: 'x',
          offerId: 'korting',
          parentVoucherId: 'v1',
        })
      ).error,
    ).toBe('budgets.wrong_payment_type');
    expect(
      (
        await d.trySend(d.newAccount(), 'budgets.create_product_voucher', {
          voucherId: 'x',
          offerId: 'museumjaarkaart',
          parentVoucherId: 'v1',
        })
      ).error,
    ).toBe('budgets.not_voucher_holder');
    await d.ok(d.parties.sport, 'budgets.apply_to_fund', { fundId: 'f' });
    await d.ok(d.parties.sponsor, 'budgets.decide_provider', {
      fundId: 'f',
      provider: d.parties.sport.oin,
      decision: 'accepted',
    });
    await d.ok(d.parties.sport, 'budgets.create_offer', {
      offerId: 'duur',
      fundId: 'f',
      title: 'Duur (test)',
      category: 'sport',
      priceCents: '29000',
      paymentType: 'budget',
    });
    await d.ok(resident, 'budgets.create_product_voucher', {
      voucherId: 'pv1',
      offerId: 'museumjaarkaart',
      parentVoucherId: 'v1',
    });
    const tooMuch = await d.trySend(resident, 'budgets.create_product_voucher', {
      voucherId: 'pv2',
      offerId: 'duur',
      parentVoucherId: 'v1',
    });
    // 7500 reserved + 29000 is over the per-person limit of 30000.
    expect(tooMuch.error).toBe('budgets.person_limit');
  });
});
