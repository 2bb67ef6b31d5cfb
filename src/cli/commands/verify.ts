// verify: replays the node's stored chain from genesis and checks every hash, link and signature,
// without trusting the node's own bookkeeping.
import type { Command } from 'commander';
import { contextOf } from '../context.ts';
import { CliError } from '../errors.ts';
import { NO_PROGRESS, progressBar } from '../progress.ts';

export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('independently verify the whole chain stored in --home (replay from genesis)')
    .action(async (_o: unknown, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { verifyChain } = await import('../../node/verify-chain.ts');
      const progress = ctx.json ? NO_PROGRESS : progressBar('verifying');
      let result: Awaited<ReturnType<typeof verifyChain>>;
      try {
        result = await verifyChain({
          home: ctx.home,
          onProgress: (done, total) => progress.update(done, total),
        });
      } finally {
        progress.finish();
      }
      const seconds = result.seconds.toFixed(1);
      ctx.print(result, () => [
        result.ok
          ? `ok: ${result.height} blocks and ${result.txs} txs verified in ${seconds} s`
          : `FAILED after ${seconds} s: ${result.height} blocks checked`,
      ]);
      if (!result.ok) {
        throw new CliError(
          `the chain is not valid at height ${result.firstBadHeight ?? '?'}: ${result.reason ?? 'no reason given'}`,
        );
      }
    });
}
