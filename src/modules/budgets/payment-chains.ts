// The payments of a voucher and of a provider, listed without an index key per payment. Every key a
// payment writes costs canonical JSON, a Merkle-tree update and SQLite rows, so instead each payment
// names the previous payment of its voucher and of its provider: the voucher (rewritten by a payment
// anyway) holds the newest of its chain, and one small key per provider holds the newest of the
// provider's chain, which many payments in one block rewrite as a single key. Payments are never
// deleted, so a chain never breaks.
import type { KVRead, KVWrite } from '../../app/kv.ts';
import { getJson, putJson } from '../../app/typed-kv.ts';
import { getPayment, getVoucher, keys, type Payment, type Voucher } from './state.ts';

/** The links a new payment of `voucher` to `provider` carries (absent for the first of a chain). */
export function chainLinks(
  kv: KVRead,
  voucher: Voucher,
  provider: string,
): Pick<Payment, 'prevOfVoucher' | 'prevOfProvider'> {
  const prevOfProvider = getJson<string>(kv, keys.lastPaymentOfProvider(provider));
  return {
    ...(voucher.lastPaymentId !== undefined ? { prevOfVoucher: voucher.lastPaymentId } : {}),
    ...(prevOfProvider !== undefined ? { prevOfProvider } : {}),
  };
}

/** Makes `paymentId` the head of the provider's chain (the voucher's head is on the voucher). */
export function setLastPaymentOfProvider(kv: KVWrite, provider: string, paymentId: string): void {
  putJson(kv, keys.lastPaymentOfProvider(provider), paymentId);
}

function* follow(
  kv: KVRead,
  head: string | undefined,
  previous: (p: Payment) => string | undefined,
): Iterable<Payment> {
  for (let id = head; id !== undefined; ) {
    const p = getPayment(kv, id);
    if (!p) return;
    yield p;
    id = previous(p);
  }
}

/** Payments made with a voucher, newest first. */
export function paymentsOfVoucher(kv: KVRead, voucherId: string): Iterable<Payment> {
  return follow(kv, getVoucher(kv, voucherId)?.lastPaymentId, (p) => p.prevOfVoucher);
}

/** Payments to a provider (an OIN), newest first, across all funds. */
export function paymentsOfProvider(kv: KVRead, provider: string): Iterable<Payment> {
  return follow(kv, getJson<string>(kv, keys.lastPaymentOfProvider(provider)), (p) => p.prevOfProvider);
}
