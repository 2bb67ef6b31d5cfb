// Writes blocks to the app store on a worker thread, so that the main thread can check and admit
// the next block's txs while the previous block's SQLite transaction and fsync run. The main
// thread keeps seeing that block through its overlay until write() resolves (see
// LedgerApp.commitInBackground); nothing is acknowledged before then.
import { Worker } from 'node:worker_threads';
import type { BlockCommit } from './app-store.ts';

export class BlockWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private failure: Error | undefined;

  constructor(dbPath: string) {
    this.worker = new Worker(new URL('./block-writer-entry.js', import.meta.url), { workerData: { dbPath } });
    this.worker.on('message', (msg: { id: number; error?: string }) => {
      const w = this.waiting.get(msg.id);
      if (!w) return;
      this.waiting.delete(msg.id);
      if (msg.error === undefined) w.resolve();
      else w.reject(new Error(`writing the block failed: ${msg.error}`));
    });
    this.worker.on('error', (e) => this.failAll(e));
    this.worker.on('exit', (code) => this.failAll(new Error(`the block writer stopped (exit code ${code})`)));
  }

  /** Resolves once the block is durably committed; rejects if it could not be written. */
  write(commit: BlockCommit): Promise<void> {
    return this.send({ commit });
  }

  async close(): Promise<void> {
    if (!this.failure) await this.send({ close: true }).catch(() => undefined);
    await this.worker.terminate();
  }

  private send(body: { commit: BlockCommit } | { close: true }): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...body });
    });
  }

  private failAll(e: Error): void {
    this.failure ??= e;
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
  }
}
