// The embedded single-node engine: a bounded mempool in front of the application, and a block
// cutter that finalizes and durably commits a block on an interval or when enough txs wait.
// A tx is acknowledged (its commit promise resolves) only after its block is on disk.
import { EventEmitter } from 'node:events';
import type { StoredBlock } from '../../app/app-store.ts';
import type { LedgerApp } from '../../app/ledger-app.ts';
import type { CheckTxResult } from '../../app/types.ts';
import { utf8 } from '../../core/bytes.ts';
import { sign } from '../../core/ed25519-node.ts';
import { LedgerError } from '../../core/errors.ts';
import { BLOCK_SIGN_DOMAIN } from '../../core/receipt.ts';
import { MAX_TX_BYTES } from '../../core/tx.ts';
import { TxErrors } from '../../core/tx-errors.ts';
import { type DecodedTx, decodeTx } from '../../core/tx-node.ts';
import { CommitWaiters, committedOf } from '../commit-waiters.ts';
import type { Committed, LedgerNode } from '../ledger-node.ts';
import { SignatureWorkers } from './signature-workers.ts';

export interface EmbeddedEngineOptions {
  app: LedgerApp;
  /** The node's validator key; it signs every block header hash. */
  nodeKey: { publicKey: string; privateKey: string };
  blockIntervalMs?: number;
  maxBlockTxs?: number;
  mempoolCapacity?: number;
  /** An empty block is made after this long without txs, so block time (and deadlines) advance. */
  emptyBlockIntervalMs?: number;
  /** Verify signatures on worker threads (both cores). Off in small tests to save start-up time. */
  signatureWorkers?: number;
  /** Wall clock for block times only; state transitions never read it. */
  now?: () => number;
}

interface PoolEntry {
  decoded: DecodedTx;
}

export class EmbeddedEngine extends EventEmitter implements LedgerNode {
  readonly engine = 'embedded' as const;
  readonly app: LedgerApp;
  private readonly nodeKey: { publicKey: string; privateKey: string };
  private readonly blockIntervalMs: number;
  private readonly maxBlockTxs: number;
  private readonly capacity: number;
  private readonly emptyBlockIntervalMs: number;
  private now: () => number;
  private mempool: PoolEntry[] = [];
  private readonly inPool = new Set<string>();
  private readonly waiters = new CommitWaiters();
  private timer: NodeJS.Timeout | undefined;
  private lastBlockAt = 0;
  private running = false;
  private cutScheduled = false;
  private readonly workers: SignatureWorkers | undefined;
  /** Submissions waiting for their signature check; kept in arrival order so nonces stay in order. */
  private verifyQueue: Array<{ decoded: DecodedTx; ok?: boolean; done: (r: CheckTxResult) => void }> = [];

  constructor(opts: EmbeddedEngineOptions) {
    super();
    this.setMaxListeners(0);
    this.app = opts.app;
    this.nodeKey = opts.nodeKey;
    this.blockIntervalMs = opts.blockIntervalMs ?? 100;
    this.maxBlockTxs = opts.maxBlockTxs ?? 2000;
    this.capacity = opts.mempoolCapacity ?? 20_000;
    this.emptyBlockIntervalMs = opts.emptyBlockIntervalMs ?? 10_000;
    this.now = opts.now ?? Date.now;
    this.workers = opts.signatureWorkers ? new SignatureWorkers(opts.signatureWorkers) : undefined;
  }

  /** Replaces the clock block times are taken from (tests that need time to pass). */
  setClock(now: () => number): void {
    this.now = now;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.lastBlockAt = this.now();
    this.timer = setInterval(() => this.tick(), this.blockIntervalMs);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.workers?.close();
    this.waiters.rejectAll('node stopped');
  }

  get events(): EventEmitter {
    return this;
  }

  get nodePubKey(): string {
    return this.nodeKey.publicKey;
  }

  mempoolSize(): number {
    return this.mempool.length;
  }

  /**
   * Checks a tx and puts it in the mempool. Resolves with the check result: code 0 means accepted
   * (not yet committed: use waitForCommit); any other code means refused and nothing changed.
   */
  submit(bytes: Uint8Array): Promise<CheckTxResult> {
    let decoded: DecodedTx;
    try {
      if (bytes.length > MAX_TX_BYTES) {
        throw new LedgerError(
          TxErrors.too_large,
          `The transaction is ${bytes.length} bytes; the limit is ${MAX_TX_BYTES}.`,
        );
      }
      decoded = decodeTx(bytes);
    } catch (e) {
      return Promise.resolve(refusal(e, '', '', 0));
    }
    if (this.mempool.length + this.verifyQueue.length >= this.capacity) {
      return Promise.resolve(
        refusal(
          new LedgerError(
            TxErrors.mempool_full,
            'The node is busy: its mempool is full. Try again in a moment.',
          ),
          decoded.hash,
          decoded.tx.signer,
          decoded.tx.nonce,
        ),
      );
    }
    if (this.inPool.has(decoded.hash)) {
      return Promise.resolve(
        refusal(
          new LedgerError(TxErrors.duplicate, 'This transaction is already waiting in the mempool.'),
          decoded.hash,
          decoded.tx.signer,
          decoded.tx.nonce,
        ),
      );
    }
    if (!this.workers) return Promise.resolve(this.admit(decoded));
    return new Promise((resolve) => {
      const item: { decoded: DecodedTx; ok?: boolean; done: (r: CheckTxResult) => void } = {
        decoded,
        done: resolve,
      };
      this.verifyQueue.push(item);
      this.workers!.verify(decoded.canonical).then((ok) => {
        item.ok = ok;
        this.drainVerified();
      });
    });
  }

