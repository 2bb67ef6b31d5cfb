import { afterEach, describe, expect, it } from 'vitest';
import type { TestKey } from '../../testing/test-chain.ts';
import { fundReport, fundView, listPayments, paymentRequestView } from './queries.ts';
import { getOffer, getPayment, getPaymentRequest, getVoucher } from './state.ts';
import { acceptProvider, type Driver, engineDriver, residentWithVoucher, setupFund } from './test-support.ts';

let d: Driver;
afterEach(async () => d?.stop());

/**
 * Stadspas with sport and culture. The sports club is accepted for sport only, the museum has a
 * pending application and the care provider was rejected. Limits: €100 per payment, €250 per person.
 */
async function stadspas(d: Driver): Promise<{ resident: TestKey }> {
  await setupFund(d, { fundId: 'stadspas', limits: { perPaymentCents: '10000', perPersonCents: '25000' } });
  await acceptProvider(d, 'stadspas', d.parties.sport, ['sport']);
  await d.ok(d.parties.museum, 'budgets.apply_to_fund', { fundId: 'stadspas' });
  await d.ok(d.parties.care, 'budgets.apply_to_fund', { fundId: 'stadspas' });
  await d.ok(d.parties.sponsor, 'budgets.decide_provider', {
    fundId: 'stadspas',
    provider: d.parties.care.oin,
    decision: 'rejected',
    reason: 'geen aanbod voor de regeling',
  });
  await d.ok(d.parties.sport, 'budgets.create_offer', {
    offerId: 'zwemles',
    fundId: 'stadspas',
    title: 'Zwemles 10 keer (test)',
    category: 'sport',
    priceCents: '4500',
    paymentType: 'budget',
    stock: 3,
    perPersonLimit: 2,
  });
  const resident = await residentWithVoucher(d, 'stadspas', 'pas-1');
  return { resident };
}

const payBody = (d: Driver, over: Record<string, unknown> = {}) => ({
  paymentId: 'b1',
  voucherId: 'pas-1',
  provider: d.parties.sport.oin,
  amountCents: '2500',
  category: 'sport',
  ...over,
});

