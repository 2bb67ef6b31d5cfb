// Node-only SHA-256 through OpenSSL: same results as hash.ts, several times faster on small inputs.
import { hash } from 'node:crypto';

/** SHA-256 of bytes, or of the UTF-8 encoding of a string. */
export function sha256(data: Uint8Array | string): Uint8Array {
  // A binary (latin1) digest string decoded by hand is markedly cheaper than a Buffer digest for the
  // millions of 65-byte inputs the Merkle tree hashes, and yields a plain Uint8Array.
  const digest = hash('sha256', data, 'binary');
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = digest.charCodeAt(i);
  return out;
}

export function sha256Hex(data: Uint8Array | string): string {
  return hash('sha256', data, 'hex');
}
