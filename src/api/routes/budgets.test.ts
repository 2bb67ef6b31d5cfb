// The budgets API over real HTTP: every flow through POST /v1/transactions (via the client
// helpers), the refusals with their own code and HTTP status, the reads checked against their
// declared schemas, and the CSV and SEPA downloads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KetenboekApiError, KetenboekClient } from '../../client/index.ts';
import { type BudgetsClient, budgetsClient } from '../../client/modules/budgets.ts';
import { sha256Hex } from '../../core/hash-node.ts';
import { activationCodeHash } from '../../modules/budgets/codes.ts';
import { BudgetErrors } from '../../modules/budgets/errors.ts';
import { ibanWithCheck } from '../../modules/budgets/iban.ts';
import { addDays, BUDGET_TEST_MODULES, ORG_SPECS } from '../../modules/budgets/test-support.ts';
import type { TestKey } from '../../testing/test-chain.ts';
import type { ApiRoute } from '../route.ts';
import { startTestApi, type TestApi } from '../test-support.ts';
import { budgetsApis } from './budgets.ts';
import { API_MODULES } from './index.ts';

let t: TestApi;
let b: BudgetsClient;
let sponsor: TestKey;
let sport: TestKey;
let museum: TestKey;
let care: TestKey;
let validator: TestKey;
let otherSponsor: TestKey;
let today: string;

const iban = (n: number) => ibanWithCheck('NL', `TEST${String(n).padStart(10, '0')}`);

/** The stable code and HTTP status a write is refused with. */
async function refused(p: Promise<unknown>): Promise<{ code: string; status: number }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof KetenboekApiError) return { code: e.code, status: e.status };
    throw e;
  }
  return { code: '', status: 0 };
}

/** Expects the budgets refusal `name` with its own HTTP status (refused at check time, nothing committed). */
async function expectRefusal(
  p: Promise<unknown>,
  name: keyof typeof BudgetErrors,
  committed = false,
): Promise<void> {
  const def = BudgetErrors[name] as { code: string; httpStatus: number };
  // A tx that passed its checks against the last block but was refused in the next one (its time
  // had moved on) is on the ledger with its refusal: 422 with the same stable code.
  expect(await refused(p)).toEqual({ code: def.code, status: committed ? 422 : def.httpStatus });
}

beforeAll(async () => {
  const names = new Set(API_MODULES.map((m) => m.tag.name));
  t = await startTestApi({
    chain: { modules: BUDGET_TEST_MODULES, orgs: ORG_SPECS },
    api: { modules: [...API_MODULES, ...budgetsApis.filter((m) => !names.has(m.tag.name))] },
  });
  [sponsor, sport, museum, care, validator, otherSponsor] = t.chain.orgs as [
    TestKey,
    TestKey,
    TestKey,
    TestKey,
    TestKey,
    TestKey,
  ];
  b = budgetsClient(new KetenboekClient({ baseUrl: t.url }));
  today = new Date().toISOString().slice(0, 10);
  for (const [i, k] of [sponsor, sport, museum, care].entries())
    await b.setBankAccount(k, { iban: iban(i + 1), accountName: `Testorganisatie ${i + 1}` });
  await b.createFund(sponsor, {
    fundId: 'stadspas',
    name: 'Stadspas (test)',
    categories: ['sport', 'culture'],
    startDate: addDays(today, -1),
    endDate: addDays(today, 300),
    amount: { kind: 'fixed', cents: '30000' },
    limits: { perPaymentCents: '10000', perPersonCents: '25000' },
    switches: { bearerVouchers: true, reimbursements: true },
    criteria: [{ record: 'income_level', operator: '<', value: '130' }],
    validators: [validator.oin!],
  });
  await b.topUpFund(sponsor, { fundId: 'stadspas', amountCents: '1000000' });
  await b.activateFund(sponsor, { fundId: 'stadspas' });
  await b.applyToFund(sport, { fundId: 'stadspas' });
  await b.decideProvider(sponsor, {
    fundId: 'stadspas',
    provider: sport.oin!,
    decision: 'accepted',
    categories: ['sport'],
  });
  await b.applyToFund(museum, { fundId: 'stadspas' });
  await b.applyToFund(care, { fundId: 'stadspas' });
  await b.decideProvider(sponsor, {
    fundId: 'stadspas',
    provider: care.oin!,
    decision: 'rejected',
    reason: 'geen aanbod',
  });
});
afterAll(() => t?.close());

const resident = () => t.chain.newAccount();

