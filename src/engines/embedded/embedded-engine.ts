// The embedded single-node engine: a bounded mempool in front of the application, and a block
// cutter that finalizes and durably commits a block on an interval or when enough txs wait.
// A tx is acknowledged (its commit promise resolves) only after its block is on disk.
import { EventEmitter } from 'node:events';
import type { StoredBlock, StoredTx } from '../../app/app-store.ts';
import { BlockWriter } from '../../app/block-writer.ts';
import type { LedgerApp } from '../../app/ledger-app.ts';
import type { CheckTxResult, TxResult } from '../../app/types.ts';
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

/**
 * Blocks decided but not yet on disk. Two let the main thread execute the next block while the
 * writer thread commits the previous one; more would only hold more unacknowledged txs in memory.
 */
const MAX_BLOCKS_BEING_WRITTEN = 2;
/**
 * The main thread (check, execute) and the block writer are the pipeline's serial stages; the
 * signature workers are parallel and have a queue in front of them. When the cores are all busy,
 * Linux shares them evenly between runnable threads, so the workers used to slow the writer and
 * the main thread then waited for the disk. With the workers one step back, voucher payments went
 * from about 3,800 to 4,000-4,300 tx/s on 2 cores (docs/performance.md); idle cores still run them
 * at full speed.
 */
const SIGNATURE_WORKER_NICENESS = 10;

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
  /**
   * Write blocks on a worker thread (file stores only): the main thread checks the next block's
   * txs while the previous block's SQLite transaction and fsync run. Acks still wait for the disk.
   */
  backgroundWrites?: boolean;
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
  private readonly writer: BlockWriter | undefined;
  /** The newest block being written in the background (they are written in order). */
  private writing: Promise<void> | undefined;
  /** A cut came due while the most blocks allowed were being written. */
  private cutDue = false;
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
    this.workers = opts.signatureWorkers
      ? new SignatureWorkers(opts.signatureWorkers, { niceness: SIGNATURE_WORKER_NICENESS })
      : undefined;
    this.writer = opts.backgroundWrites ? new BlockWriter(opts.app.store.db.name) : undefined;
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
    await this.writing;
    await this.writer?.close();
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
      if (this.running && this.mempool.length > 0) this.cut();
    });
  }

  private tick(): void {
    if (!this.running) return;
    const idleFor = this.now() - this.lastBlockAt;
    if (this.mempool.length > 0 || idleFor >= this.emptyBlockIntervalMs) this.cut();
  }

  private cut(): void {
    if (!this.writer) {
      this.cutBlock();
      return;
    }
    if (this.app.blocksBeingWritten >= MAX_BLOCKS_BEING_WRITTEN) {
      this.cutDue = true;
      return;
    }
    this.cutDue = false;
    this.cutInBackground(this.writer);
  }

  /** Makes one block from the head of the mempool. Synchronous from finalize to durable commit. */
  cutBlock(): StoredBlock {
    if (this.writer) throw new Error('this engine writes blocks in the background; it cuts them itself');
    const { take, res, signatures } = this.finalizeNext();
    this.app.commit(signatures);
    this.lastBlockAt = this.now();
    for (const e of take) this.inPool.delete(e.decoded.hash);
    const { block, txs } = this.app.lastCommitted!;
    this.acknowledge(txs, res.txResults);
    this.recheck();
    this.emit('block', block, txs);
    return block;
  }

  /**
   * Decides the next block now and lets the writer thread put it on disk; its txs are acknowledged
   * when that is done. Meanwhile new txs are checked against the decided state.
   */
  private cutInBackground(writer: BlockWriter): void {
    const { take, res, signatures } = this.finalizeNext();
    const durable = this.app.commitInBackground(signatures, (c) => writer.write(c));
    this.lastBlockAt = this.now();
    for (const e of take) this.inPool.delete(e.decoded.hash);
    if (this.app.recheckNeeded) this.recheck();
    const written = durable
      .then(
        ({ block, txs }) => {
          this.acknowledge(txs, res.txResults);
          this.emit('block', block, txs);
        },
        (e: Error) => this.failWriting(e),
      )
      .finally(() => {
        if (this.writing === written) this.writing = undefined;
        if (
          this.running &&
          this.mempool.length > 0 &&
          (this.cutDue || this.mempool.length >= this.maxBlockTxs)
        )
          this.cut();
      });
    this.writing = written;
  }

  /** A block that cannot be written stops the node: its state is ahead of the disk. */
  private failWriting(e: Error): void {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.waiters.rejectAll(`the node stopped: ${e.message}`);
    this.emit('fatal', e);
  }

  private finalizeNext() {
    const take = this.mempool.slice(0, this.maxBlockTxs);
    this.mempool = this.mempool.slice(take.length);
    const height = this.app.nextHeight;
    const prevTime = height > 1 ? Date.parse(this.app.decidedTime) : 0;
    // Block time never goes backwards, even if the wall clock does.
    const time = new Date(Math.max(this.now(), prevTime + 1)).toISOString();
    const res = this.app.finalizeDecoded(
      { height, time, txs: take.map((e) => utf8(e.decoded.canonical)), proposer: this.nodeKey.publicKey },
      take.map((e) => e.decoded),
    );
    const sig = sign(this.nodeKey.privateKey, utf8(BLOCK_SIGN_DOMAIN + res.blockHash));
    return { take, res, signatures: [{ pubKey: this.nodeKey.publicKey, sig }] };
  }

  private acknowledge(txs: StoredTx[], results: TxResult[]): void {
    if (this.waiters.size === 0) return;
    txs.forEach((t, i) => {
      if (this.waiters.has(t.hash)) this.waiters.resolve(t.hash, committedOf(t, results[i]));
    });
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
