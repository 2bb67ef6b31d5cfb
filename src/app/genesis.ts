// The genesis document: chain id, genesis time and each module's initial section. Module sections
// are validated by the modules themselves in initGenesis.
import { z } from 'zod';
import { chainIdSchema, timeSchema } from '../core/schemas.ts';
import type { Genesis } from './module.ts';

const genesisSchema = z.looseObject({ chainId: chainIdSchema, genesisTime: timeSchema });

export function checkGenesis(input: unknown): Genesis {
  const parsed = genesisSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'genesis'}: ${i.message}`);
    throw new Error(`invalid genesis: ${problems.join('; ')}`);
  }
  return parsed.data as Genesis;
}
