// What every `tx` subcommand shares: --from and --no-wait, local checking of the body against the
// module's own schema, signing with a keyring key, sending, and printing the outcome.
import type { Command } from 'commander';
import type { SubmitResult } from '../../../client/types.ts';
import { checkWith } from '../../args.ts';
import { contextOf } from '../../context.ts';

export interface TxCommandOptions {
  from: string;
  wait: boolean;
}

/** Declares a tx subcommand with the options every tx has. */
export function txCommand(parent: Command, nameAndArgs: string, description: string): Command {
  return parent
    .command(nameAndArgs)
    .description(description)
    .requiredOption('--from <name>', 'name of the keyring key that signs the tx')
    .option('--no-wait', 'return once the node accepted the tx, without waiting for its block');
}

async function checkBody(type: string, body: unknown): Promise<void> {
  // Loaded on demand: only tx commands need the modules' schemas.
  const { ALL_MODULES } = await import('../../../modules/registry.ts');
  const message = ALL_MODULES.flatMap((m) => m.messages).find((m) => m.type === type);
  if (message) checkWith(message.schema, body, `${type} body`);
}

function summary(type: string, r: SubmitResult): string[] {
  if (r.status === 'pending') return [`accepted ${type}: tx ${r.hash} (not yet in a block)`];
  const lines = [`committed ${type} in block ${r.height} (index ${r.index}): tx ${r.hash}`];
  for (const e of r.result.events) {
    lines.push(`  ${e.type} ${e.attributes.map((a) => `${a.key}=${a.value}`).join(' ')}`);
  }
  return lines;
}

/** Checks, signs with --from, sends and prints one message; refusals surface as errors. */
export async function sendTx(cmd: Command, type: string, body: unknown): Promise<SubmitResult> {
  const ctx = contextOf(cmd);
  const opts = cmd.opts<TxCommandOptions>();
  await checkBody(type, body);
  const key = ctx.key(opts.from);
  const result = await ctx.client().send(key, type, body, { wait: opts.wait });
  ctx.print(result, () => summary(type, result));
  return result;
}