describe('funds and providers over HTTP', () => {
  it('shows the fund with its totals, its providers, and the funds a provider applied to', async () => {
    const f = await b.fund('stadspas');
    expect(f).toMatchObject({ state: 'active', sponsor: sponsor.oin, totals: { funded: '1000000' } });
    const providers = await b.fundProviders('stadspas');
    expect(providers.items.map((p) => [p.provider, p.state])).toEqual(
      expect.arrayContaining([
        [sport.oin, 'accepted'],
        [museum.oin, 'pending'],
        [care.oin, 'rejected'],
      ]),
    );
    expect(await b.fundProvider('stadspas', sport.oin!)).toMatchObject({ categories: ['sport'] });
    const seen = await b.funds({ provider: museum.oin! });
    expect(seen.items[0]).toMatchObject({
      id: 'stadspas',
      startDate: addDays(today, -1),
      application: { state: 'pending' },
    });
    expect((await b.funds({ sponsor: sponsor.oin! })).items.map((x) => x.id)).toContain('stadspas');
  });

  it('refuses bad fund writes with their own status', async () => {
    await expectRefusal(
      b.createFund(sponsor, {
        fundId: 'stadspas',
        name: 'x',
        categories: ['a'],
        startDate: today,
        endDate: today,
        amount: { kind: 'fixed', cents: '1' },
      }),
      'fund_exists',
    );
    await expectRefusal(
      b.topUpFund(otherSponsor, { fundId: 'stadspas', amountCents: '1' }),
      'not_fund_sponsor',
    );
    await expectRefusal(b.activateFund(sponsor, { fundId: 'stadspas' }), 'bad_fund_state');
    await expectRefusal(b.topUpFund(sponsor, { fundId: 'nope', amountCents: '1' }), 'unknown_fund');
    await expectRefusal(
      b.decideProvider(sponsor, { fundId: 'stadspas', provider: validator.oin!, decision: 'accepted' }),
      'unknown_application',
    );
    await expectRefusal(b.applyToFund(sport, { fundId: 'stadspas' }), 'application_exists');
    const invalid = await refused(
      b.createFund(sponsor, {
        fundId: 'x',
        name: 'x',
        categories: ['a', 'a'],
        startDate: today,
        endDate: addDays(today, -3),
        amount: { kind: 'fixed', cents: '1' },
      }),
    );
    expect(invalid).toEqual({ code: 'budgets.invalid_fund', status: 400 });
    const body = await t.get('/v1/funds/nope');
    expect(body.status).toBe(404);
    expect(await body.json()).toMatchObject({ code: 'budgets.unknown_fund' });
  });
});

describe('vouchers and eligibility over HTTP', () => {
  it('request → decision → voucher; pre-validation codes; bearer vouchers claimed with their code', async () => {
    const r = resident();
    await b.requestEligibility(r, { requestId: 'api-req-1', fundId: 'stadspas' });
    await b.decideEligibility(validator, {
      requestId: 'api-req-1',
      decision: 'approved',
      criteria: [{ record: 'income_level', operator: '<', value: '130', met: true }],
      evidenceHash: sha256Hex('zout|bewijs (fake)'),
      voucherId: 'api-v-req',
    });
    expect(await b.eligibilityRequest('api-req-1')).toMatchObject({
      state: 'approved',
      decision: { validator: validator.oin },
    });
    expect(await b.voucher('api-v-req')).toMatchObject({
      holder: r.publicKey,
      balanceCents: '30000',
      validatedBy: validator.oin,
    });
    expect((await b.eligibilityRequests('stadspas')).items.map((x) => x.id)).toContain('api-req-1');
    // The resident's own requests, found by key from any browser, and nobody else's.
    expect((await b.eligibilityRequestsOf(r.publicKey)).items).toEqual([
      expect.objectContaining({ id: 'api-req-1', requester: r.publicKey, state: 'approved' }),
    ]);
    expect((await b.eligibilityRequestsOf(r.publicKey, 'pending')).items).toEqual([]);
    expect((await b.eligibilityRequestsOf(resident().publicKey)).items).toEqual([]);

    await b.addPrevalidations(validator, {
      fundId: 'stadspas',
      entries: [{ codeHash: activationCodeHash('APIX-PREV-0001') }],
    });
    const r2 = resident();
    await b.redeemPrevalidation(r2, { fundId: 'stadspas', code: 'APIX-PREV-0001', voucherId: 'api-v-pre' });
    expect((await b.vouchers({ holder: r2.publicKey })).items.map((v) => v.origin)).toEqual([
      'prevalidation',
    ]);
    await expectRefusal(
      b.redeemPrevalidation(resident(), { fundId: 'stadspas', code: 'APIX-PREV-0001', voucherId: 'x' }),
      'code_used',
    );
    await expectRefusal(
      b.redeemPrevalidation(resident(), { fundId: 'stadspas', code: 'APIX-NONE-0001', voucherId: 'x' }),
      'unknown_code',
    );

    await b.issueVoucher(sponsor, {
      voucherId: 'api-kaart',
      fundId: 'stadspas',
      activationCodeHash: activationCodeHash('APIX-KART-0001'),
    });
    const r3 = resident();
    await b.claimVoucher(r3, { code: 'APIX-KART-0001' });
    expect(await b.voucher('api-kaart')).toMatchObject({ holder: r3.publicKey });
  });

  it('refuses decisions outside the validator’s remit and unmet criteria; deactivates and reactivates', async () => {
    const r = resident();
    await b.requestEligibility(r, { requestId: 'api-req-2', fundId: 'stadspas' });
    const base = {
      requestId: 'api-req-2',
      decision: 'approved' as const,
      evidenceHash: sha256Hex('x'),
      criteria: [{ record: 'income_level', operator: '<' as const, value: '130', met: false }],
    };
    await expectRefusal(b.decideEligibility(sponsor, base), 'not_fund_validator');
    await expectRefusal(b.decideEligibility(validator, base), 'criteria_not_met');
    await expectRefusal(b.decideEligibility(validator, { ...base, criteria: [] }), 'criteria_mismatch');
    await b.decideEligibility(validator, { ...base, decision: 'declined' });
    await expectRefusal(b.decideEligibility(validator, base), 'request_decided');
    const holder = resident();
    await b.issueVoucher(sponsor, { voucherId: 'api-v-d', fundId: 'stadspas', holder: holder.publicKey });
    await expectRefusal(
      b.issueVoucher(sponsor, { voucherId: 'api-v-d2', fundId: 'stadspas', holder: holder.publicKey }),
      'holder_has_voucher',
    );
    await b.deactivateVoucher(sponsor, { voucherId: 'api-v-d', reason: 'kaart kwijt' });
    await expectRefusal(
      b.pay(holder, {
        paymentId: 'api-p-d',
        voucherId: 'api-v-d',
        provider: sport.oin!,
        amountCents: '100',
        category: 'sport',
      }),
      'voucher_deactivated',
    );
    await b.reactivateVoucher(sponsor, { voucherId: 'api-v-d' });
    await b.pay(holder, {
      paymentId: 'api-p-d',
      voucherId: 'api-v-d',
      provider: sport.oin!,
      amountCents: '100',
      category: 'sport',
    });
  });

  it('a voucher that expired refuses payment with voucher_expired', async () => {
    const holder = resident();
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    await b.issueVoucher(sponsor, {
      voucherId: 'api-v-exp',
      fundId: 'stadspas',
      holder: holder.publicKey,
      expiresAt,
    });
    await new Promise((r) => setTimeout(r, 1600));
    await expectRefusal(
      b.pay(holder, {
        paymentId: 'api-p-exp',
        voucherId: 'api-v-exp',
        provider: sport.oin!,
        amountCents: '100',
        category: 'sport',
      }),
      'voucher_expired',
      true,
    );
  });
});

