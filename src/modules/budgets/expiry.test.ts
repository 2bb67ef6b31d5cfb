// Time-driven behaviour on a hand-cranked chain: the test sets block time, so expiries and end
// dates are tested exactly and without waiting.
import { afterEach, describe, expect, it } from 'vitest';
import { fundView, paymentRequestView } from './queries.ts';
import { getFund, getOffer, getVoucher } from './state.ts';
import { acceptProvider, ManualChain, residentWithVoucher, setupFund } from './test-support.ts';

let c: ManualChain;
afterEach(async () => c?.stop());

const START = '2026-03-02T09:00:00.000Z';

describe('expiry and end of a fund', () => {
  it('a voucher expires at its expiry: payments are refused from that moment and its balance returns to the sponsor', async () => {
    c = new ManualChain(START);
    await setupFund(c, { fundId: 'f', startDate: '2026-03-01', endDate: '2026-12-31', topUp: '100000' });
    await acceptProvider(c, 'f', c.parties.sport);
    const resident = await residentWithVoucher(c, 'f', 'v1', { expiresAt: '2026-04-01T00:00:00.000Z' });
    await c.ok(resident, 'budgets.pay', {
      paymentId: 'p1',
      voucherId: 'v1',
      provider: c.parties.sport.oin,
      amountCents: '1000',
      category: 'sport',
    });
    c.at('2026-04-01T00:00:00.000Z');
    // In the very block the expiry is reached, before end-block runs, the payment is refused already.
    const late = await c.trySend(resident, 'budgets.pay', {
      paymentId: 'p2',
      voucherId: 'v1',
      provider: c.parties.sport.oin,
      amountCents: '1000',
      category: 'sport',
    });
    expect(late.error).toBe('budgets.voucher_expired');
    expect(late.log).toContain('2026-04-01');
    expect(getVoucher(c.kv, 'v1')).toMatchObject({
      state: 'expired',
      balanceCents: '0',
      returnedCents: '29000',
    });
    expect(fundView(c.kv, 'f')!.totals).toMatchObject({
      funded: '100000',
      balance: '70000',
      held: '0',
      paid: '1000',
      returned: '29000',
    });
    // A refund of a payment from an expired voucher goes to the sponsor, not back into the voucher.
    await c.ok(c.parties.sport, 'budgets.refund_payment', { paymentId: 'p1' });
    expect(fundView(c.kv, 'f')!.totals).toMatchObject({ paid: '0', returned: '30000', held: '0' });
    expect(
      (await c.trySend(c.parties.sponsor, 'budgets.reactivate_voucher', { voucherId: 'v1' })).error,
    ).toBe('budgets.voucher_not_deactivated');
  });

  it('after its end date the fund closes by itself; everything unspent returns; nothing more can be paid', async () => {
    c = new ManualChain(START);
    await setupFund(c, { fundId: 'f', startDate: '2026-03-01', endDate: '2026-03-31', topUp: '100000' });
    await acceptProvider(c, 'f', c.parties.sport);
    const resident = await residentWithVoucher(c, 'f', 'v1');
    expect(getVoucher(c.kv, 'v1')!.expiresAt).toBe('2026-04-01T00:00:00.000Z');
    await c.ok(resident, 'budgets.pay', {
      paymentId: 'p1',
      voucherId: 'v1',
      provider: c.parties.sport.oin,
      amountCents: '5000',
      category: 'sport',
    });
    c.at('2026-03-31T23:59:59.000Z');
    await c.ok(resident, 'budgets.pay', {
      paymentId: 'p2',
      voucherId: 'v1',
      provider: c.parties.sport.oin,
      amountCents: '100',
      category: 'sport',
    });
    c.block();
    const f = getFund(c.kv, 'f')!;
    expect(f).toMatchObject({ state: 'closed', closeReason: 'ended on 2026-03-31' });
    expect(fundView(c.kv, 'f')!.totals).toMatchObject({
      funded: '100000',
      balance: '0',
      held: '0',
      paid: '5100',
      returned: '94900',
    });
    const after = await c.trySend(resident, 'budgets.pay', {
      paymentId: 'p3',
      voucherId: 'v1',
      provider: c.parties.sport.oin,
      amountCents: '100',
      category: 'sport',
    });
    expect(after.error).toBe('budgets.voucher_expired');
    expect(
      (await c.trySend(c.parties.sponsor, 'budgets.top_up_fund', { fundId: 'f', amountCents: '1' })).error,
    ).toBe('budgets.fund_closed');
    // Providers are still owed what they earned: settlement goes on after the end.
    await c.ok(c.parties.sponsor, 'budgets.create_settlement', { settlementId: 'laatste' });
  });

  it('a fund that has not started refuses payments with the start date in the sentence', async () => {
    c = new ManualChain(START);
    await setupFund(c, { fundId: 'f', startDate: '2026-03-10', endDate: '2026-12-31', activate: false });
    await acceptProvider(c, 'f', c.parties.sport);
    const resident = await residentWithVoucher(c, 'f', 'v1');
    const r = await c.trySend(resident, 'budgets.pay', {
      paymentId: 'p',
      voucherId: 'v1',
      provider: c.parties.sport.oin,
      amountCents: '100',
      category: 'sport',
    });
    expect(r.error).toBe('budgets.fund_not_active');
    expect(r.log).toContain('2026-03-10');
    c.at('2026-03-10T08:00:00.000Z');
    await c.ok(c.parties.sponsor, 'budgets.activate_fund', { fundId: 'f' });
    await c.ok(resident, 'budgets.pay', {
      paymentId: 'p',
      voucherId: 'v1',
      provider: c.parties.sport.oin,
      amountCents: '100',
      category: 'sport',
    });
  });

  it('an unused reservation expires: its money returns to the sponsor and its unit to the offer', async () => {
    c = new ManualChain(START);
    await setupFund(c, {
      fundId: 'f',
      startDate: '2026-03-01',
      endDate: '2026-12-31',
      limits: { perPersonCents: '30000' },
    });
    await acceptProvider(c, 'f', c.parties.museum);
    await c.ok(c.parties.museum, 'budgets.create_offer', {
      offerId: 'o',
      fundId: 'f',
      title: 'Workshop (test)',
      category: 'culture',
      priceCents: '2000',
      paymentType: 'budget',
      stock: 1,
    });
    const resident = await residentWithVoucher(c, 'f', 'v1');
    await c.ok(resident, 'budgets.create_product_voucher', {
      voucherId: 'pv',
      offerId: 'o',
      parentVoucherId: 'v1',
      expiresAt: '2026-03-20T00:00:00.000Z',
    });
    expect(getOffer(c.kv, 'o')!.sold).toBe(1);
    c.at('2026-03-20T00:00:00.000Z');
    c.block();
    expect(getVoucher(c.kv, 'pv')).toMatchObject({ state: 'expired', returnedCents: '2000' });
    expect(getOffer(c.kv, 'o')!.sold).toBe(0);
    expect(getVoucher(c.kv, 'v1')!.balanceCents).toBe('28000');
    expect(fundView(c.kv, 'f')!.totals).toMatchObject({ held: '28000', returned: '2000' });
  });

  it('an offer past its end date cannot be bought', async () => {
    c = new ManualChain(START);
    await setupFund(c, { fundId: 'f', startDate: '2026-03-01', endDate: '2026-12-31' });
    await acceptProvider(c, 'f', c.parties.sport);
    await c.ok(c.parties.sport, 'budgets.create_offer', {
      offerId: 'o',
      fundId: 'f',
      title: 'Zomerkamp (test)',
      category: 'sport',
      priceCents: '2000',
      paymentType: 'budget',
      expiresAt: '2026-03-05T00:00:00.000Z',
    });
    const resident = await residentWithVoucher(c, 'f', 'v1');
    c.at('2026-03-06T00:00:00.000Z');
    const r = await c.trySend(resident, 'budgets.pay', {
      paymentId: 'p',
      voucherId: 'v1',
      provider: c.parties.sport.oin,
      offerId: 'o',
    });
    expect(r.error).toBe('budgets.offer_not_available');
    await c.ok(c.parties.sport, 'budgets.update_offer', { offerId: 'o', expiresAt: null, stock: 5 });
    await c.ok(resident, 'budgets.pay', {
      paymentId: 'p',
      voucherId: 'v1',
      provider: c.parties.sport.oin,
      offerId: 'o',
    });
    await c.ok(c.parties.sport, 'budgets.withdraw_offer', { offerId: 'o' });
    const gone = await c.trySend(resident, 'budgets.pay', {
      paymentId: 'p2',
      voucherId: 'v1',
      provider: c.parties.sport.oin,
      offerId: 'o',
    });
    expect(gone.error).toBe('budgets.offer_not_available');
    expect(
      (await c.trySend(c.parties.museum, 'budgets.update_offer', { offerId: 'o', stock: 1 })).error,
    ).toBe('budgets.not_offer_provider');
  });

  it('a payment request can be confirmed for 15 minutes only', async () => {
    c = new ManualChain(START);
    await setupFund(c, { fundId: 'f', startDate: '2026-03-01', endDate: '2026-12-31' });
    await acceptProvider(c, 'f', c.parties.sport);
    const resident = await residentWithVoucher(c, 'f', 'v1');
    await c.ok(c.parties.sport, 'budgets.request_payment', {
      requestId: 'q',
      voucherId: 'v1',
      amountCents: '500',
      category: 'sport',
    });
    c.advance(15 * 60 * 1000);
    expect(paymentRequestView(c.kv, 'q', c.now())!.effectiveState).toBe('expired');
    const r = await c.trySend(resident, 'budgets.confirm_payment_request', {
      requestId: 'q',
      paymentId: 'p',
    });
    expect(r.error).toBe('budgets.payment_request_expired');
  });

  it('care for a month can be declared once that month has begun', async () => {
    c = new ManualChain(START);
    await setupFund(c, {
      fundId: 'pgb',
      kind: 'care',
      categories: ['home_care'],
      startDate: '2026-03-01',
      endDate: '2026-12-31',
      amount: { kind: 'custom', minCents: '1000', maxCents: '900000' },
    });
    await acceptProvider(c, 'pgb', c.parties.care);
    const holder = await residentWithVoucher(c, 'pgb', 'pgb-1', { amountCents: '500000' });
    await c.ok(holder, 'budgets.create_care_contract', {
      contractId: 'zo',
      voucherId: 'pgb-1',
      provider: c.parties.care.oin,
      category: 'home_care',
      unit: 'hour',
      rateCents: '4000',
      startDate: '2026-03-01',
      endDate: '2026-12-31',
    });
    await c.ok(c.parties.care, 'budgets.accept_care_contract', { contractId: 'zo' });
    expect(
      (
        await c.trySend(c.parties.care, 'budgets.declare_care', {
          declarationId: 'apr',
          contractId: 'zo',
          period: '2026-04',
          units: 8,
        })
      ).error,
    ).toBe('budgets.outside_contract');
    c.at('2026-04-01T06:00:00.000Z');
    await c.ok(c.parties.care, 'budgets.declare_care', {
      declarationId: 'apr',
      contractId: 'zo',
      period: '2026-04',
      units: 8,
    });
  });

  it('the sponsor is warned once when the balance drops below its threshold', async () => {
    c = new ManualChain(START);
    await setupFund(c, {
      fundId: 'f',
      startDate: '2026-03-01',
      endDate: '2026-12-31',
      topUp: '100000',
      lowBalanceCents: '50000',
    });
    const first = await c.ok(c.parties.sponsor, 'budgets.issue_voucher', {
      voucherId: 'v1',
      fundId: 'f',
      holder: c.newAccount().publicKey,
    });
    expect(first.events.some((e) => e.type === 'budgets.fund_low_balance')).toBe(false);
    const second = await c.ok(c.parties.sponsor, 'budgets.issue_voucher', {
      voucherId: 'v2',
      fundId: 'f',
      holder: c.newAccount().publicKey,
    });
    expect(second.events.find((e) => e.type === 'budgets.fund_low_balance')?.attributes).toContainEqual({
      key: 'balanceCents',
      value: '40000',
    });
    const third = await c.ok(c.parties.sponsor, 'budgets.issue_voucher', {
      voucherId: 'v3',
      fundId: 'f',
      holder: c.newAccount().publicKey,
    });
    expect(third.events.some((e) => e.type === 'budgets.fund_low_balance')).toBe(false);
  });
});
