import type { StoredTx } from '../app/app-store.ts';

/** Rows newest first, at most `limit`, only in blocks below `before`. */
export type RowsBefore = (limit: number, before: number) => StoredTx[];

/**
 * A page of txs, newest first, cut only between blocks: the next page's cursor is a height, so a
 * page that ended inside a block would lose the rest of that block. When one block alone holds more
 * matches than the page, that block comes whole.
 */
export function pageByHeight(
  rows: RowsBefore,
  limit: number,
  before: number,
): { items: StoredTx[]; nextBefore: number | null } {
  const got = rows(limit + 1, before);
  if (got.length <= limit) return { items: got, nextBefore: null };
  let items = got.slice(0, limit);
  const last = items[items.length - 1]!.height;
  if (got[limit]!.height === last) {
    const whole = items.filter((t) => t.height !== last);
    items = whole.length > 0 ? whole : wholeBlock(rows, last, limit * 2);
  }
  const lowest = items[items.length - 1]!.height;
  return { items, nextBefore: rows(1, lowest).length > 0 ? lowest : null };
}

function wholeBlock(rows: RowsBefore, height: number, first: number): StoredTx[] {
  for (let n = first; ; n *= 2) {
    const got = rows(n, height + 1);
    if (got.length < n || got[got.length - 1]!.height < height) return got.filter((t) => t.height === height);
  }
}