describe('payments over HTTP', () => {
  let holder: TestKey;
  beforeAll(async () => {
    holder = resident();
    await b.issueVoucher(sponsor, { voucherId: 'api-v1', fundId: 'stadspas', holder: holder.publicKey });
    await b.createOffer(sport, {
      offerId: 'api-zwemles',
      fundId: 'stadspas',
      title: 'Zwemles (test)',
      category: 'sport',
      priceCents: '4000',
      paymentType: 'budget',
      stock: 2,
      perPersonLimit: 1,
    });
  });

  it('pays, pays for an offer, and refunds', async () => {
    const paid = await b.pay(holder, {
      paymentId: 'api-p1',
      voucherId: 'api-v1',
      provider: sport.oin!,
      amountCents: '2500',
      category: 'sport',
    });
    expect(paid.result.amount).toBe('2500');
    await b.pay(holder, {
      paymentId: 'api-p2',
      voucherId: 'api-v1',
      provider: sport.oin!,
      offerId: 'api-zwemles',
    });
    expect(await b.offer('api-zwemles')).toMatchObject({ sold: 1 });
    await b.refundPayment(sport, { paymentId: 'api-p1', amountCents: '500' });
    expect(await b.payment('api-p1')).toMatchObject({ refundedCents: '500' });
    expect((await b.voucher('api-v1')).balanceCents).toBe('24000');
    expect((await b.payments({ voucherId: 'api-v1' })).items.map((p) => p.id)).toEqual(['api-p1', 'api-p2']);
    expect((await b.voucherMovements('api-v1')).items.map((m) => m.kind)).toEqual([
      'allocation',
      'payment',
      'payment',
      'refund',
    ]);
  });

  it('refuses with the reason a cashier needs: provider, category, limits, stock, budget, fund state', async () => {
    const pay = (over: Record<string, unknown>) =>
      b.pay(holder, {
        paymentId: `api-x-${Math.random().toString(36).slice(2, 10)}`,
        voucherId: 'api-v1',
        provider: sport.oin!,
        amountCents: '100',
        category: 'sport',
        ...over,
      });
    await expectRefusal(pay({ provider: museum.oin!, category: 'culture' }), 'provider_not_accepted');
    await expectRefusal(pay({ provider: care.oin! }), 'provider_not_accepted');
    await expectRefusal(pay({ category: 'culture' }), 'provider_category_not_allowed');
    await expectRefusal(pay({ category: 'food' }), 'unknown_category');
    await expectRefusal(pay({ amountCents: '10001' }), 'payment_limit');
    await expectRefusal(
      pay({ amountCents: undefined, category: undefined, offerId: 'api-zwemles' }),
      'offer_person_limit',
    );
    const other = resident();
    await b.issueVoucher(sponsor, { voucherId: 'api-v2', fundId: 'stadspas', holder: other.publicKey });
    await b.pay(other, {
      paymentId: 'api-p3',
      voucherId: 'api-v2',
      provider: sport.oin!,
      offerId: 'api-zwemles',
    });
    const third = resident();
    await b.issueVoucher(sponsor, { voucherId: 'api-v3', fundId: 'stadspas', holder: third.publicKey });
    await expectRefusal(
      b.pay(third, {
        paymentId: 'api-p4',
        voucherId: 'api-v3',
        provider: sport.oin!,
        offerId: 'api-zwemles',
      }),
      'offer_sold_out',
    );
    await b.pay(holder, {
      paymentId: 'api-p5',
      voucherId: 'api-v1',
      provider: sport.oin!,
      amountCents: '10000',
      category: 'sport',
    });
    await b.pay(holder, {
      paymentId: 'api-p6',
      voucherId: 'api-v1',
      provider: sport.oin!,
      amountCents: '8000',
      category: 'sport',
    });
    await expectRefusal(pay({ amountCents: '1001' }), 'person_limit');
    await expectRefusal(
      b.pay(resident(), {
        paymentId: 'api-p7',
        voucherId: 'api-v1',
        provider: sport.oin!,
        amountCents: '1',
        category: 'sport',
      }),
      'not_voucher_holder',
    );
    await b.pauseFund(sponsor, { fundId: 'stadspas' });
    await expectRefusal(
      b.pay(third, {
        paymentId: 'api-p8',
        voucherId: 'api-v3',
        provider: sport.oin!,
        amountCents: '100',
        category: 'sport',
      }),
      'fund_not_active',
    );
    await b.activateFund(sponsor, { fundId: 'stadspas' });
  });

  it('refuses a payment beyond the budget (insufficient_budget)', async () => {
    await b.createFund(sponsor, {
      fundId: 'klein',
      name: 'Klein (test)',
      categories: ['sport'],
      startDate: addDays(today, -1),
      endDate: addDays(today, 30),
      amount: { kind: 'fixed', cents: '500' },
    });
    await b.topUpFund(sponsor, { fundId: 'klein', amountCents: '600' });
    await b.activateFund(sponsor, { fundId: 'klein' });
    await b.applyToFund(sport, { fundId: 'klein' });
    await b.decideProvider(sponsor, { fundId: 'klein', provider: sport.oin!, decision: 'accepted' });
    const r = resident();
    await b.issueVoucher(sponsor, { voucherId: 'api-klein', fundId: 'klein', holder: r.publicKey });
    await expectRefusal(
      b.issueVoucher(sponsor, { voucherId: 'api-klein-2', fundId: 'klein', holder: resident().publicKey }),
      'fund_insufficient',
    );
    await expectRefusal(
      b.pay(r, {
        paymentId: 'api-k1',
        voucherId: 'api-klein',
        provider: sport.oin!,
        amountCents: '501',
        category: 'sport',
      }),
      'insufficient_budget',
    );
  });

  it('the QR flow: the provider requests, the resident sees it and confirms', async () => {
    const r = resident();
    await b.issueVoucher(sponsor, { voucherId: 'api-qr-v', fundId: 'stadspas', holder: r.publicKey });
    await b.requestPayment(sport, {
      requestId: 'api-qr-1',
      voucherId: 'api-qr-v',
      amountCents: '1750',
      category: 'sport',
    });
    const open = await b.paymentRequests(r.publicKey, 'pending');
    expect(open.items).toEqual([
      expect.objectContaining({ id: 'api-qr-1', amountCents: '1750', effectiveState: 'pending' }),
    ]);
    await b.confirmPaymentRequest(r, { requestId: 'api-qr-1', paymentId: 'api-qr-pay' });
    expect(await b.paymentRequest('api-qr-1')).toMatchObject({ state: 'confirmed', paymentId: 'api-qr-pay' });
    await expectRefusal(
      b.confirmPaymentRequest(r, { requestId: 'api-qr-1', paymentId: 'x' }),
      'payment_request_closed',
    );
    await b.requestPayment(sport, {
      requestId: 'api-qr-2',
      voucherId: 'api-qr-v',
      amountCents: '100',
      category: 'sport',
    });
    await expectRefusal(b.declinePaymentRequest(museum, { requestId: 'api-qr-2' }), 'not_party');
    await b.declinePaymentRequest(r, { requestId: 'api-qr-2' });
    await expectRefusal(
      b.requestPayment(museum, {
        requestId: 'api-qr-3',
        voucherId: 'api-qr-v',
        amountCents: '100',
        category: 'culture',
      }),
      'provider_not_accepted',
    );
  });

  it('subsidy offers: approved by the sponsor, sponsor part from the fund, resident part recorded; product vouchers', async () => {
    await b.decideProvider(sponsor, {
      fundId: 'stadspas',
      provider: museum.oin!,
      decision: 'accepted',
      categories: ['culture'],
    });
    await b.createOffer(museum, {
      offerId: 'api-korting',
      fundId: 'stadspas',
      title: 'Korting (test)',
      category: 'culture',
      priceCents: '1200',
      paymentType: 'subsidy',
      sponsorPartCents: '900',
    });
    const r = resident();
    await b.issueVoucher(sponsor, { voucherId: 'api-sub-v', fundId: 'stadspas', holder: r.publicKey });
    await expectRefusal(
      b.pay(r, {
        paymentId: 'api-sub-1',
        voucherId: 'api-sub-v',
        provider: museum.oin!,
        offerId: 'api-korting',
      }),
      'offer_not_available',
    );
    await b.approveOffer(sponsor, { offerId: 'api-korting' });
    await b.pay(r, {
      paymentId: 'api-sub-1',
      voucherId: 'api-sub-v',
      provider: museum.oin!,
      offerId: 'api-korting',
    });
    expect(await b.payment('api-sub-1')).toMatchObject({
      kind: 'subsidy',
      amountCents: '900',
      residentPartCents: '300',
    });
    await b.createOffer(museum, {
      offerId: 'api-jaarkaart',
      fundId: 'stadspas',
      title: 'Jaarkaart (test)',
      category: 'culture',
      priceCents: '7500',
      paymentType: 'budget',
    });
    await expectRefusal(
      b.createProductVoucher(r, {
        voucherId: 'api-pv-x',
        offerId: 'api-korting',
        parentVoucherId: 'api-sub-v',
      }),
      'wrong_payment_type',
    );
    await b.createProductVoucher(r, {
      voucherId: 'api-pv',
      offerId: 'api-jaarkaart',
      parentVoucherId: 'api-sub-v',
    });
    await expectRefusal(
      b.redeemProductVoucher(sport, { voucherId: 'api-pv', paymentId: 'api-pv-pay' }),
      'not_offer_provider',
    );
    await b.redeemProductVoucher(museum, { voucherId: 'api-pv', paymentId: 'api-pv-pay' });
    await expectRefusal(
      b.redeemProductVoucher(museum, { voucherId: 'api-pv', paymentId: 'api-pv-pay2' }),
      'voucher_used',
    );
    await b.updateOffer(museum, { offerId: 'api-jaarkaart', stock: 0 });
    await expectRefusal(
      b.createProductVoucher(r, {
        voucherId: 'api-pv2',
        offerId: 'api-jaarkaart',
        parentVoucherId: 'api-sub-v',
      }),
      'offer_sold_out',
    );
    await b.withdrawOffer(museum, { offerId: 'api-jaarkaart' });
    expect((await b.offers({ provider: museum.oin!, state: 'withdrawn' })).items.map((o) => o.id)).toEqual([
      'api-jaarkaart',
    ]);
  });
});

