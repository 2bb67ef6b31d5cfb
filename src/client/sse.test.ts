import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from './sse.ts';

function parseAll(chunks: string[], initialId?: string): SseMessage[] {
  const out: SseMessage[] = [];
  const p = createSseParser((m) => out.push(m), initialId);
  for (const c of chunks) p.push(c);
  return out;
}

describe('SSE parser', () => {
  it('delivers an event with its id, type and data once the blank line arrives', () => {
    expect(parseAll(['id: 3:0\nevent: tx\ndata: {"a":1}\n'])).toEqual([]);
    expect(parseAll(['id: 3:0\nevent: tx\ndata: {"a":1}\n\n'])).toEqual([
      { id: '3:0', event: 'tx', data: '{"a":1}' },
    ]);
  });

  it('reassembles events split anywhere across chunks, including inside a CRLF', () => {
    const text = 'id: 1:0\r\nevent: tx\r\ndata: one\r\n\r\nid: 1:1\r\ndata: two\r\n\r\n';
    const whole = parseAll([text]);
    for (let cut = 1; cut < text.length; cut++) {
      expect(parseAll([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
    expect(whole).toEqual([
      { id: '1:0', event: 'tx', data: 'one' },
      { id: '1:1', event: 'message', data: 'two' },
    ]);
  });

  it('joins multi-line data with newlines and ignores comments and unknown fields', () => {
    expect(parseAll([': heartbeat\nfoo: bar\ndata: a\ndata:b\n\n'])).toEqual([
      { id: undefined, event: 'message', data: 'a\nb' },
    ]);
  });

  it('keeps the last id across events and starts from the resume id', () => {
    expect(parseAll(['data: x\n\nid: 9:1\ndata: y\n\ndata: z\n\n'], '8:0').map((m) => m.id)).toEqual([
      '8:0',
      '9:1',
      '9:1',
    ]);
  });

  it('does not dispatch an event without data, and remembers the retry delay', () => {
    const out: SseMessage[] = [];
    const p = createSseParser((m) => out.push(m));
    p.push('event: tx\nretry: 2500\n\n');
    expect(out).toEqual([]);
    expect(p.retryMs).toBe(2500);
  });
});
