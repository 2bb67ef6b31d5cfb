// Money is conserved: over random sequences of every money-moving operation (including refused
// ones, expiries and fund closings), at every height and for every fund,
//   funded = unallocated balance + held in vouchers + paid to providers + reimbursed + returned,
// and each of those equals what the records themselves add up to, independently of the totals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KVRead } from '../../app/kv.ts';
import { LedgerApp } from '../../app/ledger-app.ts';
import { utf8 } from '../../core/bytes.ts';
import { sha256Hex } from '../../core/hash.ts';
import type { TestKey } from '../../testing/test-chain.ts';
import { listPayments, listReimbursements, listVouchers } from './queries.ts';
import { journalOf } from './reports.ts';
import { getTotals } from './state.ts';
import { BUDGET_TEST_MODULES, code, ManualChain } from './test-support.ts';

type Op =
  | { t: 'topUp'; fund: number; amount: number }
  | { t: 'issue'; fund: number; resident: number; amount: number }
  | { t: 'bearer'; resident: number }
  | { t: 'pay'; resident: number; fund: number; amount: number; provider: number }
  | { t: 'payOffer'; resident: number; offer: number; qty: number }
  | { t: 'request'; resident: number; amount: number }
  | { t: 'reserve'; resident: number }
  | { t: 'redeem'; n: number }
  | { t: 'refund'; n: number; part: boolean }
  | { t: 'reimburse'; resident: number; amount: number; approve: boolean }
  | { t: 'care'; units: number; approve: boolean }
  | { t: 'deactivate'; resident: number; fund: number; on: boolean }
  | { t: 'settle'; step: number }
  | { t: 'pause'; fund: number; on: boolean }
  | { t: 'advance'; days: number }
  | { t: 'close'; fund: number };

const FUNDS = ['stadspas', 'kindpakket', 'pgb'];
const RESIDENTS = 4;

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    t: fc.constant('topUp' as const),
    fund: fc.nat(2),
    amount: fc.integer({ min: 1, max: 60_000 }),
  }),
  fc.record({
    t: fc.constant('issue' as const),
    fund: fc.nat(2),
    resident: fc.nat(RESIDENTS - 1),
    amount: fc.integer({ min: 1_000, max: 90_000 }),
  }),
  fc.record({ t: fc.constant('bearer' as const), resident: fc.nat(RESIDENTS - 1) }),
  fc.record({
    t: fc.constant('pay' as const),
    resident: fc.nat(RESIDENTS - 1),
    fund: fc.nat(1),
    amount: fc.integer({ min: 1, max: 20_000 }),
    provider: fc.nat(1),
  }),
  fc.record({
    t: fc.constant('payOffer' as const),
    resident: fc.nat(RESIDENTS - 1),
    offer: fc.nat(1),
    qty: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    t: fc.constant('request' as const),
    resident: fc.nat(RESIDENTS - 1),
    amount: fc.integer({ min: 1, max: 9_000 }),
  }),
  fc.record({ t: fc.constant('reserve' as const), resident: fc.nat(RESIDENTS - 1) }),
  fc.record({ t: fc.constant('redeem' as const), n: fc.nat(20) }),
  fc.record({ t: fc.constant('refund' as const), n: fc.nat(40), part: fc.boolean() }),
  fc.record({
    t: fc.constant('reimburse' as const),
    resident: fc.nat(RESIDENTS - 1),
    amount: fc.integer({ min: 1, max: 15_000 }),
    approve: fc.boolean(),
  }),
  fc.record({
    t: fc.constant('care' as const),
    units: fc.integer({ min: 1, max: 20 }),
    approve: fc.boolean(),
  }),
  fc.record({
    t: fc.constant('deactivate' as const),
    resident: fc.nat(RESIDENTS - 1),
    fund: fc.nat(1),
    on: fc.boolean(),
  }),
  fc.record({ t: fc.constant('settle' as const), step: fc.nat(3) }),
  fc.record({ t: fc.constant('pause' as const), fund: fc.nat(1), on: fc.boolean() }),
  fc.record({ t: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 25 }) }),
  fc.record({ t: fc.constant('close' as const), fund: fc.nat(2) }),
);

