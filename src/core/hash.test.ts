// SHA-256 in the browser-safe (noble) and node (OpenSSL) versions: known answers and agreement.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from './bytes.ts';
import * as universal from './hash.ts';
import * as node from './hash-node.ts';

// FIPS 180-2 appendix B examples and the empty string.
const KNOWN_ANSWERS: [string, string][] = [
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  ],
  ['a'.repeat(1_000_000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
];

describe.each([
  ['hash.ts (noble)', universal],
  ['hash-node.ts (node:crypto)', node],
])('%s', (_name, impl) => {
  it.each(KNOWN_ANSWERS.map(([input, digest]) => [input.slice(0, 20), input, digest]))(
    'hashes %j to the FIPS 180-2 digest',
    (_label, input, digest) => {
      expect(impl.sha256Hex(input)).toBe(digest);
      expect(impl.sha256Hex(utf8(input))).toBe(digest);
      expect(toHex(impl.sha256(input))).toBe(digest);
    },
  );

  it('returns a plain 32-byte Uint8Array, not a Buffer', () => {
    const digest = impl.sha256('abc');
    expect(Object.getPrototypeOf(digest)).toBe(Uint8Array.prototype);
    expect(digest.length).toBe(32);
  });

  it('hashes a string as its UTF-8 bytes', () => {
    expect(impl.sha256Hex('\u20ac')).toBe(impl.sha256Hex(new Uint8Array([0xe2, 0x82, 0xac])));
  });
});

describe('node and universal SHA-256 agree', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), (bytes) => {
        expect(node.sha256Hex(bytes)).toBe(universal.sha256Hex(bytes));
        expect(node.sha256(bytes)).toEqual(universal.sha256(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary strings, including lone surrogates (both encode them as U+FFFD)', () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: anyUnit })), (s) => {
        expect(node.sha256Hex(s)).toBe(universal.sha256Hex(s));
      }),
      { numRuns: 300 },
    );
  });

  it('on byte views into a larger buffer (only the viewed bytes are hashed)', () => {
    const backing = new Uint8Array(64).map((_, i) => i);
    const view = backing.subarray(10, 20);
    expect(node.sha256Hex(view)).toBe(universal.sha256Hex(view));
    expect(node.sha256Hex(view)).toBe(universal.sha256Hex(backing.slice(10, 20)));
  });
});
