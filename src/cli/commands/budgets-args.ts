// Argument conversions of the budgets commands: euros as people type them (12,50 or 12.50) to
// cents, keyring names to public keys, activation codes to their hash (the code never leaves this
// machine when it is registered), and files to their SHA-256 (receipts and time sheets stay here).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { activationCodeHash } from '../../modules/budgets/codes.ts';
import { oinArg, positiveIntArg, pubKeyOrKeyName } from '../args.ts';
import type { CliContext } from '../context.ts';
import { UsageError } from '../errors.ts';

/** "12,50", "12.5" or "12" euros → "1250" cents. */
export function euroArg(value: string, what: string): string {
  const m = /^(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(value.trim());
  if (!m) throw new UsageError(`${what} must be an amount in euros like 12,50, got "${value}"`);
  const cents = BigInt(m[1]!) * 100n + BigInt((m[2] ?? '0').padEnd(2, '0'));
  return cents.toString();
}

export type ArgKind =
  | 'text'
  | 'euro'
  | 'int'
  | 'key'
  | 'oin'
  | 'list'
  | 'code-hash'
  | 'file-hash'
  | 'date'
  | 'month'
  | 'time';

export async function convert(ctx: CliContext, kind: ArgKind, value: string, what: string): Promise<unknown> {
  switch (kind) {
    case 'text':
    case 'time':
      return value;
    case 'euro':
      return euroArg(value, what);
    case 'int':
      return positiveIntArg(value, what, 0);
    case 'key':
      return pubKeyOrKeyName(ctx, value);
    case 'oin':
      return oinArg(value);
    case 'list':
      return value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    case 'code-hash':
      return activationCodeHash(value);
    case 'file-hash':
      try {
        return createHash('sha256').update(readFileSync(value)).digest('hex');
      } catch (e) {
        throw new UsageError(`${what}: cannot read ${value}: ${(e as Error).message}`);
      }
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
        throw new UsageError(`${what} must be a date like 2026-01-31, got "${value}"`);
      return value;
    case 'month':
      if (!/^\d{4}-\d{2}$/.test(value))
        throw new UsageError(`${what} must be a month like 2026-03, got "${value}"`);
      return value;
  }
}