const errorCounts = new Map<string, number>();
const sum = (xs: Iterable<bigint>) => [...xs].reduce((a, b) => a + b, 0n);

/** Checks every fund; returns a description of the first broken identity, or undefined. */
function brokenIdentity(kv: KVRead, fundedByTxs: Map<string, bigint>): string | undefined {
  for (const fundId of FUNDS) {
    const t = getTotals(kv, fundId);
    const big = (s: string) => BigInt(s);
    const parts = big(t.balance) + big(t.held) + big(t.paid) + big(t.reimbursed) + big(t.returned);
    if (big(t.funded) !== parts) return `${fundId}: funded ${t.funded} != parts ${parts}`;
    if (big(t.funded) !== (fundedByTxs.get(fundId) ?? 0n))
      return `${fundId}: funded ${t.funded} != top-ups ${fundedByTxs.get(fundId)}`;
    for (const [name, v] of Object.entries(t))
      if (name !== 'seq' && big(String(v)) < 0n) return `${fundId}: ${name} negative`;
    const held = sum(listVouchers(kv, { fundId }).map((v) => BigInt(v.balanceCents)));
    if (held !== big(t.held)) return `${fundId}: vouchers hold ${held}, totals say ${t.held}`;
    const paid = sum(
      listPayments(kv, { fundId }).map((p) => BigInt(p.amountCents) - BigInt(p.refundedCents)),
    );
    if (paid !== big(t.paid)) return `${fundId}: payments add up to ${paid}, totals say ${t.paid}`;
    const reimbursed = sum(
      listReimbursements(kv, { fundId, state: 'approved' }).map((r) => BigInt(r.amountCents)),
    );
    if (reimbursed !== big(t.reimbursed))
      return `${fundId}: approved claims add up to ${reimbursed}, totals say ${t.reimbursed}`;
    const journal = journalOf(kv, fundId);
    const toSponsor = sum(journal.filter((m) => m.to === 'sponsor').map((m) => BigInt(m.amountCents)));
    if (toSponsor !== big(t.returned))
      return `${fundId}: journal returns ${toSponsor}, totals say ${t.returned}`;
    const fromSponsor = sum(journal.filter((m) => m.from === 'sponsor').map((m) => BigInt(m.amountCents)));
    if (fromSponsor !== big(t.funded))
      return `${fundId}: journal top-ups ${fromSponsor}, totals say ${t.funded}`;
  }
  return undefined;
}

/** Replays every block of `c` on a fresh app: the same txs at the same times give the same app hashes. */
function replayMatches(c: ManualChain): void {
  const fresh = new LedgerApp({ dbPath: ':memory:', modules: BUDGET_TEST_MODULES });
  try {
    fresh.initChain(c.app.genesis());
    for (let h = 1; h <= c.app.lastHeight; h++) {
      const block = c.app.store.block(h)!;
      const txs = c.app.store.txsOfBlock(h).map((t) => utf8(t.tx));
      const res = fresh.finalizeBlock({
        height: h,
        time: block.header.time,
        txs,
        proposer: block.header.proposer,
      });
      fresh.commit();
      if (res.appHash !== block.header.appHash) throw new Error(`replay diverges at height ${h}`);
    }
  } finally {
    fresh.close();
  }
}

