import { describe, expect, it } from 'vitest';
import type { StoredTx } from '../app/app-store.ts';
import { pageByHeight, type RowsBefore } from './page-by-height.ts';

// Newest first, like AppStore.txsOfParticipant.
function store(heights: number[]): RowsBefore {
  const all: StoredTx[] = heights.map((height, i) => ({
    hash: `${i}`,
    height,
    index: i,
    tx: '',
    result: '',
  }));
  all.sort((a, b) => b.height - a.height || b.index - a.index);
  return (limit, before) => all.filter((t) => t.height < before).slice(0, limit);
}

function walk(rows: RowsBefore, limit: number): StoredTx[][] {
  const pages: StoredTx[][] = [];
  let before = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const { items, nextBefore } = pageByHeight(rows, limit, before);
    pages.push(items);
    if (nextBefore === null) return pages;
    before = nextBefore;
  }
}

describe('pageByHeight', () => {
  it('visits every tx exactly once even when blocks straddle page boundaries', () => {
    const heights = [1, 2, 2, 2, 3, 4, 4, 5, 5, 5, 5, 6];
    const rows = store(heights);
    for (const limit of [1, 2, 3, 4, 5, 20]) {
      const seen = walk(rows, limit)
        .flat()
        .map((t) => t.hash);
      expect(new Set(seen).size, `limit ${limit}`).toBe(heights.length);
      expect(seen.length, `limit ${limit}`).toBe(heights.length);
    }
  });

  it('never splits a block across two pages', () => {
    const pages = walk(store([1, 1, 2, 2, 2, 3]), 2);
    const blocksPerPage = pages.map((p) => new Set(p.map((t) => t.height)));
    for (let i = 1; i < blocksPerPage.length; i++) {
      for (const h of blocksPerPage[i]!) expect(blocksPerPage[i - 1]!.has(h)).toBe(false);
    }
  });

  it('returns a block whole when it alone holds more matches than a page', () => {
    const { items, nextBefore } = pageByHeight(store([1, 7, 7, 7, 7, 7]), 2, Number.MAX_SAFE_INTEGER);
    expect(items.map((t) => t.height)).toEqual([7, 7, 7, 7, 7]);
    expect(nextBefore).toBe(7);
  });

  it('has no next page when the last page is exactly full', () => {
    expect(pageByHeight(store([1, 2]), 2, Number.MAX_SAFE_INTEGER).nextBefore).toBeNull();
  });
});
