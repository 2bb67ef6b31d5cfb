// Deadlines on the command line: an RFC 3339 time, or a duration from now such as 10m, 2h, 3d or
// 1d12h. The ledger wants UTC with milliseconds, so every form is normalised to that.
import { UsageError } from './errors.ts';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DURATION = /^(\d+[smhdw])+$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

// Date.parse rolls 2026-02-30 over to March instead of refusing it.
function isRealDate(v: string): boolean {
  const [y, m, d] = v.slice(0, 10).split('-').map(Number) as [number, number, number];
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth;
}

export function parseDeadline(input: string, now: number = Date.now()): string {
  const v = input.trim();
  let at: number;
  if (DURATION.test(v)) {
    let ms = 0;
    for (const [, n, unit] of v.matchAll(/(\d+)([smhdw])/g)) ms += Number(n) * UNIT_MS[unit!]!;
    at = now + ms;
  } else if (RFC3339.test(v)) {
    if (!isRealDate(v)) throw new UsageError(`deadline "${input}" is not a real date`);
    at = Date.parse(v.replace(' ', 'T'));
  } else {
    throw new UsageError(
      `deadline "${input}" is neither an RFC 3339 time (2026-03-01T12:00:00Z) nor a duration like 10m, 2h or 3d`,
    );
  }
  if (!Number.isFinite(at)) throw new UsageError(`deadline "${input}" is not a real date`);
  if (at <= now) throw new UsageError(`deadline "${input}" is in the past`);
  return new Date(at).toISOString();
}
