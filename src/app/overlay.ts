// A journal of writes over a parent view: the unit of atomicity. A tx runs in its own overlay
// that is merged into the block's overlay only when the tx succeeds; a failed tx leaves no trace.
import { assertKey, type IterateOptions, type KVRead, type KVWrite } from './kv.ts';

export class Overlay implements KVWrite {
  private readonly writes = new Map<string, string | null>();

  constructor(private parent: KVRead) {}

  /**
   * Reads through `parent` from now on. Only for a parent that shows the same state as the old
   * one: when a block written in the background becomes durable, views built on that block's
   * overlay move onto the store, which now holds the same writes.
   */
  rebase(parent: KVRead): void {
    this.parent = parent;
  }

  get(key: string): string | undefined {
    const w = this.writes.get(key);
    if (w !== undefined) return w === null ? undefined : w;
    return this.parent.get(key);
  }

  set(key: string, value: string): void {
    assertKey(key);
    this.writes.set(key, value);
    this.writesMade++;
  }

  delete(key: string): void {
    assertKey(key);
    this.writes.set(key, null);
    this.writesMade++;
  }

  *iterate(prefix: string, opts: IterateOptions = {}): Iterable<[string, string]> {
    const reverse = opts.reverse === true;
    const start = opts.start ?? prefix;
    const limit = opts.limit ?? Number.POSITIVE_INFINITY;
    const mine = [...this.writes.keys()]
      .filter((k) => k.startsWith(prefix) && (reverse ? k <= start || start === prefix : k >= start))
      .sort();
    if (reverse) mine.reverse();
    // The parent is asked without a limit: our deletions may hide some of its entries.
    const parentIter = this.parent.iterate(prefix, { ...opts, limit: undefined })[Symbol.iterator]();
    // However this iteration ends (the limit, or a consumer's break), the parent's must end too: an
    // unfinished SQLite statement stays busy and makes the next iteration over it throw.
    try {
      let p = parentIter.next();
      let i = 0;
      let emitted = 0;
      const before = (a: string, b: string) => (reverse ? a > b : a < b);
      while (emitted < limit) {
        const mk = mine[i];
        if (p.done && mk === undefined) return;
        let key: string;
        let value: string | null | undefined;
        if (mk !== undefined && (p.done || before(mk, p.value[0]) || mk === p.value[0])) {
          if (!p.done && mk === p.value[0]) p = parentIter.next();
          key = mk;
          value = this.writes.get(mk);
          i++;
        } else {
          const entry = p.value as [string, string];
          key = entry[0];
          value = entry[1];
          p = parentIter.next();
        }
        if (value === null || value === undefined) continue;
        emitted++;
        yield [key, value];
      }
    } finally {
      parentIter.return?.();
    }
  }

  /** Writes in key order, so whoever applies them does so deterministically. */
  entries(): Array<[string, string | null]> {
    return [...this.writes.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  /** Counts every set and delete, so a caller can tell whether some code wrote anything. */
  get writeCount(): number {
    return this.writesMade;
  }

  private writesMade = 0;

  /**
   * This overlay's own writes, without its parent: to apply them again elsewhere later. A live
   * view, not a copy (taken for every accepted tx): take it from an overlay that is done.
   */
  changes(): ReadonlyMap<string, string | null> {
    return this.writes;
  }

  /** Applies writes taken with changes() from another overlay. */
  apply(changes: ReadonlyMap<string, string | null>): void {
    for (const [k, v] of changes) this.writes.set(k, v);
  }

  /** Moves this overlay's writes into the parent overlay (tx success). */
  mergeInto(target: Overlay): void {
    target.apply(this.writes);
  }

  get size(): number {
    return this.writes.size;
  }

  clear(): void {
    this.writes.clear();
  }
}
