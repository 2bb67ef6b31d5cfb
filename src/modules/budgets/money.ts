// Money is integer euro cents: BigInt in handlers, decimal strings in state and on the wire.
// Never a float, so every node computes exactly the same amounts.

export type Cents = bigint;

export const cents = (s: string | undefined): Cents => (s === undefined ? 0n : BigInt(s));
export const str = (c: Cents): string => c.toString();

export function minCents(a: Cents, b: Cents): Cents {
  return a < b ? a : b;
}

/** "1234" -> "12.34", "-5" -> "-0.05": euros with a decimal point, as banks and bookkeeping want. */
export function euro(c: Cents | string): string {
  const v = typeof c === 'string' ? BigInt(c) : c;
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const whole = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${whole}.${frac}`;
}

/** "€ 12,34" for sentences people read (Dutch notation). */
export function euroText(c: Cents | string): string {
  return `€ ${euro(c).replace('.', ',')}`;
}
