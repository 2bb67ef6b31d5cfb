// Who is waiting for which tx to be committed: both engines acknowledge a tx by resolving its
// waiters only after the block holding it is durably committed.
import type { StoredTx } from '../app/app-store.ts';
import type { TxResult } from '../app/types.ts';
import type { Committed } from './ledger-node.ts';

interface Waiter {
  resolve(c: Committed): void;
  reject(e: Error): void;
}

export function committedOf(t: StoredTx, result?: TxResult): Committed {
  return {
    hash: t.hash,
    height: t.height,
    index: t.index,
    result: result ?? (JSON.parse(t.result) as TxResult),
  };
}

export class CommitWaiters {
  private readonly waiters = new Map<string, Waiter[]>();

  get size(): number {
    return this.waiters.size;
  }

  has(hash: string): boolean {
    return this.waiters.has(hash);
  }

  /** Resolves when `resolve(hash, …)` is called, or rejects after `timeoutMs`. */
  wait(hash: string, timeoutMs: number): Promise<Committed> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const list = this.waiters.get(hash)?.filter((w) => w !== waiter) ?? [];
        if (list.length > 0) this.waiters.set(hash, list);
        else this.waiters.delete(hash);
        reject(new Error(`transaction ${hash} was not committed within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        resolve: (c) => {
          clearTimeout(timer);
          resolve(c);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      const list = this.waiters.get(hash) ?? [];
      list.push(waiter);
      this.waiters.set(hash, list);
    });
  }

  resolve(hash: string, committed: Committed): void {
    const list = this.waiters.get(hash);
    if (!list) return;
    this.waiters.delete(hash);
    for (const w of list) w.resolve(committed);
  }

  reject(hash: string, reason: string): void {
    const list = this.waiters.get(hash);
    if (!list) return;
    this.waiters.delete(hash);
    for (const w of list) w.reject(new Error(reason));
  }

  rejectAll(reason: string): void {
    for (const [, list] of this.waiters) for (const w of list) w.reject(new Error(reason));
    this.waiters.clear();
  }
}
