// Shapes of the REST API's responses (base /v1). Domain records are the modules' own types, imported
// as types only so the browser bundle pulls in no server code.
import type { BlockHeader, BlockSignature } from '../app/app-store.ts';
import type { LedgerEvent, TxResult } from '../app/types.ts';
import type { Receipt } from '../core/receipt.ts';
import type { SmtProof } from '../core/smt.ts';
import type { SignedTx } from '../core/tx.ts';
import type { Anchor } from '../modules/anchor/index.ts';
import type { Organisation, Proposal, ProposalStatus } from '../modules/identity/state.ts';

export type { Anchor, LedgerEvent, Organisation, Proposal, ProposalStatus, Receipt, SignedTx, TxResult };

export interface NodeStatus {
  chainId: string;
  height: number;
  appHash: string;
  engine: 'embedded' | 'cometbft';
  lastBlockHash: string;
  /** RFC 3339 UTC; the genesis time before the first block. */
  lastBlockTime: string | null;
  mempoolSize: number;
  nodePubKey: string;
  version: string;
}

/** A page of a list, newest first; `next` is the URL of the next page (null on the last one). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface BlockSummary {
  height: number;
  hash: string;
  time: string;
  txCount: number;
  appHash: string;
  proposer: string;
}

export interface BlockTxSummary {
  hash: string;
  index: number;
  type: string | null;
  signer: string | null;
  /** Result code; 0 = success. */
  code: number;
  error: string;
}

export interface Block {
  height: number;
  /** SHA-256 of the canonical header. */
  hash: string;
  header: BlockHeader;
  signatures: BlockSignature[];
  txs: BlockTxSummary[];
}

export interface TxSummary {
  hash: string;
  height: number;
  index: number;
  time: string;
  /** null for bytes that could not be decoded. */
  type: string | null;
  signer: string | null;
  code: number;
  error: string;
  participants: string[];
  amount: string | null;
}

export interface TxRecord {
  hash: string;
  height: number;
  index: number;
  /** Block time, RFC 3339 UTC. */
  time: string;
  type: string | null;
  signer: string | null;
  nonce: number | null;
  /** The signed tx as committed; null if the bytes never decoded. */
  tx: SignedTx | null;
  result: TxResult;
  participants: string[];
  amount: string | null;
  /** Offline-verifiable proof of the commit; null when the tx was refused before execution. */
  receipt: Receipt | null;
}

export interface Account {
  pubKey: string;
  /** Nonce of the last committed tx (0 for a new account). */
  nonce: number;
  /** Nonce to sign the next tx with (counts txs waiting in the mempool). */
  nextNonce: number;
  /** OIN of the organisation whose active key this is, if any. */
  organisation: string | null;
}

export interface StateProof {
  key: string;
  /** The value as JSON, or null when the key is absent. */
  value: unknown;
  /** The exact stored value; its SHA-256 is the leaf value hash. */
  rawValue: string | null;
  height: number;
  /** The app hash of that height, which the proof leads to. */
  appHash: string;
  proof: SmtProof;
}

export interface CommittedTx {
  hash: string;
  status: 'committed';
  height: number;
  index: number;
  result: TxResult;
}

export interface PendingTx {
  hash: string;
  status: 'pending';
}

export type SubmitResult = CommittedTx | PendingTx;

/** Data of a `tx` event on /v1/events. */
export interface TxEvent extends TxSummary {
  events: LedgerEvent[];
}

/** One server-sent event; `id` is "height:index" for tx events. */
export interface LedgerStreamEvent {
  id: string | undefined;
  /** "tx" for committed transactions. */
  event: string;
  /** Parsed JSON (a TxEvent for "tx" events) when the data is JSON, otherwise the raw text. */
  data: unknown;
}

export interface PageOptions {
  limit?: number;
  /** Only entries in blocks below this height (what the `next` link sets). */
  before?: number;
}