describe('reimbursements and care budgets over HTTP', () => {
  it('a claim with a receipt hash is approved and paid from the voucher', async () => {
    const r = resident();
    await b.issueVoucher(sponsor, { voucherId: 'api-rb-v', fundId: 'stadspas', holder: r.publicKey });
    await b.submitReimbursement(r, {
      reimbursementId: 'api-rb-1',
      voucherId: 'api-rb-v',
      amountCents: '2000',
      category: 'culture',
      receiptHash: sha256Hex('bon (fake)'),
    });
    await b.decideReimbursement(sponsor, { reimbursementId: 'api-rb-1', decision: 'approved' });
    expect(await b.reimbursement('api-rb-1')).toMatchObject({ state: 'approved' });
    expect((await b.voucher('api-rb-v')).balanceCents).toBe('28000');
    await expectRefusal(
      b.decideReimbursement(sponsor, { reimbursementId: 'api-rb-1', decision: 'declined' }),
      'reimbursement_decided',
    );
    expect((await b.reimbursements({ holder: r.publicKey })).items).toHaveLength(1);
    await expectRefusal(
      b.submitReimbursement(r, {
        reimbursementId: 'api-rb-2',
        voucherId: 'api-klein',
        amountCents: '1',
        category: 'sport',
        receiptHash: sha256Hex('x'),
      }),
      'not_voucher_holder',
    );
  });

  it('care: contract, declaration, approval, payment and the monthly statement', async () => {
    await b.createFund(sponsor, {
      fundId: 'pgb',
      name: 'PGB (test)',
      kind: 'care',
      categories: ['home_care'],
      startDate: addDays(today, -1),
      endDate: addDays(today, 300),
      amount: { kind: 'custom', minCents: '1000', maxCents: '1000000' },
    });
    await b.topUpFund(sponsor, { fundId: 'pgb', amountCents: '1000000' });
    await b.activateFund(sponsor, { fundId: 'pgb' });
    await b.applyToFund(care, { fundId: 'pgb' });
    await b.decideProvider(sponsor, { fundId: 'pgb', provider: care.oin!, decision: 'accepted' });
    const holder = resident();
    await b.issueVoucher(sponsor, {
      voucherId: 'api-pgb',
      fundId: 'pgb',
      holder: holder.publicKey,
      amountCents: '400000',
    });
    await expectRefusal(
      b.pay(holder, {
        paymentId: 'x',
        voucherId: 'api-pgb',
        provider: care.oin!,
        amountCents: '1',
        category: 'home_care',
      }),
      'care_budget_contract_only',
    );
    await b.createCareContract(holder, {
      contractId: 'api-zo',
      voucherId: 'api-pgb',
      provider: care.oin!,
      category: 'home_care',
      unit: 'hour',
      rateCents: '4000',
      maxUnitsPerMonth: 20,
      startDate: addDays(today, -1),
      endDate: addDays(today, 200),
    });
    await expectRefusal(
      b.declareCare(care, {
        declarationId: 'api-d0',
        contractId: 'api-zo',
        period: today.slice(0, 7),
        units: 1,
      }),
      'contract_not_active',
    );
    await b.acceptCareContract(care, { contractId: 'api-zo' });
    await b.declareCare(care, {
      declarationId: 'api-d1',
      contractId: 'api-zo',
      period: today.slice(0, 7),
      units: 10,
    });
    await expectRefusal(
      b.declareCare(care, {
        declarationId: 'api-d2',
        contractId: 'api-zo',
        period: today.slice(0, 7),
        units: 11,
      }),
      'contract_units_exceeded',
    );
    await b.decideCareDeclaration(holder, { declarationId: 'api-d1', decision: 'approved' });
    expect(await b.careDeclaration('api-d1')).toMatchObject({ state: 'approved', paymentId: 'api-d1' });
    expect(await b.careContract('api-zo')).toMatchObject({
      state: 'active',
      declarations: [expect.objectContaining({ id: 'api-d1' })],
    });
    const statement = await b.careStatement('api-pgb', today.slice(0, 7));
    expect(statement.budgets[0]).toMatchObject({ carePaidCents: '40000', closingCents: '360000' });
    expect((await b.careBudgets(holder.publicKey)).items[0]!.contracts).toHaveLength(1);
    // The provider finds its contracts by its OIN, declarations included; other providers have none.
    expect((await b.careContractsOf(care.oin!)).items).toEqual([
      expect.objectContaining({
        id: 'api-zo',
        provider: care.oin,
        declarations: [expect.objectContaining({ id: 'api-d1' })],
      }),
    ]);
    expect((await b.careContractsOf(sport.oin!)).items).toEqual([]);
    expect((await t.get('/v1/care-budgets/api-v1')).status).toBe(404);
  });
});