describe('payments', () => {
  it('the resident pays an accepted provider; the money moves from the voucher to the provider', async () => {
    d = await engineDriver();
    const { resident } = await stadspas(d);
    const r = await d.ok(resident, 'budgets.pay', payBody(d));
    expect(r.amount).toBe('2500');
    expect(r.participants).toEqual(
      expect.arrayContaining([resident.publicKey, d.parties.sport.oin, d.parties.sponsor.oin]),
    );
    expect(r.events.find((e) => e.type === 'budgets.payment')).toBeTruthy();
    expect(getVoucher(d.kv, 'pas-1')!.balanceCents).toBe('27500');
    expect(getPayment(d.kv, 'b1')).toMatchObject({
      provider: d.parties.sport.oin,
      amountCents: '2500',
      kind: 'budget',
      initiatedBy: 'resident',
      category: 'sport',
    });
    expect(fundView(d.kv, 'stadspas')!.totals).toMatchObject({ held: '27500', paid: '2500' });
    expect(listPayments(d.kv, { provider: d.parties.sport.oin! }).map((p) => p.id)).toEqual(['b1']);
    expect(listPayments(d.kv, { fundId: 'stadspas' }).map((p) => p.id)).toEqual(['b1']);
  });

  it('pays for an offer: price times quantity, stock and per-person limit counted', async () => {
    d = await engineDriver();
    const { resident } = await stadspas(d);
    await d.ok(resident, 'budgets.pay', {
      paymentId: 'o1',
      voucherId: 'pas-1',
      provider: d.parties.sport.oin,
      offerId: 'zwemles',
      quantity: 2,
    });
    expect(getPayment(d.kv, 'o1')).toMatchObject({ amountCents: '9000', offerId: 'zwemles', quantity: 2 });
    expect(getOffer(d.kv, 'zwemles')!.sold).toBe(2);
    const limit = await d.trySend(resident, 'budgets.pay', {
      paymentId: 'o2',
      voucherId: 'pas-1',
      provider: d.parties.sport.oin,
      offerId: 'zwemles',
    });
    expect(limit.error).toBe('budgets.offer_person_limit');
    const other = await residentWithVoucher(d, 'stadspas', 'pas-2');
    await d.ok(other, 'budgets.pay', {
      paymentId: 'o3',
      voucherId: 'pas-2',
      provider: d.parties.sport.oin,
      offerId: 'zwemles',
    });
    const third = await residentWithVoucher(d, 'stadspas', 'pas-3');
    const soldOut = await d.trySend(third, 'budgets.pay', {
      paymentId: 'o4',
      voucherId: 'pas-3',
      provider: d.parties.sport.oin,
      offerId: 'zwemles',
    });
    expect(soldOut.error).toBe('budgets.offer_sold_out');
  });

  it('refuses every case with its own code and a sentence, and changes nothing', async () => {
    d = await engineDriver();
    const { resident } = await stadspas(d);
    const before = fundView(d.kv, 'stadspas')!.totals;
    const cases: Array<[string, TestKey, Record<string, unknown>, RegExp]> = [
      [
        'budgets.provider_not_accepted',
        resident,
        { provider: d.parties.museum.oin, category: 'culture' },
        /not accepted it yet/,
      ],
      ['budgets.provider_not_accepted', resident, { provider: d.parties.care.oin }, /rejected.*geen aanbod/],
      ['budgets.provider_not_accepted', resident, { provider: d.parties.otherSponsor.oin }, /never applied/],
      ['budgets.provider_category_not_allowed', resident, { category: 'culture' }, /only for sport/],
      ['budgets.unknown_category', resident, { category: 'groceries' }, /only for sport, culture/],
      ['budgets.payment_limit', resident, { amountCents: '10001' }, /€ 100,00 per payment/],
      ['budgets.not_voucher_holder', d.newAccount(), {}, /Only the holder/],
      ['budgets.unknown_voucher', resident, { voucherId: 'nope' }, /no voucher/],
      [
        'budgets.unknown_offer',
        resident,
        { offerId: 'nope', amountCents: undefined, category: undefined },
        /no offer/,
      ],
      [
        'budgets.not_offer_provider',
        resident,
        { offerId: 'zwemles', provider: d.parties.museum.oin, amountCents: undefined, category: undefined },
        /sold by/,
      ],
    ];
    for (const [error, key, over, log] of cases) {
      const r = await d.trySend(key, 'budgets.pay', payBody(d, over));
      expect(r.error, JSON.stringify(over)).toBe(error);
      expect(r.log).toMatch(log);
    }
    expect(fundView(d.kv, 'stadspas')!.totals).toEqual({ ...before, seq: before.seq });
    expect(getVoucher(d.kv, 'pas-1')!.balanceCents).toBe('30000');
  });

  it('refuses payments when the budget, the per-person limit, the voucher or the fund does not allow them', async () => {
    d = await engineDriver();
    const { resident } = await stadspas(d);
    for (let i = 0; i < 2; i++)
      await d.ok(resident, 'budgets.pay', payBody(d, { paymentId: `p${i}`, amountCents: '10000' }));
    const person = await d.trySend(
      resident,
      'budgets.pay',
      payBody(d, { paymentId: 'p9', amountCents: '5001' }),
    );
    expect(person.error).toBe('budgets.person_limit');
    expect(person.log).toContain('€ 250,00 per person');
    // A fund without a per-person limit: the budget itself runs out.
    await setupFund(d, { fundId: 'klein', amount: { kind: 'fixed', cents: '1000' } });
    await acceptProvider(d, 'klein', d.parties.sport);
    const r2 = await residentWithVoucher(d, 'klein', 'k1');
    const budget = await d.trySend(
      r2,
      'budgets.pay',
      payBody(d, { paymentId: 'k-1', voucherId: 'k1', amountCents: '1001' }),
    );
    expect(budget.error).toBe('budgets.insufficient_budget');
    expect(budget.log).toContain('€ 10,00 left');
    await d.ok(d.parties.sponsor, 'budgets.deactivate_voucher', { voucherId: 'k1' });
    expect(
      (
        await d.trySend(
          r2,
          'budgets.pay',
          payBody(d, { paymentId: 'k-2', voucherId: 'k1', amountCents: '100' }),
        )
      ).error,
    ).toBe('budgets.voucher_deactivated');
    await d.ok(d.parties.sponsor, 'budgets.reactivate_voucher', { voucherId: 'k1' });
    await d.ok(d.parties.sponsor, 'budgets.pause_fund', { fundId: 'klein' });
    const paused = await d.trySend(
      r2,
      'budgets.pay',
      payBody(d, { paymentId: 'k-3', voucherId: 'k1', amountCents: '100' }),
    );
    expect(paused.error).toBe('budgets.fund_not_active');
    expect(paused.log).toContain('paused');
    await d.ok(d.parties.sponsor, 'budgets.close_fund', { fundId: 'klein' });
    const closed = await d.trySend(
      r2,
      'budgets.pay',
      payBody(d, { paymentId: 'k-4', voucherId: 'k1', amountCents: '100' }),
    );
    expect(closed.error).toBe('budgets.voucher_expired');
  });

  it('refuses a payment id that is taken, and a body that mixes offer and amount', async () => {
    d = await engineDriver();
    const { resident } = await stadspas(d);
    const dupOffer = await d.trySend(d.parties.sport, 'budgets.create_offer', {
      offerId: 'zwemles',
      fundId: 'stadspas',
      title: 'Nog een zwemles (test)',
      category: 'sport',
      priceCents: '100',
      paymentType: 'budget',
    });
    expect(dupOffer.error).toBe('budgets.offer_exists');
    await d.ok(resident, 'budgets.pay', payBody(d));
    expect((await d.trySend(resident, 'budgets.pay', payBody(d))).error).toBe('budgets.payment_exists');
    const mixed = await d.trySend(
      resident,
      'budgets.pay',
      payBody(d, { paymentId: 'b2', offerId: 'zwemles' }),
    );
    expect(mixed.error).toBe('tx.invalid_body');
    expect(mixed.log).toContain('either offerId');
  });

  it('a subsidy offer waits for the sponsor’s approval, and its sponsor part counts against the per-payment limit', async () => {
    d = await engineDriver();
    const { resident } = await stadspas(d);
    await d.ok(d.parties.sport, 'budgets.create_offer', {
      offerId: 'sportpas',
      fundId: 'stadspas',
      title: 'Jaarabonnement (test)',
      category: 'sport',
      priceCents: '20000',
      paymentType: 'subsidy',
      sponsorPartCents: '15000',
    });
    const pending = await d.trySend(resident, 'budgets.pay', {
      paymentId: 's1',
      voucherId: 'pas-1',
      provider: d.parties.sport.oin,
      offerId: 'sportpas',
    });
    expect(pending.error).toBe('budgets.offer_not_available');
    expect((await d.trySend(d.parties.sport, 'budgets.approve_offer', { offerId: 'sportpas' })).error).toBe(
      'identity.missing_role',
    );
    await d.ok(d.parties.sponsor, 'budgets.approve_offer', { offerId: 'sportpas' });
    const before = fundView(d.kv, 'stadspas')!.totals;
    // The sponsor part (€150) is above the per-payment limit of €100 of this fund.
    expect(
      (
        await d.trySend(resident, 'budgets.pay', {
          paymentId: 's1',
          voucherId: 'pas-1',
          provider: d.parties.sport.oin,
          offerId: 'sportpas',
        })
      ).error,
    ).toBe('budgets.payment_limit');
    expect(before.paid).toBe('0');
  });
});

