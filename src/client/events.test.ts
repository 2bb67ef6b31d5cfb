import { describe, expect, it } from 'vitest';
import { subscribeEvents } from './events.ts';
import type { LedgerStreamEvent } from './types.ts';

function sseResponse(text: string, status = 200): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
  return new Response(body, { status, headers: { 'content-type': 'text/event-stream' } });
}

describe('event subscription', () => {
  it('reconnects after the stream ends and resumes with the last event id it delivered', async () => {
    const asked: Array<string | undefined> = [];
    const streams = [
      'id: 1:0\nevent: tx\ndata: {"hash":"a"}\n\nid: 1:1\nevent: tx\ndata: {"hash":"b"}\n\n',
      'id: 2:0\nevent: tx\ndata: {"hash":"c"}\n\n',
    ];
    const got: LedgerStreamEvent[] = [];
    const sub = subscribeEvents(
      async (lastEventId) => {
        asked.push(lastEventId);
        return sseResponse(streams.shift() ?? '');
      },
      { retryMs: 1 },
      (e) => {
        got.push(e);
        if (got.length === 3) sub.close();
      },
    );
    await sub.done;
    expect(asked.slice(0, 2)).toEqual([undefined, '1:1']);
    expect(got.map((e) => (e.data as { hash: string }).hash)).toEqual(['a', 'b', 'c']);
    expect(got[0]).toMatchObject({ id: '1:0', event: 'tx' });
    expect(sub.lastEventId).toBe('2:0');
  });

  it('starts from the given lastEventId', async () => {
    let first: string | undefined;
    const sub = subscribeEvents(
      async (lastEventId) => {
        first ??= lastEventId;
        return sseResponse('');
      },
      { lastEventId: '7:3', reconnect: false },
      () => {},
    );
    await sub.done;
    expect(first).toBe('7:3');
  });

  it('retries after a network failure but stops on a refusal, rejecting done with the problem', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const sub = subscribeEvents(
      async () => {
        calls++;
        if (calls === 1) throw new TypeError('fetch failed');
        return new Response(
          JSON.stringify({
            title: 'Invalid input',
            status: 400,
            code: 'api.invalid_input',
            detail: 'bad Last-Event-ID',
          }),
          { status: 400, headers: { 'content-type': 'application/problem+json' } },
        );
      },
      { retryMs: 1, onError: (e) => errors.push(e) },
      () => {},
    );
    await expect(sub.done).rejects.toMatchObject({ code: 'api.invalid_input', status: 400 });
    expect(calls).toBe(2);
    expect(errors[0]).toBeInstanceOf(TypeError);
  });

  it('stops when onEvent throws, and reports that error', async () => {
    const sub = subscribeEvents(
      async () => sseResponse('data: 1\n\n'),
      { retryMs: 1 },
      () => {
        throw new Error('handler broke');
      },
    );
    await expect(sub.done).rejects.toThrow('handler broke');
  });
});
