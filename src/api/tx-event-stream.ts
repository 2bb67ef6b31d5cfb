// The committed-tx event stream behind GET /v1/events. The store is the source of truth: a
// subscriber first replays what it missed from the store, then follows live blocks. It listens for
// blocks BEFORE it replays, and tracks the last position sent, so a block that commits during the
// replay is neither lost nor sent twice; if it falls behind (slow client), it catches up from the
// store again instead of buffering without bound.
import type { StoredBlock, StoredTx } from '../app/app-store.ts';
import type { LedgerNode } from '../engines/ledger-node.ts';
import { decodeStored } from './tx-view.ts';

export interface Cursor {
  height: number;
  index: number;
}

export interface TxEventFilter {
  types?: ReadonlySet<string>;
  participant?: string;
}

export interface TxEventSink {
  readonly aborted: boolean;
  send(id: string, data: string): Promise<void>;
  comment(text: string): Promise<void>;
  onAbort(listener: () => void): void;
}

const PAGE = 500;
const MAX_QUEUED_BLOCKS = 1000;

export const formatCursor = (c: Cursor) => `${c.height}:${c.index}`;

export function parseCursor(s: string): Cursor {
  const [h, i] = s.split(':');
  return { height: Number(h), index: Number(i) };
}

/** Exact tx types, or "<module>.*" for every tx type of a module. */
function typeMatches(types: ReadonlySet<string>, type: string): boolean {
  if (types.has(type)) return true;
  const dot = type.indexOf('.');
  return dot > 0 && types.has(`${type.slice(0, dot)}.*`);
}

const isAfter = (t: Cursor, c: Cursor) => t.height > c.height || (t.height === c.height && t.index > c.index);

export function txEventData(t: StoredTx, time: string) {
  const { tx, result } = decodeStored(t);
  return {
    hash: t.hash,
    height: t.height,
    index: t.index,
    time,
    type: tx?.type ?? null,
    signer: tx?.signer ?? null,
    code: result.code,
    error: result.error,
    participants: result.participants,
    amount: result.amount ?? null,
    events: result.events,
  };
}

export async function streamTxEvents(
  node: LedgerNode,
  sink: TxEventSink,
  start: Cursor,
  filter: TxEventFilter,
  heartbeatMs: number,
): Promise<void> {
  const { app } = node;
  let cursor = start;
  let queue: Array<{ block: StoredBlock; txs: StoredTx[] }> = [];
  let overflowed = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const onBlock = (block: StoredBlock, txs: StoredTx[]) => {
    if (queue.length >= MAX_QUEUED_BLOCKS) {
      queue = [];
      overflowed = true;
    } else {
      queue.push({ block, txs });
    }
    notify();
  };
  node.events.on('block', onBlock);
  const heartbeat = setInterval(() => void sink.comment('heartbeat'), heartbeatMs);
  const cleanup = () => {
    node.events.off('block', onBlock);
    clearInterval(heartbeat);
    notify();
  };
  sink.onAbort(cleanup);

  const timeCache = new Map<number, string>();
  const timeOf = (height: number) => {
    let t = timeCache.get(height);
    if (t === undefined) {
      t = app.store.block(height)?.header.time ?? '';
      if (timeCache.size > 1000) timeCache.clear();
      timeCache.set(height, t);
    }
    return t;
  };
  const send = async (t: StoredTx, time: string) => {
    if (!isAfter(t, cursor)) return;
    cursor = { height: t.height, index: t.index };
    const data = txEventData(t, time);
    if (filter.types && (data.type === null || !typeMatches(filter.types, data.type))) return;
    if (filter.participant && !data.participants.includes(filter.participant)) return;
    await sink.send(formatCursor(cursor), JSON.stringify(data));
  };
  /** Sends everything the store holds after the cursor; returns the height it is complete up to. */
  const replay = async (): Promise<number> => {
    for (;;) {
      const rows = app.store.txsAfter(cursor.height, cursor.index, PAGE);
      const complete = app.lastHeight; // read in the same tick as the query, so they agree
      for (const t of rows) {
        if (sink.aborted) return complete;
        await send(t, timeOf(t.height));
      }
      if (rows.length < PAGE) return complete;
    }
  };

  try {
    await sink.comment('ketenboek events');
    let synced = await replay();
    while (!sink.aborted) {
      if (overflowed) {
        overflowed = false;
        synced = await replay();
        continue;
      }
      const next = queue.shift();
      if (!next) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      if (next.block.height <= synced) continue; // the replay already covered it
      if (next.block.height !== synced + 1) {
        queue = [];
        synced = await replay();
        continue;
      }
      for (const t of next.txs) {
        if (sink.aborted) break;
        await send(t, next.block.header.time);
      }
      synced = next.block.height;
    }
  } finally {
    cleanup();
  }
}
