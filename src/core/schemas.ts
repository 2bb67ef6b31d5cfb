// Field schemas shared by modules, the API and the CLI, so a value is judged the same everywhere.
import { z } from 'zod';

export const hex32Schema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be 32 bytes in lowercase hex (64 characters)');
export const pubKeySchema = hex32Schema.describe('Ed25519 public key, lowercase hex');
export const sha256Schema = hex32Schema.describe('SHA-256 hash, lowercase hex');
export const chainIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes');
export const timeSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
    'must be an RFC 3339 UTC time with milliseconds, e.g. 2026-01-31T12:00:00.000Z',
  );
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31');
/** Euro cents as a decimal string (BigInt in state), at most 10^15 cents. */
export const centsSchema = z
  .string()
  .regex(/^(0|[1-9]\d{0,14})$/, 'must be a whole number of euro cents, as a string');
export const positiveCentsSchema = centsSchema.refine((s) => s !== '0', 'must be more than 0 cents');
/** Ids chosen by the submitter: short, ASCII, safe in state keys and URLs. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1-64 lowercase letters, digits, "-" or "_"');
const hasControlCharacter = (s: string) =>
  [...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
export const labelSchema = z
  .string()
  .min(1)
  .max(120)
  .refine((s) => !hasControlCharacter(s), 'must not contain control characters');

/**
 * OIN: Organisatie-identificatienummer, 20 digits. Issued numbers start with seven zeros and a
 * prefix digit (1 = RSIN-based, 3 = KvK-based, 4 = assigned by Logius, ...), so we require
 * that shape and a non-zero number after the prefix.
 */
export const oinSchema = z
  .string()
  .regex(/^0{7}[1-9]\d{12}$/, 'must be an OIN: 20 digits, starting with 0000000 and a prefix digit 1-9')
  .refine((s) => /[1-9]/.test(s.slice(8)), 'must have a non-zero number after the prefix');

export function isOin(s: string): boolean {
  return oinSchema.safeParse(s).success;
}
