// Canonical JSON: the RFC 8785 examples, our refusal of non-deterministic values, and properties.
import canonicalizeModule from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from './bytes.ts';
import { CanonicalEncodingError, canonicalBytes, canonicalJson } from './canonical.ts';

// The npm `canonicalize` package (an independent RFC 8785 implementation) as a test oracle. It is
// CommonJS whose types declare a default export; at runtime the import is the function itself.
const referenceCanonicalize = canonicalizeModule as unknown as (v: unknown) => string;

function rejection(value: unknown): CanonicalEncodingError {
  try {
    canonicalJson(value);
  } catch (error) {
    expect(error).toBeInstanceOf(CanonicalEncodingError);
    return error as CanonicalEncodingError;
  }
  throw new Error(`expected ${String(value)} to be refused`);
}

/** IEEE 754 double from its 16 hex digits, as RFC 8785 Appendix B lists them. */
function ieee(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('RFC 8785 examples', () => {
  it('sorts properties by UTF-16 code units (section 3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // The RFC's resulting order: \r, 1, \u0080, \u00f6, \u20ac, \ud83d\ude00, \ufb33.
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('escapes strings as section 3.2.2.2 shows, and sorts the example object (section 3.2.2)', () => {
    // The RFC's input text, minus its "numbers" member (floats, which we refuse: see below).
    const input = JSON.parse(
      String.raw`{"string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/", "literals": [null, true, false]}`,
    );
    expect(canonicalJson(input)).toBe(
      String.raw`{"literals":[null,true,false],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('encodes to UTF-8 without escaping non-ASCII (section 3.2.4)', () => {
    expect(toHex(canonicalBytes({ '\u20ac': '\u00f6\ud83d\ude00' }))).toBe(
      '7b22e282ac223a22c3b6f09f9880227d',
    );
  });

  it('formats integers as ECMAScript does: Appendix B values within ±(2^53-1)', () => {
    expect(canonicalJson(ieee('0000000000000000'))).toBe('0');
    expect(canonicalJson(ieee('8000000000000000'))).toBe('0'); // minus zero
    expect(canonicalJson(ieee('433fffffffffffff'))).toBe('9007199254740991');
    expect(canonicalJson(ieee('c33fffffffffffff'))).toBe('-9007199254740991');
    expect(canonicalJson([1, -1, 100, 1_000_000_000_000_000])).toBe('[1,-1,100,1000000000000000]');
  });

  it('refuses the Appendix B values that are floats or integers beyond 2^53-1', () => {
    // 5e-324, 0.000001, 333333333.3333333, -0.0000033333333333333333
    const floats = ['0000000000000001', '3eb0c6f7a0b5ed8d', '41b3de4355555555', 'becbf647612f3696'];
    for (const hex of floats) expect(rejection(ieee(hex)).message).toMatch(/non-integer/);
    // 2^53, 295147905179352830000, 1e+21, 1e+23, 1.7976931348623157e+308 (all integral doubles)
    const bigIntegers = [
      '4340000000000000',
      '4430000000000000',
      '444b1ae4d6e2ef50',
      '44b52d02c7e14af6',
      '7fefffffffffffff',
    ];
    for (const hex of bigIntegers) expect(rejection(ieee(hex)).message).toMatch(/outside ±\(2\^53-1\)/);
  });

  it('refuses the RFC section 3.2.2 example because of its floats, naming the first one', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "literals": []}',
    );
    const error = rejection(input);
    expect(error.path).toBe('$.numbers[0]');
    expect(error.message).toContain('333333333.3333333');
  });
});

describe('refusing non-deterministic values', () => {
  class Money {
    cents = 1;
  }
  const cases: [string, unknown, string, RegExp][] = [
    ['a float', { amount: [1, 2.5] }, '$.amount[1]', /non-integer number 2.5/],
    ['NaN', { a: Number.NaN }, '$.a', /NaN/],
    ['Infinity', [Number.POSITIVE_INFINITY], '$[0]', /Infinity/],
    ['-Infinity', [Number.NEGATIVE_INFINITY], '$[0]', /-Infinity/],
    ['2^53', { n: 2 ** 53 }, '$.n', /outside/],
    ['-(2^53)', { n: -(2 ** 53) }, '$.n', /outside/],
    ['a bigint', { n: 10n }, '$.n', /bigint/],
    ['undefined in an array', [1, undefined], '$[1]', /undefined/],
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of this case
    ['a hole in an array', [1, , 3], '$[1]', /undefined/],
    ['undefined at the top', undefined, '$', /undefined/],
    ['a function', { f: () => 1 }, '$.f', /function/],
    ['a symbol', { s: Symbol('x') }, '$.s', /symbol/],
    ['a symbol key', { [Symbol('x')]: 1 }, '$', /symbol-keyed/],
    ['a Date', { at: new Date(0) }, '$.at', /Date is not a plain object/],
    ['a Map', { m: new Map() }, '$.m', /Map/],
    ['a Set', [new Set()], '$[0]', /Set/],
    ['a class instance', { price: new Money() }, '$.price', /Money/],
    ['a Uint8Array', { b: new Uint8Array(1) }, '$.b', /Uint8Array/],
    ['a custom prototype', Object.create({ inherited: 1 }), '$', /not a plain object/],
    ['a boxed string', { s: new String('x') }, '$.s', /String/],
    ['a lone high surrogate', { s: 'ok\ud800' }, '$.s', /lone surrogate/],
    ['a lone low surrogate', ['\udc00ok'], '$[0]', /lone surrogate/],
    ['reversed surrogates', ['\ude00\ud83d'], '$[0]', /lone surrogate/],
    ['a lone surrogate in a key', { 'k\ud800': 1 }, '$["k\\ud800"]', /property name/],
    ['a deep non-identifier path', { 'a b': [{ c: 0.5 }] }, '$["a b"][0].c', /non-integer/],
  ];

  it.each(cases)('refuses %s, with the JSON path', (_name, value, path, problem) => {
    const error = rejection(value);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(problem);
    expect(error.message).toContain(path);
  });

  it('refuses a circular structure instead of overflowing the stack', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = { back: a };
    expect(rejection(a).path).toBe('$.self.back');
  });

  it('accepts the same object twice when it is shared, not circular', () => {
    const shared = { v: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"v":1},"b":[{"v":1}]}');
  });

  it('accepts null-prototype objects and leaves out undefined properties, as JSON does', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.b = 1;
    bare.a = undefined;
    expect(canonicalJson(bare)).toBe('{"b":1}');
    expect(canonicalJson({ a: undefined })).toBe(canonicalJson({}));
  });

  it('keeps a "__proto__" key parsed from JSON as data', () => {
    expect(canonicalJson(JSON.parse('{"z":1,"__proto__":{"a":2}}'))).toBe('{"__proto__":{"a":2},"z":1}');
  });
});

// Values canonicalJson accepts: null, booleans, safe integers, well-formed strings, arrays, objects.
const { jsonValue } = fc.letrec((tie) => ({
  jsonValue: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.maxSafeInteger(),
    fc.string({ unit: 'binary' }),
    fc.array(tie('jsonValue'), { maxLength: 5 }),
    fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), tie('jsonValue'), { maxKeys: 6 }),
  ),
}));

/** The same value with every object's properties inserted in a shuffled order. */
function reorder(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((item, i) => reorder(item, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  let state = seed >>> 0;
  for (let i = entries.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries.map(([k, v], i) => [k, reorder(v, seed * 31 + i)]));
}

describe('properties', () => {
  it('the insertion order of properties does not change the output', () => {
    fc.assert(
      fc.property(jsonValue, fc.integer(), (value, seed) => {
        expect(canonicalJson(reorder(value, seed))).toBe(canonicalJson(value));
      }),
      { numRuns: 500 },
    );
  });

  it('sorts integer-like keys as strings, though JS objects list them first in numeric order', () => {
    const value = { b: 1, '10': 2, '9': [{ z: 0, '2': 0, '1': 0 }], a: { y: 1, x: 2 }, '!': 0 };
    expect(canonicalJson(value)).toBe(referenceCanonicalize(value));
    expect(canonicalJson(value)).toBe('{"!":0,"10":2,"9":[{"1":0,"2":0,"z":0}],"a":{"x":2,"y":1},"b":1}');
  });

  it('agrees with an independent RFC 8785 implementation, whether or not keys arrive sorted', () => {
    // Sorted input takes the native JSON.stringify path, shuffled input the sorting encoder.
    fc.assert(
      fc.property(jsonValue, fc.integer(), (value, seed) => {
        const sorted = JSON.parse(referenceCanonicalize(value)) as unknown;
        expect(canonicalJson(sorted)).toBe(referenceCanonicalize(value));
        expect(canonicalJson(reorder(value, seed))).toBe(referenceCanonicalize(value));
      }),
      { numRuns: 500 },
    );
  });

  it('parsing the output and canonicalising again gives the same string', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        const canonical = canonicalJson(value);
        expect(canonicalJson(JSON.parse(canonical))).toBe(canonical);
        expect(JSON.parse(canonical)).toEqual(value);
      }),
      { numRuns: 500 },
    );
  });

  it('property names come out sorted by UTF-16 code units', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary', maxLength: 4 }), fc.constant(0)), (object) => {
        const keys = Object.keys(JSON.parse(canonicalJson(object)) as object);
        // Integer-like keys enumerate first in JS objects, so compare against the raw text order.
        const textOrder = [...canonicalJson(object).matchAll(/"((?:[^"\\]|\\.)*)":0/g)].map(
          (m) => JSON.parse(`"${m[1]}"`) as string,
        );
        expect(textOrder).toEqual([...keys].sort());
      }),
    );
  });

  it('any float or unsafe integer anywhere is refused with its path', () => {
    const bad = fc.oneof(
      fc.double().filter((n) => !Number.isSafeInteger(n)),
      fc.constantFrom(2 ** 53, -(2 ** 53), 1e21),
    );
    fc.assert(
      fc.property(jsonValue, bad, fc.string({ unit: 'binary', maxLength: 4 }), (value, n, key) => {
        const error = rejection({ value, nested: [{ [key]: n }] });
        expect(error.path.startsWith('$.nested[0]')).toBe(true);
      }),
    );
  });

  it('any string with a lone surrogate is refused', () => {
    const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii' }),
        surrogate,
        fc.string({ unit: 'grapheme-ascii' }),
        (a, s, b) => {
          expect(rejection([`${a}${s}${b}`]).path).toBe('$[0]');
        },
      ),
    );
  });

  it('writes exactly what the independent canonicalize package writes, for any deterministic value', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        expect(canonicalJson(value)).toBe(referenceCanonicalize(value));
      }),
      { numRuns: 500 },
    );
  });
});
