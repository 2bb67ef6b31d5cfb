// What the API, CLI and web app need from a running node, whatever engine drives it.
import type { EventEmitter } from 'node:events';
import type { StoredBlock, StoredTx } from '../app/app-store.ts';
import type { LedgerApp } from '../app/ledger-app.ts';
import type { CheckTxResult, TxResult } from '../app/types.ts';

export interface Committed {
  hash: string;
  height: number;
  index: number;
  result: TxResult;
}

export interface LedgerNode {
  readonly engine: 'embedded' | 'cometbft';
  /** The node's own application instance (read-only use: queries, blocks, receipts). */
  readonly app: LedgerApp;
  /** Validates a signed tx and hands it to consensus. code 0 = accepted, not yet committed. */
  submit(bytes: Uint8Array): Promise<CheckTxResult>;
  /** Resolves when the tx is durably committed; rejects on timeout. */
  waitForCommit(hash: string, timeoutMs?: number): Promise<Committed>;
  /** Emits 'block' (block: StoredBlock, txs: StoredTx[]) after every durable commit. */
  readonly events: EventEmitter;
  mempoolSize(): number;
  /** The public key this node signs blocks with (embedded) or its validator key (CometBFT). */
  readonly nodePubKey: string;
  stop(): Promise<void>;
}

export type BlockListener = (block: StoredBlock, txs: StoredTx[]) => void;
