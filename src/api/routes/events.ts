import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { type ApiModule, defineRoute } from '../route.ts';
import { participantSchema } from '../schemas.ts';
import { type Cursor, parseCursor, streamTxEvents } from '../tx-event-stream.ts';

const cursorSchema = z
  .string()
  .regex(/^\d{1,15}:\d{1,15}$/, 'must be an event id "height:index", e.g. "12:0"')
  .transform(parseCursor);

const typeListSchema = z
  .string()
  .transform((s) => s.split(','))
  .pipe(
    z
      .array(
        z
          .string()
          .regex(
            /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*|(\.[a-z][a-z0-9_]*))$/,
            'must be a tx type like "anchor.create", or a module wildcard like "cases.*"',
          ),
      )
      .max(50),
  );

export const eventsApi: ApiModule = {
  tag: { name: 'Events', description: 'Live stream of committed transactions' },
  routes: [
    defineRoute({
      method: 'get',
      path: '/events',
      operationId: 'streamEvents',
      summary: 'Server-sent events: one `tx` event per committed transaction',
      description: [
        'Each event has `event: tx`, `id: <height>:<index>` and JSON data',
        '{hash, height, index, time, type, signer, code, error, participants, amount, events}.',
        'Resume without gaps or duplicates by reconnecting with the Last-Event-ID header (EventSource does',
        'this itself) or ?after=<height>:<index>; without either the stream starts at the current block.',
        'A comment line is sent every 15 s to keep the connection open.',
      ].join(' '),
      tags: ['Events'],
      query: z.object({
        types: typeListSchema
          .optional()
          .describe(
            'Only these tx types, comma-separated (e.g. anchor.create,identity.vote; cases.* for every tx of a module)',
          ),
        participant: participantSchema.optional().describe('Only txs that concern this account or OIN'),
        after: cursorSchema.optional().describe('Replay committed txs after this event id first'),
      }),
      headers: z.object({
        'Last-Event-ID': cursorSchema
          .optional()
          .describe('Resume after this event id; takes precedence over ?after'),
      }),
      responses: {
        200: {
          description: 'An endless text/event-stream',
          contentType: 'text/event-stream',
          schema: z.string().describe('event: tx\\nid: <height>:<index>\\ndata: {...}'),
        },
      },
      handle({ c, api, node, query, headers }) {
        const start: Cursor = headers['Last-Event-ID'] ??
          query.after ?? { height: node.app.lastHeight, index: Number.MAX_SAFE_INTEGER };
        const filter = {
          ...(query.types ? { types: new Set(query.types) } : {}),
          ...(query.participant ? { participant: query.participant } : {}),
        };
        return streamSSE(c, (stream) =>
          streamTxEvents(
            node,
            {
              get aborted() {
                return stream.aborted;
              },
              send: (id, data) => stream.writeSSE({ id, event: 'tx', data }),
              comment: async (text) => {
                await stream.write(`: ${text}\n\n`);
              },
              onAbort: (listener) => stream.onAbort(listener),
            },
            start,
            filter,
            api.heartbeatMs,
          ),
        );
      },
    }),
  ],
};
