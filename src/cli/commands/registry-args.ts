// Argument helpers the registry commands share: holders, attributes, document hashes from files,
// and the trust a verifier pins from its own genesis.
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { oinArg, pubKeyOrKeyName, sha256Arg } from '../args.ts';
import type { CliContext } from '../context.ts';
import { CliError, UsageError } from '../errors.ts';

export type HolderArg = { kind: 'key'; pubKey: string } | { kind: 'organisation'; oin: string };

/** A holder: an OIN (20 digits) is an organisation; anything else a public key or keyring name. */
export async function holderArg(ctx: CliContext, value: string): Promise<HolderArg> {
  if (/^\d{20}$/.test(value)) return { kind: 'organisation', oin: await oinArg(value) };
  return { kind: 'key', pubKey: pubKeyOrKeyName(ctx, value) };
}

/** Repeatable `--attr name=value` options, collected into an attributes object. */
export function collectAttr(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq < 1) throw new UsageError(`--attr wants name=value, got "${value}"`);
  return { ...previous, [value.slice(0, eq)]: value.slice(eq + 1) };
}

export function dateArg(value: string, what: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`${what} must be a date like 2026-01-31, got "${value}"`);
  }
  return value;
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A document hash from --<name> <sha256> or --<name>-file <path> (hashed here; the file is not sent). */
export async function documentArg(
  hash: string | undefined,
  file: string | undefined,
  name: string,
): Promise<string | undefined> {
  if (hash !== undefined && file !== undefined)
    throw new UsageError(`give --${name} or --${name}-file, not both`);
  if (file !== undefined) return sha256OfFile(file);
  return hash === undefined ? undefined : sha256Arg(hash, `--${name}`);
}

export function readJsonFile(path: string, what: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${path} is not a JSON ${what}: ${(e as Error).message}`);
  }
}

export interface GenesisTrust {
  chainId: string;
  trustedValidators: Array<{ pubKey: string; power: number }>;
}

/** The chain id and validators of a genesis file: a proof must be signed by them. */
export function trustFromGenesis(path: string): GenesisTrust {
  const g = readJsonFile(path, 'genesis') as {
    chainId?: string;
    identity?: { organisations?: Array<{ validator?: { pubKey: string; power: number } }> };
  };
  if (typeof g.chainId !== 'string') throw new CliError(`${path} is not a Ketenboek genesis (no chainId)`);
  return {
    chainId: g.chainId,
    trustedValidators: (g.identity?.organisations ?? []).flatMap((o) => (o.validator ? [o.validator] : [])),
  };
}
