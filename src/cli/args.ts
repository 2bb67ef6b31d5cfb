// Argument checks that run before anything is signed or sent, so a typo is a usage error (exit 2)
// with a reason, never a refusal from the node. The rules are the shared field schemas.
import type { z } from 'zod';
import { isLowerHex } from '../core/bytes.ts';
import type { CliContext } from './context.ts';
import { UsageError } from './errors.ts';

export function sha256Arg(value: string, what = 'hash'): string {
  const v = value.trim();
  if (!isLowerHex(v.toLowerCase(), 32)) {
    throw new UsageError(`${what} must be a SHA-256 hash: 64 hex characters, got "${value}"`);
  }
  return v.toLowerCase();
}

/** Async because the shared schemas load zod, which would slow down every command's start. */
export async function oinArg(value: string): Promise<string> {
  const { oinSchema } = await import('../core/schemas.ts');
  const r = oinSchema.safeParse(value);
  if (!r.success) throw new UsageError(`OIN "${value}" ${r.error.issues[0]?.message ?? 'is not valid'}`);
  return value;
}

export function positiveIntArg(value: string, what: string, min = 1): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) < min) {
    throw new UsageError(`${what} must be a whole number of at least ${min}, got "${value}"`);
  }
  return Number(value);
}

export function listArg(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A public key given as 64 hex characters, or the name of a key in the keyring. */
export function pubKeyOrKeyName(ctx: CliContext, value: string): string {
  if (isLowerHex(value.toLowerCase(), 32)) return value.toLowerCase();
  if (/^[a-z0-9][a-z0-9_-]{0,63}$/.test(value) && ctx.keyring().has(value))
    return ctx.keyring().get(value).publicKey;
  throw new UsageError(
    `"${value}" is neither a public key (64 hex characters) nor the name of a key in ${ctx.keyring().dir}`,
  );
}

/** Checks a value against a shared schema; every issue is named in the one-line reason. */
export function checkWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) =>
    i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message,
  );
  throw new UsageError(`invalid ${what}: ${issues.join('; ')}`);
}
