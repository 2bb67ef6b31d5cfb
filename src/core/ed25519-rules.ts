// The one Ed25519 acceptance rule set of the network, checked before any curve arithmetic.
// OpenSSL (node) and @noble/curves (browser) differ on inputs RFC 8032 leaves open or that
// libraries treat leniently; a crafted signature accepted by one and refused by the other would
// split the network. Rejecting those inputs up front, identically everywhere, removes the gap.
// The rules cannot see points with a hidden small-order component (A = aB + T); for those the
// verification equation decides, so every implementation must check the cofactorless equation
// [S]B = R + [k]A as OpenSSL does (ed25519-browser.ts adds it on top of noble's cofactored check).
// Plain TypeScript, no node:crypto and no curve library: this file runs on the node and in the browser.
import { fromHex } from './bytes.ts';

/** Group order L = 2^252 + 27742317777372353535851937790883648493. */
export const ED25519_GROUP_ORDER = 2n ** 252n + 27742317777372353535851937790883648493n;
/** Field prime p = 2^255 - 19. */
export const ED25519_FIELD_PRIME = 2n ** 255n - 19n;

function littleEndian32(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((n >> BigInt(8 * i)) & 0xffn);
  return out;
}

function yOfEncoding(encodingHex: string): bigint {
  const bytes = fromHex(encodingHex);
  bytes[31]! &= 0x7f; // the top bit is the sign of x, not part of y
  let y = 0n;
  for (let i = 31; i >= 0; i--) y = (y << 8n) | BigInt(bytes[i]!);
  return y;
}

/**
 * y-coordinates of the eight small-order points (the torsion subgroup), whatever the sign bit:
 * 1 = identity (order 1), p-1 = order 2, 0 = the two order-4 points, and the two y values of
 * the four order-8 points, taken from libsodium's small-order blocklist encodings.
 */
export const SMALL_ORDER_Y: readonly bigint[] = Object.freeze([
  0n,
  1n,
  ED25519_FIELD_PRIME - 1n,
  yOfEncoding('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a'),
  yOfEncoding('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05'),
]);

const L_BYTES = littleEndian32(ED25519_GROUP_ORDER);
const P_BYTES = littleEndian32(ED25519_FIELD_PRIME);
const SMALL_ORDER_Y_BYTES = SMALL_ORDER_Y.map(littleEndian32);

// Compares the 32-byte little-endian number at bytes[offset..offset+32) with `limit`, optionally
// ignoring the top bit (the x sign bit of a point encoding). Byte-wise: no bigint on the hot path.
function compareLE(bytes: Uint8Array, offset: number, limit: Uint8Array, maskTopBit: boolean): number {
  for (let i = 31; i >= 0; i--) {
    let b = bytes[offset + i]!;
    if (i === 31 && maskTopBit) b &= 0x7f;
    const l = limit[i]!;
    if (b !== l) return b < l ? -1 : 1;
  }
  return 0;
}

function pointProblem(bytes: Uint8Array, offset: number, name: string): string | null {
  if (compareLE(bytes, offset, P_BYTES, true) >= 0)
    return `${name} is not a canonical point encoding (y >= p)`;
  for (const y of SMALL_ORDER_Y_BYTES) {
    if (compareLE(bytes, offset, y, true) === 0) return `${name} is a small-order point`;
  }
  return null;
}

/** Returns why a public key breaks the strict rules (length, canonical, small order), or null. */
export function checkStrictPublicKey(publicKey: Uint8Array): string | null {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) return 'public key must be 32 bytes';
  return pointProblem(publicKey, 0, 'public key A');
}

/**
 * Returns why (publicKey, signature) breaks the network's strict RFC 8032 rules, or null if it
 * passes them. Passing does not mean the signature is valid: it still has to verify.
 * Rules: 32-byte key, 64-byte signature; S < L; A and R canonically encoded (y < p);
 * A and R not of small order.
 */
export function checkStrictEd25519(publicKey: Uint8Array, signature: Uint8Array): string | null {
  const keyProblem = checkStrictPublicKey(publicKey);
  if (keyProblem !== null) return keyProblem;
  if (!(signature instanceof Uint8Array) || signature.length !== 64) return 'signature must be 64 bytes';
  if (compareLE(signature, 32, L_BYTES, false) >= 0) return 'signature S is not below the group order L';
  return pointProblem(signature, 0, 'signature R');
}
