// A body is validated once per tx object: the second run (the block) gets the first answer, and
// neither run can change the data the other sees.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineMessage } from './module.ts';
import { validateBody } from './valid-bodies.ts';

let runs = 0;
const schema = z
  .object({ amountCents: z.string().regex(/^\d+$/), tags: z.array(z.string()) })
  .strict()
  .superRefine(() => {
    runs++;
  });
const msg = defineMessage({ type: 'test.pay', schema, summary: 'test', handle() {} });
const other = defineMessage({ type: 'test.other', schema, summary: 'test', handle() {} });

describe('validateBody', () => {
  it('validates a body object once per message and freezes the data', () => {
    const body = { amountCents: '100', tags: ['a'] };
    const before = runs;
    const first = validateBody(msg, body);
    const second = validateBody(msg, body);
    expect(first.success).toBe(true);
    expect(second).toBe(first);
    expect(runs - before).toBe(1);
    if (!first.success) throw new Error('unreachable');
    const data = first.data as { tags: string[] };
    expect(Object.isFrozen(data)).toBe(true);
    expect(Object.isFrozen(data.tags)).toBe(true);
    // Another message type validates again; an equal but different object too.
    validateBody(other, body);
    validateBody(msg, { amountCents: '100', tags: ['a'] });
    expect(runs - before).toBe(3);
  });

  it('keeps refusals with all their issues, and validates non-objects every time', () => {
    const bad = validateBody(msg, { amountCents: '1.5', tags: 'x' });
    expect(bad.success).toBe(false);
    if (bad.success) throw new Error('unreachable');
    expect(bad.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['amountCents', 'tags']);
    expect(validateBody(msg, null).success).toBe(false);
    expect(validateBody(msg, 'text').success).toBe(false);
  });
});
