// Byte helpers shared by the node and the browser: plain TypeScript, no Buffer in the API.

const HEX_DIGITS = '0123456789abcdef';
const BYTE_TO_HEX: string[] = Array.from(
  { length: 256 },
  (_, i) => HEX_DIGITS[i >> 4]! + HEX_DIGITS[i & 15]!,
);
const LOWER_HEX = /^[0-9a-f]*$/;
const encoder = new TextEncoder();

/** Lowercase hex, two digits a byte. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += BYTE_TO_HEX[bytes[i]!];
  return out;
}

// Returns -1 for anything that is not a hex digit, so one check covers every bad character.
function nibble(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 97 && code <= 102) return code - 87; // a-f
  if (code >= 65 && code <= 70) return code - 55; // A-F
  return -1;
}

/** Decodes hex (either case). Throws on odd length or a non-hex character, naming the problem. */
export function fromHex(hex: string): Uint8Array {
  if (typeof hex !== 'string') throw new TypeError(`fromHex: expected a string, got ${typeof hex}`);
  if (hex.length % 2 !== 0) throw new Error(`fromHex: odd length ${hex.length}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = nibble(hex.charCodeAt(2 * i));
    const lo = nibble(hex.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) {
      const at = hi < 0 ? 2 * i : 2 * i + 1;
      throw new Error(`fromHex: non-hex character ${JSON.stringify(hex[at])} at index ${at}`);
    }
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/**
 * True when `s` is lowercase hex of exactly `byteLength` bytes. Signed data accepts only this one
 * spelling, so the same key or signature cannot appear under two encodings.
 */
export function isLowerHex(s: unknown, byteLength: number): s is string {
  return typeof s === 'string' && s.length === 2 * byteLength && LOWER_HEX.test(s);
}

/** UTF-8 encoding (lone surrogates become U+FFFD, as in TextEncoder and node:crypto). */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Byte equality. Not constant-time: meant for public data (hashes, keys), never for secrets. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