describe('settlements and reports over HTTP', () => {
  it('a batch is made, approved and paid; the SEPA file and CSV downloads work', async () => {
    await b.createSettlement(sponsor, { settlementId: 'api-batch-1' });
    const s = await b.settlement('api-batch-1');
    expect(s.state).toBe('draft');
    const early = await t.get('/v1/settlements/api-batch-1/sepa-file');
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'budgets.bad_settlement_state' });
    await b.approveSettlement(sponsor, { settlementId: 'api-batch-1' });
    const sepa = await t.get('/v1/settlements/api-batch-1/sepa-file');
    expect(sepa.status).toBe(200);
    expect(sepa.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(sepa.headers.get('content-disposition')).toContain('api-batch-1-pain.001.xml');
    const xml = await sepa.text();
    expect(xml).toContain('pain.001.001.03');
    expect(xml).toContain(`<IBAN>${iban(1)}</IBAN>`);
    const spec = await t.get('/v1/settlements/api-batch-1/payments?format=csv');
    expect(spec.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await spec.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'payment,date,fund,provider,category,kind,voucher,amount_eur,refunded_eur,settled_eur,tx',
    );
    expect(lines.length - 1).toBe(s.paymentIds.length);
    await b.markSettlementPaid(sponsor, { settlementId: 'api-batch-1', bankReference: 'BANK-1' });
    expect((await b.settlements({ sponsor: sponsor.oin!, state: 'paid' })).items.map((x) => x.id)).toEqual([
      'api-batch-1',
    ]);
    await expectRefusal(b.createSettlement(sponsor, { settlementId: 'api-batch-2' }), 'nothing_to_settle');
    await expectRefusal(b.refundPayment(sport, { paymentId: 'api-p2' }), 'payment_in_settlement');
    await expectRefusal(
      b.approveSettlement(sponsor, { settlementId: 'api-batch-1' }),
      'bad_settlement_state',
    );
  });

  it('reports per category, provider and month, as JSON and CSV', async () => {
    const report = await b.fundReport('stadspas', { groupBy: 'category' });
    expect(report.rows.map((r) => r.group)).toEqual(['culture', 'sport']);
    const res = await t.get(
      `/v1/funds/stadspas/report?groupBy=provider&from=${today}&to=${today}&format=csv`,
    );
    expect(res.status).toBe(200);
    expect((await res.text()).split('\r\n')[0]).toBe(
      'provider,payments,paid_eur,refunded_eur,reimbursed_eur,spent_eur',
    );
    const movements = await t.get('/v1/funds/stadspas/movements?format=csv');
    expect((await movements.text()).split('\r\n')[0]).toContain('date,time,fund,seq,kind');
    const bad = await t.get('/v1/funds/stadspas/report?groupBy=colour&from=yesterday');
    expect(bad.status).toBe(400);
    const problem = await bad.json();
    expect(problem.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['from', 'groupBy']);
  });
});

