// The explorer's live feed: replays the most recent txs from /v1/events (so the page is not
// empty), then keeps following the stream. The client resumes with Last-Event-ID after a drop, so
// no committed tx is missed or shown twice.
import { useEffect, useState } from 'react';
import { client, type TxEvent } from './client.ts';

export interface LiveFeed {
  txs: TxEvent[];
  connected: boolean;
  height: number;
}

const PAGES_TO_SCAN = 5;

/**
 * The event id to replay from so that about `wanted` txs come first. Blocks are made even when
 * idle, so this walks back over recent block summaries to the blocks that hold txs.
 */
async function replayCursor(wanted: number): Promise<string> {
  let before: number | undefined;
  let txs = 0;
  let from = 0;
  for (let page = 0; page < PAGES_TO_SCAN; page++) {
    const blocks = await client.blocks({ limit: 100, ...(before ? { before } : {}) });
    for (const b of blocks.items) {
      from = b.height;
      txs += b.txCount;
      if (txs >= wanted) return `${Math.max(0, from - 1)}:999999999`;
    }
    const last = blocks.items[blocks.items.length - 1];
    if (!blocks.next || !last) return '0:999999999';
    before = last.height;
  }
  return `${Math.max(0, from - 1)}:999999999`;
}

export function useLiveTxs(opts: { max?: number; participant?: string } = {}): LiveFeed {
  const max = opts.max ?? 30;
  const [feed, setFeed] = useState<LiveFeed>({ txs: [], connected: false, height: 0 });
  useEffect(() => {
    let sub: { close(): void } | undefined;
    let closed = false;
    Promise.all([client.status(), replayCursor(max)]).then(
      ([s, cursor]) => {
        if (closed) return;
        setFeed((f) => ({ ...f, height: s.height, connected: true }));
        sub = client.events(
          {
            lastEventId: cursor,
            ...(opts.participant ? { participant: opts.participant } : {}),
            onError: () => setFeed((f) => ({ ...f, connected: false })),
          },
          (e) => {
            if (e.event !== 'tx') return;
            const tx = e.data as TxEvent;
            setFeed((f) => ({
              connected: true,
              height: Math.max(f.height, tx.height),
              txs: [tx, ...f.txs.filter((x) => x.hash !== tx.hash)].slice(0, max),
            }));
          },
        );
      },
      () => setFeed((f) => ({ ...f, connected: false })),
    );
    return () => {
      closed = true;
      sub?.close();
    };
  }, [max, opts.participant]);
  return feed;
}
