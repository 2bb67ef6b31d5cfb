// start: runs a node from --home until SIGINT or SIGTERM, then stops it cleanly (the last block is
// committed, the API closed and the store flushed before the process exits).
import type { Command } from 'commander';
import { positiveIntArg } from '../args.ts';
import { contextOf } from '../context.ts';
import { errorLine } from '../errors.ts';
import { printLine } from '../output.ts';

interface StartOptions {
  port: string;
  host: string;
  demo?: boolean;
  blockInterval?: string;
}

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('run a node (first start creates genesis and keys in --home)')
    .option('--port <n>', 'API port', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--demo', 'create the demo consortium and load demo data on first start')
    .option('--block-interval <ms>', 'time between blocks in milliseconds')
    .action(async (o: StartOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const port = positiveIntArg(o.port, '--port', 0);
      const blockIntervalMs =
        o.blockInterval !== undefined ? positiveIntArg(o.blockInterval, '--block-interval') : undefined;
      const { startNode } = await import('../../node/start-node.ts');
      const node = await startNode({
        home: ctx.home,
        port,
        host: o.host,
        demo: o.demo === true,
        ...(blockIntervalMs !== undefined ? { blockIntervalMs } : {}),
      });
      ctx.print({ url: node.url, home: ctx.home }, () => [
        `Ketenboek node running at ${node.url} (home ${ctx.home}); Ctrl-C stops it`,
      ]);
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: NodeJS.Signals) => {
          if (stopping) {
            // A second signal means: do not wait any longer.
            process.stderr.write(`error: ${signal} again, exiting without a clean stop\n`);
            process.exit(1);
          }
          stopping = true;
          if (!ctx.json) process.stderr.write(`${signal}: stopping the node...\n`);
          node.stop().then(
            () => {
              if (!ctx.json) printLine('node stopped');
              resolve();
            },
            (e: unknown) => {
              process.stderr.write(`${errorLine(e)}\n`);
              process.exitCode = 1;
              resolve();
            },
          );
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