  private drainVerified(): void {
    let n = 0;
    while (n < this.verifyQueue.length && this.verifyQueue[n]!.ok !== undefined) n++;
    // One splice per drain instead of a shift per tx: the queue can hold thousands.
    for (const item of this.verifyQueue.splice(0, n)) {
      // A worker's "ok" is only a cache hint; a failed one is re-checked (and refused) by the app.
      if (item.ok) this.app.notePreverified(item.decoded.hash);
      item.done(this.admit(item.decoded));
    }
  }

  private admit(decoded: DecodedTx): CheckTxResult {
    const r = this.app.checkDecoded(decoded, 'new');
    if (r.code === 0) {
      this.mempool.push({ decoded });
      this.inPool.add(decoded.hash);
      if (this.mempool.length >= this.maxBlockTxs) this.scheduleCut();
    }
    return r;
  }

  /** Resolves once the tx is durably committed (or rejects after `timeoutMs`). */
  waitForCommit(hash: string, timeoutMs = 30_000): Promise<Committed> {
    // A tx still in the pool cannot be committed yet: skip the store look-up on the hot path.
    const stored = this.inPool.has(hash) ? undefined : this.app.store.txByHash(hash);
    if (stored) return Promise.resolve(committedOf(stored));
    return this.waiters.wait(hash, timeoutMs);
  }

  private scheduleCut(): void {
    if (this.cutScheduled) return;
    this.cutScheduled = true;
    setImmediate(() => {
      this.cutScheduled = false;
      if (this.running && this.mempool.length > 0) this.cutBlock();
    });
  }

  private tick(): void {
    if (!this.running) return;
    const idleFor = this.now() - this.lastBlockAt;
    if (this.mempool.length > 0 || idleFor >= this.emptyBlockIntervalMs) this.cutBlock();
  }

  /** Makes one block from the head of the mempool. Synchronous from finalize to durable commit. */
  cutBlock(): StoredBlock {
    const take = this.mempool.slice(0, this.maxBlockTxs);
    this.mempool = this.mempool.slice(take.length);
    const height = this.app.lastHeight + 1;
    const prevTime =
      this.app.lastHeight > 0 ? Date.parse(this.app.store.block(this.app.lastHeight)!.header.time) : 0;
    // Block time never goes backwards, even if the wall clock does.
    const time = new Date(Math.max(this.now(), prevTime + 1)).toISOString();
    const res = this.app.finalizeDecoded(
      { height, time, txs: take.map((e) => utf8(e.decoded.canonical)), proposer: this.nodeKey.publicKey },
      take.map((e) => e.decoded),
    );
    const sig = sign(this.nodeKey.privateKey, utf8(BLOCK_SIGN_DOMAIN + res.blockHash));
    this.app.commit([{ pubKey: this.nodeKey.publicKey, sig }]);
    this.lastBlockAt = this.now();
    for (const e of take) this.inPool.delete(e.decoded.hash);
    const { block, txs } = this.app.lastCommitted!;
    if (this.waiters.size > 0) {
      txs.forEach((t, i) => {
        if (this.waiters.has(t.hash)) this.waiters.resolve(t.hash, committedOf(t, res.txResults[i]));
      });
    }
    this.recheck();
    this.emit('block', block, txs);
    return block;
  }

  /** After a commit the check state starts again from the committed state; stale txs are dropped. */
  private recheck(): void {
    const keep: PoolEntry[] = [];
    for (const e of this.mempool) {
      const r = this.app.checkDecoded(e.decoded, 'recheck');
      if (r.code === 0) {
        keep.push(e);
        continue;
      }
      this.inPool.delete(e.decoded.hash);
      this.waiters.reject(e.decoded.hash, `dropped from the mempool on recheck: ${r.log}`);
    }
    this.mempool = keep;
  }
}

function refusal(e: unknown, hash: string, signer: string, nonce: number): CheckTxResult {
  const err = e instanceof LedgerError ? e : new LedgerError(TxErrors.malformed, (e as Error).message);
  return {
    code: err.definition.abciCode,
    codespace: err.definition.codespace,
    error: err.definition.code,
    log: err.message,
    hash,
    signer,
    nonce,
  };
}