describe('subsidy payments', () => {
  it('pays the sponsor part from the fund, keeps the voucher balance, and records the resident part', async () => {
    d = await engineDriver();
    await setupFund(d, { fundId: 'sub', topUp: '100000', amount: { kind: 'fixed', cents: '100' } });
    await acceptProvider(d, 'sub', d.parties.sport);
    await d.ok(d.parties.sport, 'budgets.create_offer', {
      offerId: 'contributie',
      fundId: 'sub',
      title: 'Contributie (test)',
      category: 'sport',
      priceCents: '20000',
      paymentType: 'subsidy',
      sponsorPartCents: '15000',
    });
    await d.ok(d.parties.sponsor, 'budgets.approve_offer', { offerId: 'contributie' });
    const resident = await residentWithVoucher(d, 'sub', 'v');
    const r = await d.ok(resident, 'budgets.pay', {
      paymentId: 's1',
      voucherId: 'v',
      provider: d.parties.sport.oin,
      offerId: 'contributie',
    });
    expect(r.amount).toBe('15000');
    expect(getPayment(d.kv, 's1')).toMatchObject({
      kind: 'subsidy',
      amountCents: '15000',
      residentPartCents: '5000',
    });
    expect(getVoucher(d.kv, 'v')!.balanceCents).toBe('100');
    expect(fundView(d.kv, 'sub')!.totals).toMatchObject({
      funded: '100000',
      balance: '84900',
      held: '100',
      paid: '15000',
    });
    // The fund cannot pay out more than it holds.
    await d.ok(d.parties.sponsor, 'budgets.top_up_fund', { fundId: 'sub', amountCents: '1' });
    for (let i = 0; i < 5; i++)
      await d.ok(resident, 'budgets.pay', {
        paymentId: `s${i + 2}`,
        voucherId: 'v',
        provider: d.parties.sport.oin,
        offerId: 'contributie',
      });
    const empty = await d.trySend(resident, 'budgets.pay', {
      paymentId: 's9',
      voucherId: 'v',
      provider: d.parties.sport.oin,
      offerId: 'contributie',
    });
    expect(empty.error).toBe('budgets.fund_insufficient');
  });
});

