import { describe, expect, it } from 'vitest';
import { parseDeadline } from './deadline.ts';
import { UsageError } from './errors.ts';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');

describe('parseDeadline', () => {
  it('adds a duration to now and gives UTC with milliseconds', () => {
    expect(parseDeadline('10m', NOW)).toBe('2026-03-01T12:10:00.000Z');
    expect(parseDeadline('2h', NOW)).toBe('2026-03-01T14:00:00.000Z');
    expect(parseDeadline('3d', NOW)).toBe('2026-03-04T12:00:00.000Z');
    expect(parseDeadline('1d12h30s', NOW)).toBe('2026-03-03T00:00:30.000Z');
  });

  it('normalises RFC 3339 times with an offset or without milliseconds to UTC', () => {
    expect(parseDeadline('2026-03-02T09:00:00+01:00', NOW)).toBe('2026-03-02T08:00:00.000Z');
    expect(parseDeadline('2026-03-02T08:00:00.5Z', NOW)).toBe('2026-03-02T08:00:00.500Z');
  });

  it('refuses other spellings, impossible dates and the past as usage errors', () => {
    for (const bad of ['tomorrow', '10', '2026-03-02', '2026-03-02T08:00Z', '1y', '2026-02-30T00:00:00Z']) {
      expect(() => parseDeadline(bad, NOW), bad).toThrow(UsageError);
    }
    expect(() => parseDeadline('2026-03-01T11:59:59Z', NOW)).toThrow(/in the past/);
  });
});