describe('every other refusal over HTTP', () => {
  it('answers each with its own stable code and HTTP status, and changes nothing', async () => {
    const before = await b.fund('stadspas');
    const r = resident();
    await b.issueVoucher(sponsor, { voucherId: 'api-o-v', fundId: 'stadspas', holder: r.publicKey });
    const totals = (await b.fund('stadspas')).totals;
    // funds
    await b.createFund(sponsor, {
      fundId: 'later',
      name: 'Later (test)',
      categories: ['sport'],
      startDate: addDays(today, 5),
      endDate: addDays(today, 50),
      amount: { kind: 'fixed', cents: '100' },
      limits: { totalCents: '100' },
    });
    await expectRefusal(b.activateFund(sponsor, { fundId: 'later' }), 'fund_not_started');
    await b.topUpFund(sponsor, { fundId: 'later', amountCents: '1000' });
    await b.issueVoucher(sponsor, {
      voucherId: 'api-later-1',
      fundId: 'later',
      holder: resident().publicKey,
    });
    await expectRefusal(
      b.issueVoucher(sponsor, { voucherId: 'api-later-2', fundId: 'later', holder: resident().publicKey }),
      'fund_total_limit',
    );
    await expectRefusal(
      b.issueVoucher(sponsor, {
        voucherId: 'api-later-3',
        fundId: 'later',
        activationCodeHash: activationCodeHash('APIX-NOPE-0001'),
      }),
      'bearer_not_allowed',
    );
    await expectRefusal(
      b.issueVoucher(sponsor, {
        voucherId: 'api-later-4',
        fundId: 'later',
        holder: resident().publicKey,
        children: 2,
      }),
      'amount_not_allowed',
    );
    await expectRefusal(
      b.issueVoucher(sponsor, { voucherId: 'api-o-v', fundId: 'stadspas', holder: resident().publicKey }),
      'voucher_exists',
    );
    await expectRefusal(
      b.issueVoucher(sponsor, {
        voucherId: 'api-o-x',
        fundId: 'stadspas',
        holder: resident().publicKey,
        expiresAt: '2099-01-01T00:00:00.000Z',
      }),
      'bad_expiry',
    );
    await b.closeFund(sponsor, { fundId: 'later' });
    await expectRefusal(b.topUpFund(sponsor, { fundId: 'later', amountCents: '1' }), 'fund_closed');
    // offers
    await expectRefusal(
      b.createOffer(sport, {
        offerId: 'api-zwemles',
        fundId: 'stadspas',
        title: 'x',
        category: 'sport',
        priceCents: '1',
        paymentType: 'budget',
      }),
      'offer_exists',
    );
    await expectRefusal(b.approveOffer(sponsor, { offerId: 'nope' }), 'unknown_offer');
    // eligibility and codes
    await expectRefusal(
      b.decideEligibility(validator, {
        requestId: 'nope',
        decision: 'declined',
        criteria: [],
        evidenceHash: sha256Hex('x'),
      }),
      'unknown_request',
    );
    await expectRefusal(
      b.requestEligibility(resident(), { requestId: 'api-req-1', fundId: 'stadspas' }),
      'request_exists',
    );
    await expectRefusal(
      b.addPrevalidations(validator, {
        fundId: 'stadspas',
        entries: [{ codeHash: activationCodeHash('APIX-PREV-0001') }],
      }),
      'code_exists',
    );
    // vouchers
    await b.issueVoucher(sponsor, {
      voucherId: 'api-o-bearer',
      fundId: 'stadspas',
      activationCodeHash: activationCodeHash('APIX-OPEN-0001'),
    });
    await expectRefusal(
      b.pay(r, {
        paymentId: 'api-o-p',
        voucherId: 'api-o-bearer',
        provider: sport.oin!,
        amountCents: '1',
        category: 'sport',
      }),
      'voucher_not_claimed',
    );
    await expectRefusal(
      b.pay(r, {
        paymentId: 'api-o-p',
        voucherId: 'nope',
        provider: sport.oin!,
        amountCents: '1',
        category: 'sport',
      }),
      'unknown_voucher',
    );
    await expectRefusal(b.reactivateVoucher(sponsor, { voucherId: 'api-o-v' }), 'voucher_not_deactivated');
    await expectRefusal(
      b.redeemProductVoucher(sport, { voucherId: 'api-o-v', paymentId: 'api-o-p' }),
      'wrong_voucher_kind',
    );
    // payments
    await b.pay(r, {
      paymentId: 'api-o-p',
      voucherId: 'api-o-v',
      provider: sport.oin!,
      amountCents: '100',
      category: 'sport',
    });
    await expectRefusal(
      b.pay(r, {
        paymentId: 'api-o-p',
        voucherId: 'api-o-v',
        provider: sport.oin!,
        amountCents: '100',
        category: 'sport',
      }),
      'payment_exists',
    );
    await expectRefusal(
      b.refundPayment(sport, { paymentId: 'api-o-p', amountCents: '101' }),
      'refund_too_large',
    );
    await expectRefusal(b.refundPayment(sport, { paymentId: 'nope' }), 'unknown_payment');
    await expectRefusal(
      b.confirmPaymentRequest(r, { requestId: 'nope', paymentId: 'x' }),
      'unknown_payment_request',
    );
    // reimbursements
    const claim = {
      reimbursementId: 'api-rb-1',
      voucherId: 'api-o-v',
      amountCents: '100',
      category: 'sport',
      receiptHash: sha256Hex('bon 2 (fake)'),
    };
    await expectRefusal(b.submitReimbursement(r, claim), 'reimbursement_exists');
    await expectRefusal(
      b.decideReimbursement(sponsor, { reimbursementId: 'nope', decision: 'approved' }),
      'unknown_reimbursement',
    );
    await expectRefusal(
      b.submitReimbursement(resident(), { ...claim, reimbursementId: 'api-rb-9', voucherId: 'api-klein' }),
      'not_voucher_holder',
    );
    // care
    await expectRefusal(b.acceptCareContract(care, { contractId: 'nope' }), 'unknown_contract');
    await expectRefusal(
      b.decideCareDeclaration(r, { declarationId: 'nope', decision: 'approved' }),
      'unknown_declaration',
    );
    await expectRefusal(
      b.createCareContract(r, {
        contractId: 'api-cc',
        voucherId: 'api-o-v',
        provider: care.oin!,
        category: 'sport',
        unit: 'hour',
        rateCents: '1',
        startDate: today,
        endDate: today,
      }),
      'not_a_care_budget',
    );
    await expectRefusal(
      b.declareCare(care, {
        declarationId: 'api-d1',
        contractId: 'api-zo',
        period: today.slice(0, 7),
        units: 1,
      }),
      'declaration_exists',
    );
    await expectRefusal(
      b.declareCare(care, { declarationId: 'api-d9', contractId: 'api-zo', period: '2020-01', units: 1 }),
      'outside_contract',
    );
    // settlements
    await expectRefusal(b.approveSettlement(sponsor, { settlementId: 'nope' }), 'unknown_settlement');
    await expectRefusal(b.createSettlement(sponsor, { settlementId: 'api-batch-1' }), 'settlement_exists');
    await expectRefusal(
      b.createSettlement(sponsor, { settlementId: 'api-batch-x', executionDate: '2020-01-01' }),
      'bad_execution_date',
    );
    // Nothing above moved money in the stadspas fund except the one payment made on purpose.
    const after = (await b.fund('stadspas')).totals;
    expect(BigInt(after.paid) - BigInt(totals.paid)).toBe(100n);
    expect(after.funded).toBe(before.totals.funded);
  });

  it('refuses approving a batch without bank accounts, and by the key that made it when there are two (four eyes)', async () => {
    const elders = otherSponsor;
    await b.createFund(elders, {
      fundId: 'elders',
      name: 'Elders (test)',
      categories: ['sport'],
      startDate: addDays(today, -1),
      endDate: addDays(today, 30),
      amount: { kind: 'fixed', cents: '1000' },
    });
    await b.topUpFund(elders, { fundId: 'elders', amountCents: '1000' });
    await b.activateFund(elders, { fundId: 'elders' });
    await b.applyToFund(sport, { fundId: 'elders' });
    await b.decideProvider(elders, { fundId: 'elders', provider: sport.oin!, decision: 'accepted' });
    const r = resident();
    await b.issueVoucher(elders, { voucherId: 'api-elders-v', fundId: 'elders', holder: r.publicKey });
    await b.pay(r, {
      paymentId: 'api-elders-p',
      voucherId: 'api-elders-v',
      provider: sport.oin!,
      amountCents: '500',
      category: 'sport',
    });
    await b.createSettlement(elders, { settlementId: 'api-elders-batch' });
    await expectRefusal(
      b.approveSettlement(elders, { settlementId: 'api-elders-batch' }),
      'missing_bank_account',
    );
    await b.setBankAccount(elders, { iban: iban(9), accountName: 'Gemeente Elders (test)' });
    const client = new KetenboekClient({ baseUrl: t.url });
    const second = t.chain.newAccount();
    await client.identity.addKey(elders, { pubKey: second.publicKey });
    await expectRefusal(b.approveSettlement(elders, { settlementId: 'api-elders-batch' }), 'four_eyes');
    await b.approveSettlement(second, { settlementId: 'api-elders-batch' });
    expect((await b.settlement('api-elders-batch')).state).toBe('approved');
  });
});

