// SHA-256 that runs everywhere (browser and node). On the node's hot paths use hash-node.ts,
// which gives identical output through OpenSSL.
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { toHex, utf8 } from './bytes.ts';

/** SHA-256 of bytes, or of the UTF-8 encoding of a string. */
export function sha256(data: Uint8Array | string): Uint8Array {
  return nobleSha256(typeof data === 'string' ? utf8(data) : data);
}

export function sha256Hex(data: Uint8Array | string): string {
  return toHex(sha256(data));
}
