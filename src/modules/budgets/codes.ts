// Activation codes (pre-validations and bearer vouchers) reach the ledger only as hashes. The
// function is pure and browser-safe, so a validator, a sponsor's back office and a resident's app
// all compute the same hash. Dashes are presentation only: ABCD-EFGH and ABCDEFGH are one code.
import { sha256Hex } from '../../core/hash.ts';

const DOMAIN = 'ketenboek/budgets/activation-code/v1\n';

export function normaliseCode(code: string): string {
  return code.trim().toUpperCase().replaceAll('-', '').replaceAll(' ', '');
}

export function activationCodeHash(code: string): string {
  return sha256Hex(DOMAIN + normaliseCode(code));
}

// Crockford-like alphabet without look-alikes (no I, L, O, U, 0, 1).
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

/** A random code such as "K7QX-M3PA-W9TD" (60 bits); for tests, demos and back offices, never state. */
export function randomActivationCode(random: (n: number) => Uint8Array, groups = 3): string {
  const bytes = random(groups * 4);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]!);
  const out: string[] = [];
  for (let g = 0; g < groups; g++) out.push(chars.slice(g * 4, g * 4 + 4).join(''));
  return out.join('-');
}
