// Which payments still wait for a settlement batch, without an index key per payment (a payment
// writes as few keys as possible). Every payment is an entry in its fund's journal, so each fund
// keeps a watermark: every payment at or before journal position N is in a batch, was refunded in
// full, or was reopened. A batch takes the payments after N (oldest first) and moves N up to the
// last entry it looked at. Canceling a batch cannot move watermarks back (later batches may have
// passed them), so the payments of a canceled batch are reopened with one key each; that is rare.
import type { KVRead, KVWrite } from '../../app/kv.ts';
import { getJson, listJson, putJson } from '../../app/typed-kv.ts';
import { cents } from './money.ts';
import { getPayment, keys, type Movement, type Payment } from './state.ts';

export interface Unsettled {
  /** Reopened payments first (by id), then each fund's journal in order; at most `max`. */
  payments: Payment[];
  /** The new watermark of each fund whose journal was read further. */
  watermarks: Array<{ fundId: string; seq: number }>;
}

const owed = (p: Payment) => cents(p.amountCents) > cents(p.refundedCents);
const isPayment = (m: Movement) => m.kind === 'payment' || m.kind === 'care_payment';

export function settledThrough(kv: KVRead, fundId: string): number {
  return getJson<number>(kv, keys.settledThrough(fundId)) ?? 0;
}

/** The sponsor's funds a batch covers: one fund, or all of them in key order. */
function fundsOf(kv: KVRead, sponsor: string, fundId: string | undefined): string[] {
  if (fundId !== undefined) return [fundId];
  const prefix = keys.fundsOfSponsorPrefix(sponsor);
  return [...kv.iterate(prefix)].map(([k]) => k.slice(prefix.length));
}

/** The payments of `sponsor` (in one fund, or all) that a new batch takes; changes nothing. */
export function findUnsettled(
  kv: KVRead,
  sponsor: string,
  fundId: string | undefined,
  max: number,
): Unsettled {
  const payments: Payment[] = [];
  const watermarks: Unsettled['watermarks'] = [];
  const prefix = keys.reopenedPrefix(sponsor);
  for (const [k] of kv.iterate(prefix)) {
    if (payments.length >= max) break;
    const p = getPayment(kv, k.slice(prefix.length));
    if (p && (fundId === undefined || p.fundId === fundId)) payments.push(p);
  }
  for (const fund of fundsOf(kv, sponsor, fundId)) {
    if (payments.length >= max) break;
    const from = settledThrough(kv, fund);
    let seq = from;
    const start = keys.journal(fund, from + 1);
    for (const [, m] of listJson<Movement>(kv, keys.journalPrefix(fund), { start })) {
      if (payments.length >= max) break;
      seq = m.seq;
      const p = isPayment(m) && m.ref !== undefined ? getPayment(kv, m.ref) : undefined;
      // A payment refunded in full is owed nothing: it never needs a batch.
      if (p && owed(p) && p.settlementId === undefined) payments.push(p);
    }
    if (seq !== from) watermarks.push({ fundId: fund, seq });
  }
  return { payments, watermarks };
}

/** Records that the found payments are in a batch now. */
export function markSettled(kv: KVWrite, sponsor: string, found: Unsettled): void {
  for (const p of found.payments) unreopen(kv, sponsor, p.id);
  for (const w of found.watermarks) putJson(kv, keys.settledThrough(w.fundId), w.seq);
}

/** The payments of a canceled batch wait for the next one again. */
export function reopen(kv: KVWrite, sponsor: string, paymentId: string): void {
  kv.set(keys.reopened(sponsor, paymentId), '1');
}

/** A payment refunded in full is owed nothing any more (if it was reopened, it is no longer). */
export function forgetRefunded(kv: KVWrite, p: Payment): void {
  unreopen(kv, p.sponsor, p.id);
}

/** Deletes the payment's reopened key, if it has one (a delete of an absent key would still be a write). */
function unreopen(kv: KVWrite, sponsor: string, paymentId: string): void {
  const key = keys.reopened(sponsor, paymentId);
  if (kv.get(key) !== undefined) kv.delete(key);
}
