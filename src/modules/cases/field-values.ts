// Field values are typed by the process definition. Types are narrow on purpose: an amount, a
// small count, a date, a hash or a code from a list leave no room for a name or a BSN.
import { z } from 'zod';
import { centsSchema, dateSchema } from '../../core/schemas.ts';
import { ledgerHashSchema } from './no-personal-data.ts';
import type { FieldDef } from './process-schema.ts';

// Counts stay below a million, so a 9-digit BSN cannot pass as a count.
const countSchema = z.string().regex(/^(0|[1-9]\d{0,5})$/, 'must be a whole number from 0 to 999999');

/** Why `value` is not valid for `field`, or undefined when it is. */
export function fieldValueProblem(field: FieldDef, value: string): string | undefined {
  if (field.type === 'code') {
    return field.values?.includes(value) ? undefined : `must be one of ${field.values?.join(', ')}`;
  }
  const schema = { cents: centsSchema, count: countSchema, date: dateSchema, hash: ledgerHashSchema }[
    field.type
  ];
  const r = schema.safeParse(value);
  return r.success ? undefined : r.error.issues.map((i) => i.message).join('; ');
}
