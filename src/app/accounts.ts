// Accounts are plain Ed25519 keys: no names, no personal data. The ledger only tracks the nonce
// that orders each account's txs and blocks replays.
import type { KVRead, KVWrite } from './kv.ts';
import { getSharedJson, putJson } from './typed-kv.ts';

export interface Account {
  nonce: number;
}

export const accountKey = (pubKey: string) => `acct/${pubKey}`;

export function getAccount(kv: KVRead, pubKey: string): Account {
  return getSharedJson<Account>(kv, accountKey(pubKey)) ?? { nonce: 0 };
}

export function bumpNonce(kv: KVWrite, pubKey: string, nonce: number): void {
  putJson(kv, accountKey(pubKey), { nonce });
}

/** Where a committed tx is recorded in state, so a receipt can prove it against the app hash. */
export const txRecordKey = (hash: string) => `tx/${hash}`;

export interface TxRecord {
  height: number;
  index: number;
  code: number;
  /** sha256 of the canonical TxResult. */
  resultHash: string;
}
