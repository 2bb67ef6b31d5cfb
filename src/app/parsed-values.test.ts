// Shared parsed state values: what a reader gets must be exactly what JSON.parse gives, and no
// reader may change it for the next one.
import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deep-freeze.ts';
import { parseStateValue } from './parsed-values.ts';

describe('parseStateValue', () => {
  it('gives the parsed value, the same object for equal texts, deeply frozen', () => {
    const text = '{"a":{"b":[1,{"c":"d"}]},"n":"12"}';
    const first = parseStateValue<{ a: { b: [number, { c: string }] }; n: string }>(text);
    expect(first).toEqual(JSON.parse(text));
    // An equal text that is another string object still finds the parsed value.
    const again = parseStateValue(`${text.slice(0, 5)}${text.slice(5)}`);
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.a.b[1])).toBe(true);
    expect(() => {
      (first as { n: string }).n = '13';
    }).toThrow(TypeError);
    expect(() => (first.a.b as unknown as number[]).push(2)).toThrow(TypeError);
    expect(parseStateValue<{ n: string }>(text).n).toBe('12');
  });

  it('gives different texts their own values, and parses very long texts every time', () => {
    expect(parseStateValue('{"x":1}')).not.toBe(parseStateValue('{"x":2}'));
    const long = JSON.stringify({ s: 'y'.repeat(20_000) });
    const a = parseStateValue(long);
    const b = parseStateValue(long);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('handles JSON null and primitives', () => {
    expect(parseStateValue('null')).toBeNull();
    expect(parseStateValue('"s"')).toBe('s');
    expect(parseStateValue('7')).toBe(7);
  });
});

describe('deepFreeze', () => {
  it('freezes nested objects and arrays and returns the same value', () => {
    const v = { a: [{ b: 1 }], c: { d: { e: 'f' } } };
    expect(deepFreeze(v)).toBe(v);
    expect(Object.isFrozen(v.a[0])).toBe(true);
    expect(Object.isFrozen(v.c.d)).toBe(true);
  });
});