async function run(
  ops: Op[],
  blockSizes: number[],
  replay = false,
): Promise<{ heights: number; refused: number; ok: number }> {
  const c = new ManualChain('2026-03-02T09:00:00.000Z');
  try {
    const { sponsor, sport, museum, care, validator } = c.parties;
    const residents: TestKey[] = Array.from({ length: RESIDENTS }, () => c.newAccount());
    const funded = new Map<string, bigint>();
    const nonces = new Map<string, number>();
    const sign = (k: TestKey, type: string, body: unknown) => {
      const n = (nonces.get(k.publicKey) ?? c.app.nextNonce(k.publicKey) - 1) + 1;
      nonces.set(k.publicKey, n);
      return c.sign(k, type, body, n);
    };
    // Setup: a city pass, a children's package with bearer codes and claims, a care budget fund.
    const setup: Array<[TestKey, string, unknown]> = [
      [
        sponsor,
        'budgets.create_fund',
        {
          fundId: 'stadspas',
          name: 'Stadspas (test)',
          categories: ['sport', 'culture'],
          startDate: '2026-03-01',
          endDate: '2026-05-31',
          amount: { kind: 'fixed', cents: '25000' },
          limits: { perPaymentCents: '15000', perPersonCents: '60000' },
          switches: { bearerVouchers: true, reimbursements: true },
        },
      ],
      [
        sponsor,
        'budgets.create_fund',
        {
          fundId: 'kindpakket',
          name: 'Kindpakket (test)',
          categories: ['sport', 'culture'],
          startDate: '2026-03-01',
          endDate: '2026-07-31',
          amount: { kind: 'custom', minCents: '1000', maxCents: '90000' },
          validators: [validator.oin],
          switches: { bearerVouchers: true, reimbursements: true },
        },
      ],
      [
        sponsor,
        'budgets.create_fund',
        {
          fundId: 'pgb',
          name: 'PGB (test)',
          kind: 'care',
          categories: ['home_care'],
          startDate: '2026-03-01',
          endDate: '2026-06-30',
          amount: { kind: 'custom', minCents: '1000', maxCents: '900000' },
        },
      ],
      ...FUNDS.map(
        (f) =>
          [sponsor, 'budgets.top_up_fund', { fundId: f, amountCents: '200000' }] as [
            TestKey,
            string,
            unknown,
          ],
      ),
      ...FUNDS.map((f) => [sponsor, 'budgets.activate_fund', { fundId: f }] as [TestKey, string, unknown]),
      ...['stadspas', 'kindpakket'].flatMap((f) =>
        [sport, museum].map((p) => [p, 'budgets.apply_to_fund', { fundId: f }] as [TestKey, string, unknown]),
      ),
      [care, 'budgets.apply_to_fund', { fundId: 'pgb' }],
      ...['stadspas', 'kindpakket'].flatMap((f) =>
        [sport, museum].map(
          (p) =>
            [sponsor, 'budgets.decide_provider', { fundId: f, provider: p.oin, decision: 'accepted' }] as [
              TestKey,
              string,
              unknown,
            ],
        ),
      ),
      [sponsor, 'budgets.decide_provider', { fundId: 'pgb', provider: care.oin, decision: 'accepted' }],
      [
        sport,
        'budgets.create_offer',
        {
          offerId: 'zwemles',
          fundId: 'stadspas',
          title: 'Zwemles (test)',
          category: 'sport',
          priceCents: '4500',
          paymentType: 'budget',
          stock: 6,
          perPersonLimit: 3,
        },
      ],
      [
        museum,
        'budgets.create_offer',
        {
          offerId: 'korting',
          fundId: 'stadspas',
          title: 'Korting (test)',
          category: 'culture',
          priceCents: '3000',
          paymentType: 'subsidy',
          sponsorPartCents: '2000',
        },
      ],
      [sponsor, 'budgets.approve_offer', { offerId: 'korting' }],
      [sponsor, 'budgets.set_bank_account', { iban: 'NL91ABNA0417164300', accountName: 'Gemeente (test)' }],
      [sport, 'budgets.set_bank_account', { iban: 'NL91ABNA0417164300', accountName: 'Sport (test)' }],
      [museum, 'budgets.set_bank_account', { iban: 'NL91ABNA0417164300', accountName: 'Museum (test)' }],
      [care, 'budgets.set_bank_account', { iban: 'NL91ABNA0417164300', accountName: 'Zorg (test)' }],
      // Some residents start with vouchers, so most operations have something to work on.
      [
        sponsor,
        'budgets.issue_voucher',
        { voucherId: 'stadspas-r0', fundId: 'stadspas', holder: residents[0]!.publicKey },
      ],
      [
        sponsor,
        'budgets.issue_voucher',
        { voucherId: 'stadspas-r1', fundId: 'stadspas', holder: residents[1]!.publicKey },
      ],
      [
        sponsor,
        'budgets.issue_voucher',
        {
          voucherId: 'kindpakket-r1',
          fundId: 'kindpakket',
          holder: residents[1]!.publicKey,
          amountCents: '40000',
        },
      ],
      [
        sponsor,
        'budgets.issue_voucher',
        {
          voucherId: 'kindpakket-r2',
          fundId: 'kindpakket',
          holder: residents[2]!.publicKey,
          amountCents: '40000',
        },
      ],
      [
        sponsor,
        'budgets.issue_voucher',
        { voucherId: 'pgb-r0', fundId: 'pgb', holder: residents[0]!.publicKey, amountCents: '150000' },
      ],
    ];
    for (const [k, type, body] of setup) {
      const [r] = c.block([sign(k, type, body)]);
      if (r!.code !== 0) throw new Error(`setup ${type}: ${r!.log}`);
      if (type === 'budgets.top_up_fund')
        funded.set(
          (body as { fundId: string }).fundId,
          (funded.get((body as { fundId: string }).fundId) ?? 0n) + 200000n,
        );
    }
    // Counters for ids; referenced records are picked by index (they may not exist: then refused).
    let seq = 0;
    const id = (p: string) => `${p}-${++seq}`;
    const payments: string[] = [];
    const productVouchers: string[] = [];
    const voucherOf = (fund: string, r: number) => `${fund}-r${r}`;
    let batch = 0;
    let careContract = false;
    const toTxs = (
      op: Op,
    ): Array<{ tx: Uint8Array; topUp?: [string, bigint]; payment?: string; product?: string }> => {
      const f = FUNDS[op.t === 'topUp' || op.t === 'issue' || op.t === 'close' ? op.fund : 0]!;
      switch (op.t) {
        case 'topUp':
          return [
            {
              tx: sign(sponsor, 'budgets.top_up_fund', { fundId: f, amountCents: String(op.amount) }),
              topUp: [f, BigInt(op.amount)],
            },
          ];
        case 'issue': {
          const body: Record<string, unknown> = {
            voucherId: voucherOf(f, op.resident),
            fundId: f,
            holder: residents[op.resident]!.publicKey,
          };
          if (f !== 'stadspas') body.amountCents = String(op.amount);
          return [{ tx: sign(sponsor, 'budgets.issue_voucher', body) }];
        }
        case 'bearer': {
          const cd = code(++seq);
          const v = voucherOf('stadspas', op.resident);
          return [
            {
              tx: sign(sponsor, 'budgets.issue_voucher', {
                voucherId: v,
                fundId: 'stadspas',
                activationCodeHash: cd.hash,
              }),
            },
            { tx: sign(residents[op.resident]!, 'budgets.claim_voucher', { code: cd.code }) },
          ];
        }
        case 'pay': {
          const pid = id('pay');
          const fund = FUNDS[op.fund]!;
          return [
            {
              tx: sign(residents[op.resident]!, 'budgets.pay', {
                paymentId: pid,
                voucherId: voucherOf(fund, op.resident),
                provider: [sport, museum][op.provider]!.oin,
                amountCents: String(op.amount),
                category: op.provider === 0 ? 'sport' : 'culture',
              }),
              payment: pid,
            },
          ];
        }
        case 'payOffer': {
          const pid = id('pay');
          const offer = ['zwemles', 'korting'][op.offer]!;
          return [
            {
              tx: sign(residents[op.resident]!, 'budgets.pay', {
                paymentId: pid,
                voucherId: voucherOf('stadspas', op.resident),
                provider: [sport, museum][op.offer]!.oin,
                offerId: offer,
                quantity: op.qty,
              }),
              payment: pid,
            },
          ];
        }
        case 'request': {
          const rid = id('req');
          const pid = id('pay');
          return [
            {
              tx: sign(sport, 'budgets.request_payment', {
                requestId: rid,
                voucherId: voucherOf('kindpakket', op.resident),
                amountCents: String(op.amount),
                category: 'sport',
              }),
            },
            {
              tx: sign(residents[op.resident]!, 'budgets.confirm_payment_request', {
                requestId: rid,
                paymentId: pid,
              }),
              payment: pid,
            },
          ];
        }
        case 'reserve': {
          const vid = id('pv');
          return [
            {
              tx: sign(residents[op.resident]!, 'budgets.create_product_voucher', {
                voucherId: vid,
                offerId: 'zwemles',
                parentVoucherId: voucherOf('stadspas', op.resident),
              }),
              product: vid,
            },
          ];
        }
        case 'redeem': {
          const pv = productVouchers[op.n % Math.max(1, productVouchers.length)] ?? 'none';
          const pid = id('pay');
          return [
            {
              tx: sign(sport, 'budgets.redeem_product_voucher', { voucherId: pv, paymentId: pid }),
              payment: pid,
            },
          ];
        }
        case 'refund': {
          const pid = payments[op.n % Math.max(1, payments.length)] ?? 'none';
          const provider = [sport, museum, care][op.n % 3]!; // sometimes the wrong provider: refused
          return [
            {
              tx: sign(provider, 'budgets.refund_payment', {
                paymentId: pid,
                ...(op.part ? { amountCents: '700' } : {}),
              }),
            },
          ];
        }
        case 'reimburse': {
          const rid = id('claim');
          const fund = op.resident % 2 === 0 ? 'stadspas' : 'kindpakket';
          return [
            {
              tx: sign(residents[op.resident]!, 'budgets.submit_reimbursement', {
                reimbursementId: rid,
                voucherId: voucherOf(fund, op.resident),
                amountCents: String(op.amount),
                category: 'culture',
                receiptHash: sha256Hex(rid),
              }),
            },
            {
              tx: sign(sponsor, 'budgets.decide_reimbursement', {
                reimbursementId: rid,
                decision: op.approve ? 'approved' : 'declined',
              }),
            },
          ];
        }
        case 'care': {
          const holder = residents[0]!;
          const txs: Array<{ tx: Uint8Array; payment?: string }> = [];
          if (!careContract) {
            careContract = true;
            txs.push(
              {
                tx: sign(holder, 'budgets.create_care_contract', {
                  contractId: 'zo',
                  voucherId: voucherOf('pgb', 0),
                  provider: care.oin,
                  category: 'home_care',
                  unit: 'hour',
                  rateCents: '3900',
                  startDate: '2026-03-01',
                  endDate: '2026-06-30',
                }),
              },
              { tx: sign(care, 'budgets.accept_care_contract', { contractId: 'zo' }) },
            );
          }
          const did = id('dec');
          txs.push({
            tx: sign(care, 'budgets.declare_care', {
              declarationId: did,
              contractId: 'zo',
              period: c.now().slice(0, 7),
              units: op.units,
            }),
          });
          txs.push({
            tx: sign(holder, 'budgets.decide_care_declaration', {
              declarationId: did,
              decision: op.approve ? 'approved' : 'rejected',
            }),
            ...(op.approve ? { payment: did } : {}),
          });
          return txs;
        }
        case 'deactivate':
          return [
            {
              tx: sign(sponsor, op.on ? 'budgets.deactivate_voucher' : 'budgets.reactivate_voucher', {
                voucherId: voucherOf(FUNDS[op.fund]!, op.resident),
              }),
            },
          ];
        case 'settle': {
          if (op.step === 0)
            return [{ tx: sign(sponsor, 'budgets.create_settlement', { settlementId: `batch-${++batch}` }) }];
          const type = [
            'budgets.approve_settlement',
            'budgets.cancel_settlement',
            'budgets.mark_settlement_paid',
          ][op.step - 1]!;
          return [{ tx: sign(sponsor, type, { settlementId: `batch-${batch}` }) }];
        }
        case 'pause':
          return [
            {
              tx: sign(sponsor, op.on ? 'budgets.pause_fund' : 'budgets.activate_fund', {
                fundId: FUNDS[op.fund],
              }),
            },
          ];
        case 'advance':
          c.advance(op.days * 86_400_000);
          return [];
        case 'close':
          return [{ tx: sign(sponsor, 'budgets.close_fund', { fundId: f }) }];
      }
    };
    let pending: Array<{ tx: Uint8Array; topUp?: [string, bigint]; payment?: string; product?: string }> = [];
    let refused = 0;
    let ok = 0;
    const flush = () => {
      const results = c.block(pending.map((p) => p.tx));
      results.forEach((r, i) => {
        const p = pending[i]!;
        if (r.code !== 0) {
          refused++;
          if (process.env.BUDGETS_DEBUG) errorCounts.set(r.error, (errorCounts.get(r.error) ?? 0) + 1);
          return;
        }
        ok++;
        if (p.topUp) funded.set(p.topUp[0], (funded.get(p.topUp[0]) ?? 0n) + p.topUp[1]);
        if (p.payment) payments.push(p.payment);
        if (p.product) productVouchers.push(p.product);
      });
      pending = [];
      const broken = brokenIdentity(c.kv, funded);
      if (broken) throw new Error(`at height ${c.app.lastHeight}: ${broken}`);
    };
    let size = blockSizes[0] ?? 1;
    let b = 0;
    for (const op of ops) {
      pending.push(...toTxs(op));
      if (pending.length >= size) {
        flush();
        size = blockSizes[++b % Math.max(1, blockSizes.length)] ?? 1;
      }
    }
    if (pending.length > 0) flush();
    // Past every end date: all funds closed, all money either paid out or back with the sponsor.
    c.advance(200 * 86_400_000);
    c.block();
    const broken = brokenIdentity(c.kv, funded);
    if (broken) throw new Error(`after the end: ${broken}`);
    for (const f of FUNDS) {
      const t = getTotals(c.kv, f);
      expect(t.balance).toBe('0');
      expect(t.held).toBe('0');
    }
    if (replay) replayMatches(c);
    return { heights: c.app.lastHeight, refused, ok };
  } finally {
    c.app.close();
  }
}

