// Node-only SHA-256 through OpenSSL: same results as hash.ts, several times faster on small inputs.
import { hash } from 'node:crypto';

/** SHA-256 of bytes, or of the UTF-8 encoding of a string. */
export function sha256(data: Uint8Array | string): Uint8Array {
  const digest = hash('sha256', data, 'buffer');
  // A plain Uint8Array view, so callers never depend on Buffer behaviour (e.g. its toString).
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
}

export function sha256Hex(data: Uint8Array | string): string {
  return hash('sha256', data, 'hex');
}
