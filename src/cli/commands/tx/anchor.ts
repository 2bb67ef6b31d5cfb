// tx anchor / tx anchor-file: proof that a document existed, without the document leaving this machine.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { sha256Arg } from '../../args.ts';
import { sendTx, txCommand } from './send.ts';

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function registerAnchorTx(tx: Command): void {
  txCommand(tx, 'anchor <sha256>', 'anchor a SHA-256 hash with a short label (anchor.create)')
    .requiredOption('--label <text>', 'short description of the document (at most 64 characters)')
    .action(async (hash: string, opts: { label: string }, cmd: Command) => {
      await sendTx(cmd, 'anchor.create', { hash: sha256Arg(hash), label: opts.label });
    });

  txCommand(tx, 'anchor-file <path>', 'hash a file locally and anchor its SHA-256 (the file is not sent)')
    .requiredOption('--label <text>', 'short description of the document (at most 64 characters)')
    .action(async (path: string, opts: { label: string }, cmd: Command) => {
      await sendTx(cmd, 'anchor.create', { hash: await sha256OfFile(path), label: opts.label });
    });
}