describe('reads match their declared schemas', () => {
  it('answers every budgets GET route with a body its 200 schema accepts', async () => {
    const samples: Record<string, string> = {
      id: 'stadspas',
      oin: sport.oin!,
      period: today.slice(0, 7),
    };
    const perRoute: Record<string, Record<string, string>> = {
      getOffer: { id: 'api-zwemles' },
      getEligibilityRequest: { id: 'api-req-1' },
      getVoucher: { id: 'api-v1' },
      listVoucherMovements: { id: 'api-v1' },
      getPayment: { id: 'api-p1' },
      getPaymentRequest: { id: 'api-qr-1' },
      getReimbursement: { id: 'api-rb-1' },
      getCareBudget: { id: 'api-pgb' },
      getCareStatement: { id: 'api-pgb' },
      getCareContract: { id: 'api-zo' },
      getCareDeclaration: { id: 'api-d1' },
      getSettlement: { id: 'api-batch-1' },
      listSettlementPayments: { id: 'api-batch-1' },
      getSettlementSepaFile: { id: 'api-batch-1' },
    };
    const queries: Record<string, string> = {
      listVouchers: `?holder=${(await b.voucher('api-v1')).holder}`,
      listPayments: '?fundId=stadspas',
      listPaymentRequests: `?holder=${(await b.voucher('api-qr-v')).holder}`,
      listCareBudgets: `?holder=${(await b.voucher('api-pgb')).holder}`,
      listCareContracts: `?provider=${care.oin}`,
      listEligibilityRequestsOfRequester: `?requester=${(await b.eligibilityRequest('api-req-1')).requester}`,
    };
    const routes: ApiRoute[] = budgetsApis.flatMap((m) => m.routes);
    expect(routes.length).toBeGreaterThanOrEqual(25);
    for (const route of routes) {
      const values = { ...samples, ...perRoute[route.operationId] };
      const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!));
      const res = await t.get(`/v1${path}${queries[route.operationId] ?? ''}`);
      expect(res.status, `${route.operationId} ${path}`).toBe(200);
      const schema = route.responses[200]!.schema!;
      const body = res.headers.get('content-type')?.startsWith('application/json')
        ? await res.json()
        : await res.text();
      const parsed = schema.safeParse(body);
      expect(parsed.success, `${route.operationId}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('documents the routes and the budgets.* tx bodies in the OpenAPI document', async () => {
    const doc = await (await t.get('/v1/openapi.json')).json();
    for (const p of [
      '/funds',
      '/funds/{id}/providers',
      '/offers',
      '/vouchers',
      '/payments',
      '/reimbursements',
      '/care-budgets',
      '/settlements',
      '/settlements/{id}/sepa-file',
    ]) {
      expect(doc.paths[p], p).toBeTruthy();
    }
    expect(doc.components.schemas['TxBody.budgets.pay']).toBeTruthy();
    expect(doc.tags.map((x: { name: string }) => x.name)).toEqual(
      expect.arrayContaining(['Funds', 'Payments', 'Care budgets', 'Settlements']),
    );
  });
});
