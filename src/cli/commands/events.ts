// events: follows committed txs live (SSE), resuming after --after when given.
import type { Command } from 'commander';
import type { LedgerStreamEvent } from '../../client/types.ts';
import { positiveIntArg } from '../args.ts';
import { contextOf } from '../context.ts';
import { printLine } from '../output.ts';

function eventLine(e: LedgerStreamEvent): string {
  const d = (e.data ?? {}) as {
    hash?: string;
    type?: string;
    signer?: string;
    code?: number;
    error?: string;
  };
  const outcome = d.code === 0 || d.code === undefined ? 'ok' : `failed ${d.error}`;
  return `${e.id ?? '-'} ${e.event} ${d.type ?? ''} ${d.hash ?? ''} ${outcome}`.replace(/\s+/g, ' ').trim();
}

export function registerEventsCommand(program: Command): void {
  program
    .command('events')
    .description('follow committed txs as they happen (Ctrl-C stops)')
    .option('--after <id>', 'resume after this event id ("height:index")')
    .option('--count <n>', 'stop after this many events')
    .action(async (o: { after?: string; count?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const max = o.count !== undefined ? positiveIntArg(o.count, '--count') : Number.POSITIVE_INFINITY;
      let seen = 0;
      const sub = ctx.client().events(
        {
          ...(o.after !== undefined ? { lastEventId: o.after } : {}),
          onError: (e) => process.stderr.write(`warning: ${(e as Error).message}; reconnecting\n`),
        },
        (e) => {
          // One JSON object per line (NDJSON), so a stream can be read line by line.
          if (ctx.json) printLine(JSON.stringify(e));
          else printLine(eventLine(e));
          if (++seen >= max) sub.close();
        },
      );
      const stop = () => sub.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        await sub.done;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
