// A server-sent-events parser (WHATWG HTML "event stream interpretation") over text chunks, so the
// client can read /v1/events with fetch streams in the node and the browser alike (EventSource
// cannot send headers and does not exist in Node 20).

export interface SseMessage {
  id: string | undefined;
  event: string;
  data: string;
}

export interface SseParser {
  /** Feeds decoded text; complete events are delivered synchronously. */
  push(chunk: string): void;
  /** The last id seen on the stream (persists across events, as the spec says). */
  readonly lastEventId: string | undefined;
  /** The reconnection delay the server asked for with `retry:`, if any. */
  readonly retryMs: number | undefined;
}

export function createSseParser(onMessage: (m: SseMessage) => void, initialLastEventId?: string): SseParser {
  let buffer = '';
  // A chunk may end between the \r and \n of one line ending.
  let skipLeadingLf = false;
  let data: string[] = [];
  let event = '';
  let lastEventId = initialLastEventId;
  let retryMs: number | undefined;

  const dispatch = () => {
    if (data.length > 0) onMessage({ id: lastEventId, event: event || 'message', data: data.join('\n') });
    data = [];
    event = '';
  };

  const line = (l: string) => {
    if (l === '') return dispatch();
    if (l.startsWith(':')) return; // comment, e.g. a keep-alive
    const colon = l.indexOf(':');
    const field = colon < 0 ? l : l.slice(0, colon);
    let value = colon < 0 ? '' : l.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        data.push(value);
        break;
      case 'event':
        event = value;
        break;
      case 'id':
        if (!value.includes('\0')) lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) retryMs = Number(value);
        break;
    }
  };

  return {
    push(chunk: string) {
      if (skipLeadingLf && chunk.startsWith('\n')) chunk = chunk.slice(1);
      skipLeadingLf = false;
      buffer += chunk;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        line(buffer.slice(start, i));
        if (c === '\r') {
          if (i + 1 === buffer.length) skipLeadingLf = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
    },
    get lastEventId() {
      return lastEventId;
    },
    get retryMs() {
      return retryMs;
    },
  };
}