describe('money conservation', () => {
  it('holds at every height over random sequences of operations (fast-check)', async () => {
    let totalOk = 0;
    let totalRefused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 10, maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }),
        async (ops, sizes) => {
          const r = await run(ops, sizes);
          totalOk += r.ok;
          totalRefused += r.refused;
        },
      ),
      { numRuns: 60 },
    );
    if (process.env.BUDGETS_DEBUG)
      console.log(
        { totalOk, totalRefused },
        [...errorCounts.entries()].sort((a, b) => b[1] - a[1]),
      );
    // The sequences exercise both accepted and refused operations.
    expect(totalOk).toBeGreaterThan(200);
    expect(totalRefused).toBeGreaterThan(50);
  });

  it('holds for a fixed long history too, and a replay of its blocks gives the same app hash at every height', async () => {
    const ops: Op[] = [];
    for (let r = 0; r < RESIDENTS; r++)
      for (let f = 0; f < 3; f++) ops.push({ t: 'issue', fund: f, resident: r, amount: 40_000 });
    for (let i = 0; i < 30; i++) {
      ops.push({ t: 'pay', resident: i % RESIDENTS, fund: i % 2, amount: 1_000 + i * 37, provider: i % 2 });
      ops.push({ t: 'payOffer', resident: i % RESIDENTS, offer: i % 2, qty: 1 });
      if (i % 3 === 0) ops.push({ t: 'reserve', resident: i % RESIDENTS }, { t: 'redeem', n: i });
      if (i % 4 === 0)
        ops.push({ t: 'refund', n: i, part: i % 8 === 0 }, { t: 'care', units: 5, approve: true });
      if (i % 5 === 0)
        ops.push(
          { t: 'reimburse', resident: i % RESIDENTS, amount: 2_000, approve: true },
          { t: 'settle', step: 0 },
          { t: 'settle', step: 1 },
        );
      if (i % 10 === 9) ops.push({ t: 'advance', days: 9 });
    }
    const r = await run(ops, [3, 1, 4], true);
    if (process.env.BUDGETS_DEBUG)
      console.log(
        r,
        [...errorCounts.entries()].sort((a, b) => b[1] - a[1]),
      );
    expect(r.ok).toBeGreaterThan(90);
  });
});
