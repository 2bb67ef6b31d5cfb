// Guards at the ledger's door. Where the cases module expects a hash or a key, a caller could
// paste a BSN or a name by mistake; the ledger never forgets, so such values are refused with a
// reason that says what to send instead.
import { z } from 'zod';

const HEX64 = /^[0-9a-f]{64}$/;

/** The "11-proef" of a BSN: 9 digits (8-digit numbers get a leading zero), weights 9..2 and -1. */
export function passesElfproef(digits: string): boolean {
  const d = digits.padStart(9, '0');
  if (!/^\d{9}$/.test(d) || /^0+$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(d[i]);
  sum -= Number(d[8]);
  return sum % 11 === 0;
}

/**
 * True when `s` contains a number that could be a BSN: a run of 8 or 9 digits (separators such as
 * spaces, dots or dashes ignored) that passes the 11-proef. Longer digit runs (OINs, KvK+branch)
 * are not BSNs.
 */
export function containsBsnLikeNumber(s: string): boolean {
  const compact = s.replace(/(?<=\d)[\s.-](?=\d)/g, '');
  for (const m of compact.matchAll(/(?<!\d)\d{8,9}(?!\d)/g)) if (passesElfproef(m[0])) return true;
  return false;
}

const BSN_REASON =
  'looks like a BSN: a BSN must never be written to the ledger. Keep it at the source and send a salted hash (HMAC-SHA-256 with your organisation’s secret salt) instead';

/**
 * A 32-byte value in lowercase hex (a salted SHA-256 hash or an Ed25519 public key). Anything else
 * is refused; a BSN-like number and free text get their own reason.
 */
export function opaqueHexSchema(what: string) {
  return z.string().superRefine((s, ctx) => {
    if (HEX64.test(s)) return;
    let message = `must be ${what}: 64 lowercase hex characters`;
    if (containsBsnLikeNumber(s)) message = BSN_REASON;
    else if (/[g-zA-Z\s]/.test(s))
      message = `must be ${what} (64 lowercase hex characters), not free text: names and other personal data stay off the ledger`;
    ctx.addIssue({ code: 'custom', message });
  });
}

export const ledgerHashSchema = opaqueHexSchema('a salted SHA-256 hash').describe(
  'Salted SHA-256 hash, lowercase hex (never a BSN or other personal data)',
);
export const residentKeySchema = opaqueHexSchema('a pseudonymous Ed25519 public key').describe(
  'Pseudonymous Ed25519 public key of the resident, lowercase hex',
);

export const subjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pseudonym'), pubKey: residentKeySchema }),
  z.strictObject({
    kind: z.literal('reference'),
    hash: opaqueHexSchema('a salted reference hash').describe(
      'HMAC-SHA-256 of the source registration with the opening organisation’s secret salt, lowercase hex',
    ),
  }),
]);

export type Subject = z.output<typeof subjectSchema>;

/** A key fragment that identifies the subject within one process (for the duplicate check). */
export function subjectKey(s: Subject): string {
  return s.kind === 'pseudonym' ? `p-${s.pubKey}` : `r-${s.hash}`;
}
