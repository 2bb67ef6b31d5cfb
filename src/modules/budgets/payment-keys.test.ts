// The state layout of a payment: which keys one payment writes (every key costs encoding, a Merkle
// update and SQLite rows), and that the listings and settlement batches that used to have an index
// key per payment still find every payment: voucher and provider chains, journal watermarks.
import { afterEach, describe, expect, it } from 'vitest';
import type { KVRead } from '../../app/kv.ts';
import { Overlay } from '../../app/overlay.ts';
import { listPayments } from './queries.ts';
import { getSettlement } from './state.ts';
import { acceptProvider, ManualChain, residentWithVoucher, setupFund } from './test-support.ts';
import { findUnsettled, markSettled, settledThrough } from './unsettled.ts';

let c: ManualChain;
afterEach(async () => c?.stop());

function budgetsState(kv: KVRead): Map<string, string> {
  return new Map(kv.iterate('budgets/'));
}

function changedKeys(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

const pay = (voucherId: string, paymentId: string, provider: string, amountCents = '1000') => ({
  paymentId,
  voucherId,
  provider,
  amountCents,
  category: 'sport',
});

describe('the keys of a payment', () => {
  it('a payment writes its record, its journal entry, the voucher, the provider chain head, totals and spending', async () => {
    c = new ManualChain();
    await setupFund(c, { fundId: 'f', limits: { perPersonCents: '20000' } });
    await acceptProvider(c, 'f', c.parties.sport);
    const resident = await residentWithVoucher(c, 'f', 'v1');
    const before = budgetsState(c.kv);
    await c.ok(resident, 'budgets.pay', pay('v1', 'p1', c.parties.sport.oin!));
    expect(changedKeys(before, budgetsState(c.kv))).toEqual(
      [
        'budgets/ftot/f',
        'budgets/j/f/000000000003', // after the top-up and the voucher's allocation
        'budgets/pay/p1',
        `budgets/person/f/${resident.publicKey}`,
        `budgets/plast/${c.parties.sport.oin}`,
        'budgets/v/v1',
      ].sort(),
    );
  });
});

describe('payment chains', () => {
  it('lists the payments of a voucher and of a provider (across funds and kinds), oldest first', async () => {
    c = new ManualChain();
    const sport = c.parties.sport.oin!;
    const museum = c.parties.museum.oin!;
    await setupFund(c, { fundId: 'a' });
    await setupFund(c, { fundId: 'b', categories: ['sport'] });
    await acceptProvider(c, 'a', c.parties.sport);
    await acceptProvider(c, 'a', c.parties.museum);
    await acceptProvider(c, 'b', c.parties.sport);
    await c.ok(c.parties.sport, 'budgets.create_offer', {
      offerId: 'club',
      fundId: 'b',
      title: 'Contributie (test)',
      category: 'sport',
      priceCents: '2000',
      paymentType: 'subsidy',
      sponsorPartCents: '1500',
    });
    await c.ok(c.parties.sponsor, 'budgets.approve_offer', { offerId: 'club' });
    const r1 = await residentWithVoucher(c, 'a', 'va');
    const r2 = await residentWithVoucher(c, 'b', 'vb');
    await c.ok(r1, 'budgets.pay', pay('va', 'p1', sport));
    await c.ok(r1, 'budgets.pay', { ...pay('va', 'p2', museum), category: 'culture' });
    await c.ok(r2, 'budgets.pay', { paymentId: 'p3', voucherId: 'vb', provider: sport, offerId: 'club' });
    await c.ok(r1, 'budgets.pay', pay('va', 'p4', sport));
    const ids = (f: Parameters<typeof listPayments>[1]) => listPayments(c.kv, f).map((p) => p.id);
    expect(ids({ voucherId: 'va' })).toEqual(['p1', 'p2', 'p4']);
    expect(ids({ voucherId: 'vb' })).toEqual(['p3']);
    expect(ids({ provider: sport })).toEqual(['p1', 'p3', 'p4']);
    expect(ids({ provider: museum })).toEqual(['p2']);
    expect(ids({ provider: sport, fundId: 'b' })).toEqual(['p3']);
    expect(ids({ voucherId: 'nothing' })).toEqual([]);
  });
});

describe('settlement watermarks', () => {
  async function twoFunds() {
    c = new ManualChain();
    const sport = c.parties.sport.oin!;
    await setupFund(c, { fundId: 'a' });
    await setupFund(c, { fundId: 'b' });
    await acceptProvider(c, 'a', c.parties.sport);
    await acceptProvider(c, 'b', c.parties.sport);
    const ra = await residentWithVoucher(c, 'a', 'va');
    const rb = await residentWithVoucher(c, 'b', 'vb');
    return { sport, ra, rb };
  }

  it('a batch takes the journal past the watermark, oldest first, at most `max`; the next batch goes on from there', async () => {
    const { sport, ra, rb } = await twoFunds();
    for (const id of ['a1', 'a2', 'a3']) await c.ok(ra, 'budgets.pay', pay('va', id, sport));
    await c.ok(rb, 'budgets.pay', pay('vb', 'b1', sport));
    const sponsor = c.parties.sponsor.oin!;
    const first = findUnsettled(c.kv, sponsor, undefined, 2);
    expect(first.payments.map((p) => p.id)).toEqual(['a1', 'a2']);
    // Fund a's journal: top-up, allocation, a1, a2 (a3 is left for the next batch).
    expect(settledThrough(c.kv, 'a')).toBe(0);
    expect(first.watermarks).toEqual([{ fundId: 'a', seq: 4 }]);
    const kv = new Overlay(c.kv);
    markSettled(kv, sponsor, first);
    expect(findUnsettled(kv, sponsor, undefined, 2).payments.map((p) => p.id)).toEqual(['a3', 'b1']);
    expect(findUnsettled(kv, sponsor, 'b', 2).payments.map((p) => p.id)).toEqual(['b1']);
  });

  it('one fund at a time, new payments only, canceled batches reopened, full refunds left out', async () => {
    const { sport, ra, rb } = await twoFunds();
    await c.ok(ra, 'budgets.pay', pay('va', 'a1', sport));
    await c.ok(rb, 'budgets.pay', pay('vb', 'b1', sport));
    await c.ok(c.parties.sponsor, 'budgets.create_settlement', { settlementId: 's1', fundId: 'a' });
    expect(getSettlement(c.kv, 's1')!.paymentIds).toEqual(['a1']);
    await c.ok(ra, 'budgets.pay', pay('va', 'a2', sport));
    await c.ok(ra, 'budgets.pay', pay('va', 'a3', sport));
    await c.ok(c.parties.sport, 'budgets.refund_payment', { paymentId: 'a3' });
    await c.ok(c.parties.sponsor, 'budgets.create_settlement', { settlementId: 's2' });
    expect(getSettlement(c.kv, 's2')!.paymentIds).toEqual(['a2', 'b1']);
    await c.ok(c.parties.sponsor, 'budgets.cancel_settlement', { settlementId: 's1' });
    await c.ok(c.parties.sponsor, 'budgets.cancel_settlement', { settlementId: 's2' });
    await c.ok(c.parties.sport, 'budgets.refund_payment', { paymentId: 'a2' });
    await c.ok(ra, 'budgets.pay', pay('va', 'a4', sport));
    await c.ok(c.parties.sponsor, 'budgets.create_settlement', { settlementId: 's3' });
    const s3 = getSettlement(c.kv, 's3')!;
    expect(s3.paymentIds).toEqual(['a1', 'b1', 'a4']);
    expect(s3.totalCents).toBe('3000');
    const nothing = await c.trySend(c.parties.sponsor, 'budgets.create_settlement', { settlementId: 's4' });
    expect(nothing.error).toBe('budgets.nothing_to_settle');
  });
});
