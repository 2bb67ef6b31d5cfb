// Follows GET /v1/events: parses the SSE stream, reconnects when it drops, and resumes with
// Last-Event-ID so no committed tx is missed or delivered twice across a reconnect.
import { apiErrorFrom } from './errors.ts';
import { createSseParser } from './sse.ts';
import type { LedgerStreamEvent } from './types.ts';

export interface EventsOptions {
  /** Only these tx types, e.g. ["anchor.create"]. */
  types?: string[];
  /** Only txs that concern this account (public key) or organisation (OIN). */
  participant?: string;
  /** Resume after this event id ("height:index"); omitted = only new events. */
  lastEventId?: string;
  signal?: AbortSignal;
  /** Reconnect when the stream ends or the connection fails (default true). */
  reconnect?: boolean;
  /** Delay before reconnecting, in ms (default 1000; the server's `retry:` field overrides it). */
  retryMs?: number;
  /** Told about every failure, including the ones that are retried. */
  onError?: (error: unknown) => void;
}

export interface EventSubscription {
  close(): void;
  /** Id of the last event delivered: pass it as lastEventId to resume later. */
  readonly lastEventId: string | undefined;
  /**
   * Resolves after close() or an abort; rejects when the node refuses the subscription (4xx), when
   * onEvent throws, or on the first failure when reconnect is off.
   */
  readonly done: Promise<void>;
}

export type OpenEventStream = (lastEventId: string | undefined, signal: AbortSignal) => Promise<Response>;

class StopError extends Error {
  constructor(readonly reason: unknown) {
    super('subscription stopped');
  }
}

function parseData(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export function subscribeEvents(
  open: OpenEventStream,
  opts: EventsOptions,
  onEvent: (event: LedgerStreamEvent) => void,
): EventSubscription {
  const controller = new AbortController();
  if (opts.signal?.aborted) controller.abort();
  else opts.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const reconnect = opts.reconnect ?? true;
  let lastEventId = opts.lastEventId;
  let retryMs = opts.retryMs ?? 1000;

  const readOnce = async () => {
    const res = await open(lastEventId, controller.signal);
    if (!res.ok) {
      const error = await apiErrorFrom(res);
      // A refusal will not change by retrying; an overloaded or restarting node may recover.
      throw res.status >= 500 || res.status === 429 ? error : new StopError(error);
    }
    if (!res.body) throw new Error('the event stream response has no body');
    const parser = createSseParser((m) => {
      lastEventId = m.id;
      try {
        onEvent({ id: m.id, event: m.event, data: parseData(m.data) });
      } catch (e) {
        throw new StopError(e);
      }
    }, lastEventId);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
      }
    } finally {
      if (parser.retryMs !== undefined) retryMs = parser.retryMs;
      await reader.cancel().catch(() => {});
    }
  };

  const done = (async () => {
    while (!controller.signal.aborted) {
      try {
        await readOnce();
        if (!reconnect) return;
      } catch (e) {
        if (controller.signal.aborted) return;
        if (e instanceof StopError) throw e.reason;
        if (!reconnect) throw e;
        opts.onError?.(e);
      }
      await sleep(retryMs, controller.signal);
    }
  })();
  // Reported through onError; `done` still rejects for callers that await it.
  done.catch((e) => opts.onError?.(e));

  return {
    close: () => controller.abort(),
    get lastEventId() {
      return lastEventId;
    },
    done,
  };
}
