// Ed25519 for the web app (and any runtime without node:crypto) on @noble/curves. Accepts exactly
// the signatures ed25519-node.ts accepts:
// - checkStrictEd25519 first, the rule set shared with the node;
// - noble with zip215: false (RFC 8032 decoding);
// - then the cofactorless equation [S]B - [k]A == R, byte for byte, as OpenSSL checks it.
//   noble checks only the cofactored equation [8]([S]B - R - [k]A) == 0, which also accepts
//   keys or R values with a small-order component that OpenSSL rejects (see the tests).
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE } from '@noble/curves/utils.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, equalBytes, fromHex, isLowerHex, toHex } from './bytes.ts';
import { checkStrictEd25519 } from './ed25519-rules.ts';

const { Point } = ed25519;

function seedBytes(privateKeyHex: string): Uint8Array {
  if (!isLowerHex(privateKeyHex, 32)) throw new Error('private key must be a 32-byte seed in lowercase hex');
  return fromHex(privateKeyHex);
}

// OpenSSL's check: recompute R from S, k and A and compare encodings. Inputs already passed the
// strict rules, so S < L and A, R are canonical.
function cofactorlessEquationHolds(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  const r = signature.subarray(0, 32);
  const s = bytesToNumberLE(signature.subarray(32));
  const k = Point.Fn.create(bytesToNumberLE(sha512(concatBytes(r, publicKey, message))));
  const a = Point.fromBytes(publicKey, false);
  const expectedR = Point.BASE.multiplyUnsafe(s).subtract(a.multiplyUnsafe(k));
  return equalBytes(expectedR.toBytes(), r);
}

/** A fresh key pair, both halves lowercase hex; privateKey is the 32-byte seed of RFC 8032. */
export function generateKeyPair(): { publicKey: string; privateKey: string } {
  const privateKey = toHex(crypto.getRandomValues(new Uint8Array(32)));
  return { publicKey: publicKeyFromPrivate(privateKey), privateKey };
}

/** Public key (hex) of a 32-byte seed (hex). Throws when the seed is not 64 lowercase hex digits. */
export function publicKeyFromPrivate(privateKeyHex: string): string {
  return toHex(ed25519.getPublicKey(seedBytes(privateKeyHex)));
}

/** RFC 8032 Ed25519 signature (hex) of `message`. Throws when the seed is not 64 lowercase hex digits. */
export function sign(privateKeyHex: string, message: Uint8Array): string {
  return toHex(ed25519.sign(message, seedBytes(privateKeyHex)));
}

/**
 * True only for a valid signature that also passes the shared strict rules. Never throws: any
 * malformed input (wrong length, uppercase or non-hex, non-bytes message) gives false.
 */
export function verify(publicKeyHex: string, message: Uint8Array, signatureHex: string): boolean {
  try {
    if (!isLowerHex(publicKeyHex, 32) || !isLowerHex(signatureHex, 64)) return false;
    if (!(message instanceof Uint8Array)) return false;
    const publicKey = fromHex(publicKeyHex);
    const signature = fromHex(signatureHex);
    if (checkStrictEd25519(publicKey, signature) !== null) return false;
    if (!ed25519.verify(signature, message, publicKey, { zip215: false })) return false;
    return cofactorlessEquationHolds(publicKey, message, signature);
  } catch {
    return false;
  }
}
