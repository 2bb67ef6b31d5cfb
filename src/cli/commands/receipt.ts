// receipt get: fetch a tx's receipt from a node. receipt verify: check one offline, trusting
// nothing but the file (and, with --genesis, the chain id and validators of that genesis).
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { sha256Arg } from '../args.ts';
import { contextOf } from '../context.ts';
import { CliError } from '../errors.ts';

function readJson(path: string, what: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${path} is not a JSON ${what}: ${(e as Error).message}`);
  }
}

interface GenesisTrust {
  chainId: string;
  validators: Array<{ pubKey: string; power: number }>;
}

// The validators of the genesis: receipts signed later by validators added through governance
// do not verify against this set.
function trustFromGenesis(path: string): GenesisTrust {
  const g = readJson(path, 'genesis') as {
    chainId?: string;
    identity?: { organisations?: Array<{ validator?: { pubKey: string; power: number } }> };
  };
  if (typeof g.chainId !== 'string') throw new CliError(`${path} is not a Ketenboek genesis (no chainId)`);
  const validators = (g.identity?.organisations ?? []).flatMap((o) => (o.validator ? [o.validator] : []));
  return { chainId: g.chainId, validators };
}

export function registerReceiptCommands(program: Command): void {
  const receipt = program.command('receipt').description('proofs that a tx was committed, checkable offline');

  receipt
    .command('get <txhash>')
    .description('fetch the receipt of a committed tx from the node')
    .option('--out <file>', 'write the receipt to this file instead of stdout')
    .action(async (hash: string, o: { out?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const tx = await ctx.client().tx(sha256Arg(hash, 'tx hash'));
      if (!tx.receipt) throw new CliError(`the node returned no receipt for tx ${tx.hash}`);
      if (o.out === undefined) {
        // The receipt itself is the machine-readable answer, with or without --json.
        process.stdout.write(`${JSON.stringify(tx.receipt, null, 2)}\n`);
        return;
      }
      writeFileSync(o.out, `${JSON.stringify(tx.receipt, null, 2)}\n`);
      ctx.print({ file: o.out, txHash: tx.hash, height: tx.height }, () => [
        `receipt of tx ${tx.hash} (block ${tx.height}) written to ${o.out}`,
      ]);
    });

  receipt
    .command('verify <file>')
    .description('verify a receipt offline; exit 0 when valid, 1 when not')
    .option(
      '--genesis <file>',
      "trust only this genesis's chain id and validators (default: the receipt's own list)",
    )
    .action(async (file: string, o: { genesis?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const data = readJson(file, 'receipt');
      const trust = o.genesis ? trustFromGenesis(o.genesis) : undefined;
      const { verifyReceipt } = await import('../../core/receipt-verify.ts');
      const verdict = verifyReceipt(
        data,
        trust ? { chainId: trust.chainId, trustedValidators: trust.validators } : undefined,
      );
      ctx.print(verdict, () => [
        ...verdict.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.name}${c.ok ? '' : `: ${c.detail}`}`),
        verdict.valid ? 'receipt valid' : 'receipt NOT valid',
      ]);
      if (!verdict.valid) {
        const failed = verdict.checks.filter((c) => !c.ok).map((c) => `${c.name} (${c.detail})`);
        throw new CliError(`${file} is not a valid receipt: ${failed.join('; ')}`);
      }
    });
}
