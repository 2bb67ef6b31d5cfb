// The units a care contract can be agreed in, as the module defines them (CARE_UNITS in
// src/modules/budgets/schemas.ts); repeated here as a type-checked list so the bundle does not pull
// in the module's schemas.
import type { CARE_UNITS } from '../../../../src/modules/budgets/schemas.ts';

export type CareUnit = (typeof CARE_UNITS)[number];
export const CARE_UNIT_LIST = [
  'hour',
  'quarter_hour',
  'day',
  'part_of_day',
  'visit',
  'week',
] as const satisfies readonly CareUnit[];

/** "2026-03" for the month a date or instant falls in (UTC, as the ledger counts months). */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** Every month from `from` to `to` ("YYYY-MM"), newest first. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 240; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to) break;
    out.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out.reverse();
}

/** "maart 2026" / "March 2026". */
export function monthLabel(lang: 'nl' | 'en', month: string): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-15T12:00:00Z`));
}

/** The earlier of two months "YYYY-MM" (they compare as text). */
export function earlierMonth(a: string, b: string): string {
  return a < b ? a : b;
}