describe('payment requests (QR flow)', () => {
  it('the provider requests, the holder confirms, the payment is made', async () => {
    d = await engineDriver();
    const { resident } = await stadspas(d);
    const r = await d.ok(d.parties.sport, 'budgets.request_payment', {
      requestId: 'qr-1',
      voucherId: 'pas-1',
      offerId: 'zwemles',
    });
    expect(r.participants).toContain(resident.publicKey);
    expect(getPaymentRequest(d.kv, 'qr-1')).toMatchObject({
      state: 'pending',
      amountCents: '4500',
      holder: resident.publicKey,
    });
    expect(paymentRequestView(d.kv, 'qr-1', d.now())!.effectiveState).toBe('pending');
    await d.ok(resident, 'budgets.confirm_payment_request', { requestId: 'qr-1', paymentId: 'pay-qr-1' });
    expect(getPayment(d.kv, 'pay-qr-1')).toMatchObject({
      initiatedBy: 'provider',
      requestId: 'qr-1',
      amountCents: '4500',
    });
    expect(getPaymentRequest(d.kv, 'qr-1')).toMatchObject({ state: 'confirmed', paymentId: 'pay-qr-1' });
    expect(
      (await d.trySend(resident, 'budgets.confirm_payment_request', { requestId: 'qr-1', paymentId: 'x' }))
        .error,
    ).toBe('budgets.payment_request_closed');
  });

  it('checks everything when the voucher is scanned, so the cashier sees the reason at once', async () => {
    d = await engineDriver();
    await stadspas(d);
    const culture = await d.trySend(d.parties.sport, 'budgets.request_payment', {
      requestId: 'q',
      voucherId: 'pas-1',
      amountCents: '100',
      category: 'culture',
    });
    expect(culture.error).toBe('budgets.provider_category_not_allowed');
    const museum = await d.trySend(d.parties.museum, 'budgets.request_payment', {
      requestId: 'q',
      voucherId: 'pas-1',
      amountCents: '100',
      category: 'culture',
    });
    expect(museum.error).toBe('budgets.provider_not_accepted');
    const big = await d.trySend(d.parties.sport, 'budgets.request_payment', {
      requestId: 'q',
      voucherId: 'pas-1',
      amountCents: '20000',
      category: 'sport',
    });
    expect(big.error).toBe('budgets.payment_limit');
    const resident = await d.trySend(d.newAccount(), 'budgets.request_payment', {
      requestId: 'q',
      voucherId: 'pas-1',
      amountCents: '100',
      category: 'sport',
    });
    expect(resident.error).toBe('identity.not_organisation_key');
  });

  it('only the holder confirms; the holder declines or the provider cancels; others are refused', async () => {
    d = await engineDriver();
    const { resident } = await stadspas(d);
    const req = (id: string) => ({
      requestId: id,
      voucherId: 'pas-1',
      amountCents: '1000',
      category: 'sport',
    });
    await d.ok(d.parties.sport, 'budgets.request_payment', req('q1'));
    expect(
      (
        await d.trySend(d.newAccount(), 'budgets.confirm_payment_request', {
          requestId: 'q1',
          paymentId: 'x',
        })
      ).error,
    ).toBe('budgets.not_voucher_holder');
    expect(
      (await d.trySend(d.parties.museum, 'budgets.decline_payment_request', { requestId: 'q1' })).error,
    ).toBe('budgets.not_party');
    await d.ok(resident, 'budgets.decline_payment_request', { requestId: 'q1' });
    expect(getPaymentRequest(d.kv, 'q1')!.state).toBe('declined');
    await d.ok(d.parties.sport, 'budgets.request_payment', req('q2'));
    await d.ok(d.parties.sport, 'budgets.decline_payment_request', { requestId: 'q2' });
    expect(getPaymentRequest(d.kv, 'q2')!.state).toBe('canceled');
    expect((await d.trySend(d.parties.sport, 'budgets.request_payment', req('q2'))).error).toBe(
      'budgets.payment_exists',
    );
    expect(
      (await d.trySend(resident, 'budgets.confirm_payment_request', { requestId: 'zz', paymentId: 'x' }))
        .error,
    ).toBe('budgets.unknown_payment_request');
  });

  it('the checks run again at confirmation: a voucher deactivated in between refuses', async () => {
    d = await engineDriver();
    const { resident } = await stadspas(d);
    await d.ok(d.parties.sport, 'budgets.request_payment', {
      requestId: 'q',
      voucherId: 'pas-1',
      amountCents: '1000',
      category: 'sport',
    });
    await d.ok(d.parties.sponsor, 'budgets.deactivate_voucher', { voucherId: 'pas-1' });
    const r = await d.trySend(resident, 'budgets.confirm_payment_request', {
      requestId: 'q',
      paymentId: 'p',
    });
    expect(r.error).toBe('budgets.voucher_deactivated');
    expect(getPaymentRequest(d.kv, 'q')!.state).toBe('pending');
  });
});

