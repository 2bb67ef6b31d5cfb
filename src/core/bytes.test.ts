import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, equalBytes, fromHex, isLowerHex, toHex, utf8 } from './bytes.ts';

describe('hex', () => {
  it('encodes lowercase, two digits a byte', () => {
    expect(toHex(new Uint8Array([0, 1, 0xab, 0xff]))).toBe('0001abff');
    expect(toHex(new Uint8Array())).toBe('');
  });

  it('round-trips any bytes, and decodes either case', () => {
    fc.assert(
      fc.property(fc.uint8Array(), (bytes) => {
        expect(fromHex(toHex(bytes))).toEqual(bytes);
        expect(fromHex(toHex(bytes).toUpperCase())).toEqual(bytes);
      }),
    );
  });

  it('throws on odd length, naming it', () => {
    expect(() => fromHex('abc')).toThrow(/odd length 3/);
  });

  it('throws on a non-hex character, naming it and its index', () => {
    expect(() => fromHex('00zz')).toThrow(/non-hex character "z" at index 2/);
    expect(() => fromHex('0g')).toThrow(/non-hex character "g" at index 1/);
    expect(() => fromHex(' 0')).toThrow(/index 0/);
    expect(() => fromHex('0x00')).toThrow(/"x" at index 1/);
  });

  it('isLowerHex accepts only lowercase hex of the exact byte length', () => {
    expect(isLowerHex('00ff', 2)).toBe(true);
    expect(isLowerHex('00FF', 2)).toBe(false);
    expect(isLowerHex('00ff', 3)).toBe(false);
    expect(isLowerHex('00fg', 2)).toBe(false);
    expect(isLowerHex(255, 1)).toBe(false);
  });
});

describe('utf8, concatBytes, equalBytes', () => {
  it('encodes UTF-8', () => {
    expect(toHex(utf8('a\u20ac\ud83d\ude00'))).toBe('61e282acf09f9880');
  });

  it('concatenates in order', () => {
    expect(concatBytes(new Uint8Array([1]), new Uint8Array(), new Uint8Array([2, 3]))).toEqual(
      new Uint8Array([1, 2, 3]),
    );
    expect(concatBytes()).toEqual(new Uint8Array());
  });

  it('compares bytes by value and length', () => {
    expect(equalBytes(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(equalBytes(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(equalBytes(new Uint8Array([1]), new Uint8Array([1, 0]))).toBe(false);
  });
});
