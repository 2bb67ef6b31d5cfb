import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsBsnLikeNumber, passesElfproef, subjectSchema } from './no-personal-data.ts';

const reasons = (v: unknown) => {
  const r = subjectSchema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('recognising a BSN', () => {
  it('applies the 11-proef', () => {
    expect(passesElfproef('111222333')).toBe(true);
    expect(passesElfproef('123456782')).toBe(true);
    expect(passesElfproef('123456789')).toBe(false);
    expect(passesElfproef('000000000')).toBe(false);
  });

  it('finds a BSN-like number inside text, with or without separators, but not inside longer numbers', () => {
    expect(containsBsnLikeNumber('bsn 111.222.333')).toBe(true);
    expect(containsBsnLikeNumber('111 22 2333')).toBe(true);
    expect(containsBsnLikeNumber('00000004999999000001')).toBe(false);
    expect(containsBsnLikeNumber('kamer 12')).toBe(false);
  });

  it('finds every 9-digit number that passes the 11-proef', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000_000, max: 999_999_999 }), (n) => {
        expect(containsBsnLikeNumber(`nummer ${n}`)).toBe(passesElfproef(String(n)));
      }),
    );
  });
});

describe('the subject of a case', () => {
  it('is a pseudonymous key or a salted reference hash', () => {
    expect(reasons({ kind: 'pseudonym', pubKey: 'a'.repeat(64) })).toEqual([]);
    expect(reasons({ kind: 'reference', hash: 'b'.repeat(64) })).toEqual([]);
  });

  it('is never a BSN or a name, and the refusal says what to send instead', () => {
    expect(reasons({ kind: 'reference', hash: '111222333' })[0]).toMatch(/looks like a BSN.*salted hash/);
    expect(reasons({ kind: 'pseudonym', pubKey: 'Jan Fictief' })[0]).toMatch(/not free text/);
    expect(reasons({ kind: 'reference', hash: 'ABC' })[0]).toMatch(/64 lowercase hex/);
    expect(reasons({ kind: 'bsn', number: '111222333' })).not.toEqual([]);
  });
});
