// The explorer's live feed: replays the txs of the last blocks from /v1/events (so the page is not
// empty), then keeps following the stream. The client resumes with Last-Event-ID after a drop, so
// no committed tx is missed or shown twice.
import { useEffect, useState } from 'react';
import { client, type TxEvent } from './client.ts';

export interface LiveFeed {
  txs: TxEvent[];
  connected: boolean;
  height: number;
}

const REPLAY_BLOCKS = 40;

export function useLiveTxs(opts: { max?: number; participant?: string } = {}): LiveFeed {
  const max = opts.max ?? 30;
  const [feed, setFeed] = useState<LiveFeed>({ txs: [], connected: false, height: 0 });
  useEffect(() => {
    let sub: { close(): void } | undefined;
    let closed = false;
    client.status().then(
      (s) => {
        if (closed) return;
        const from = Math.max(0, s.height - REPLAY_BLOCKS);
        setFeed((f) => ({ ...f, height: s.height, connected: true }));
        sub = client.events(
          {
            lastEventId: `${from}:999999999`,
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