describe('refunds', () => {
  it('the provider refunds part and then the rest; the money goes back into the voucher and the stock back to the offer', async () => {
    d = await engineDriver();
    const { resident } = await stadspas(d);
    await d.ok(resident, 'budgets.pay', {
      paymentId: 'o1',
      voucherId: 'pas-1',
      provider: d.parties.sport.oin,
      offerId: 'zwemles',
    });
    await d.ok(d.parties.sport, 'budgets.refund_payment', {
      paymentId: 'o1',
      amountCents: '500',
      reason: 'één les vervallen',
    });
    expect(getVoucher(d.kv, 'pas-1')!.balanceCents).toBe('26000');
    expect(getOffer(d.kv, 'zwemles')!.sold).toBe(1);
    const tooMuch = await d.trySend(d.parties.sport, 'budgets.refund_payment', {
      paymentId: 'o1',
      amountCents: '4001',
    });
    expect(tooMuch.error).toBe('budgets.refund_too_large');
    await d.ok(d.parties.sport, 'budgets.refund_payment', { paymentId: 'o1' });
    expect(getVoucher(d.kv, 'pas-1')!.balanceCents).toBe('30000');
    expect(getPayment(d.kv, 'o1')!.refundedCents).toBe('4500');
    expect(getOffer(d.kv, 'zwemles')!.sold).toBe(0);
    expect(fundView(d.kv, 'stadspas')!.totals).toMatchObject({ held: '30000', paid: '0' });
    expect((await d.trySend(d.parties.sport, 'budgets.refund_payment', { paymentId: 'o1' })).error).toBe(
      'budgets.refund_too_large',
    );
    const report = fundReport(d.kv, 'stadspas', 'category');
    expect(report.rows).toEqual([
      {
        group: 'sport',
        payments: 1,
        paidCents: '4500',
        refundedCents: '4500',
        reimbursedCents: '0',
        spentCents: '0',
      },
    ]);
  });

  it('only the paid provider refunds, and not after the payment went into a settlement batch', async () => {
    d = await engineDriver();
    const { resident } = await stadspas(d);
    await d.ok(resident, 'budgets.pay', payBody(d));
    expect((await d.trySend(d.parties.museum, 'budgets.refund_payment', { paymentId: 'b1' })).error).toBe(
      'budgets.not_party',
    );
    expect((await d.trySend(d.parties.sport, 'budgets.refund_payment', { paymentId: 'zz' })).error).toBe(
      'budgets.unknown_payment',
    );
    await d.ok(d.parties.sponsor, 'budgets.create_settlement', { settlementId: 'batch-1' });
    const r = await d.trySend(d.parties.sport, 'budgets.refund_payment', { paymentId: 'b1' });
    expect(r.error).toBe('budgets.payment_in_settlement');
    expect(r.log).toContain('batch-1');
  });
});
