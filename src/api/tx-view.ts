// How stored txs look in API answers and the event stream.
import type { StoredTx } from '../app/app-store.ts';
import type { LedgerApp } from '../app/ledger-app.ts';
import type { TxResult } from '../app/types.ts';
import type { SignedTx } from '../core/tx.ts';

export interface TxSummary {
  hash: string;
  height: number;
  index: number;
  time: string;
  type: string | null;
  signer: string | null;
  code: number;
  error: string;
  participants: string[];
  amount: string | null;
}

export function decodeStored(t: StoredTx): { tx: SignedTx | null; result: TxResult } {
  // Bytes that never decoded are stored with an empty tx but still have a (refusal) result.
  return {
    tx: t.tx === '' ? null : (JSON.parse(t.tx) as SignedTx),
    result: JSON.parse(t.result) as TxResult,
  };
}

export function txSummary(t: StoredTx, time: string): TxSummary {
  const { tx, result } = decodeStored(t);
  return {
    hash: t.hash,
    height: t.height,
    index: t.index,
    time,
    type: tx?.type ?? null,
    signer: tx?.signer ?? null,
    code: result.code,
    error: result.error,
    participants: result.participants,
    amount: result.amount ?? null,
  };
}

/** Block time by height, remembering what it looked up (a page often repeats a height). */
export function blockTimes(app: LedgerApp): (height: number) => string {
  const cache = new Map<number, string>();
  return (height) => {
    let time = cache.get(height);
    if (time === undefined) {
      time = app.store.block(height)?.header.time ?? '';
      cache.set(height, time);
    }
    return time;
  };
}
