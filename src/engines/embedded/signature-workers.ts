// A small pool of signature-verifying worker threads. Requests are batched per event-loop turn
// so that message passing costs little compared with the verifications themselves.
import { Worker } from 'node:worker_threads';

interface Batch {
  txs: string[];
  resolvers: Array<(ok: boolean) => void>;
}

export class SignatureWorkers {
  private readonly workers: Worker[] = [];
  private readonly inflight: number[] = [];
  private readonly pending = new Map<number, Batch>();
  private nextId = 1;
  private current: Batch | undefined;

  /** `niceness` > 0 lowers the workers' scheduling priority (Linux), see EmbeddedEngine. */
  constructor(size: number, opts: { niceness?: number } = {}) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL('./signature-worker-entry.js', import.meta.url), {
        workerData: { niceness: opts.niceness ?? 0 },
      });
      w.unref();
      w.on('message', (msg: { id: number; ok: boolean[] }) => {
        const batch = this.pending.get(msg.id);
        if (!batch) return;
        this.pending.delete(msg.id);
        this.inflight[i] = (this.inflight[i] ?? 1) - 1;
        batch.resolvers.forEach((r, j) => {
          r(msg.ok[j] === true);
        });
      });
      this.workers.push(w);
      this.inflight.push(0);
    }
  }

  verify(canonicalTx: string): Promise<boolean> {
    return new Promise((resolve) => {
      if (!this.current) {
        this.current = { txs: [], resolvers: [] };
        setImmediate(() => this.flush());
      }
      this.current.txs.push(canonicalTx);
      this.current.resolvers.push(resolve);
      if (this.current.txs.length >= 512) this.flush();
    });
  }

  private flush(): void {
    const batch = this.current;
    if (!batch || batch.txs.length === 0) return;
    this.current = undefined;
    let best = 0;
    for (let i = 1; i < this.workers.length; i++)
      if ((this.inflight[i] ?? 0) < (this.inflight[best] ?? 0)) best = i;
    const id = this.nextId++;
    this.pending.set(id, batch);
    this.inflight[best] = (this.inflight[best] ?? 0) + 1;
    this.workers[best]!.postMessage({ id, txs: batch.txs });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    for (const [, b] of this.pending) for (const r of b.resolvers) r(false);
    this.pending.clear();
  }
}
