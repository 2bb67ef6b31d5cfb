// Schemas shared by several routes: request parameters (validated) and response shapes
// (documented in the OpenAPI document and checked against real answers in the tests).
import { z } from 'zod';
import { isOin, oinSchema, pubKeySchema, sha256Schema } from '../core/schemas.ts';

const HEX64 = /^[0-9a-f]{64}$/;

/** Page size of a collection: 1-100, default 20. */
export function limitQuery(fallback = 20) {
  return z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(fallback)
    .describe('Number of items per page (1-100)');
}

export const heightSchema = z.coerce
  .number({ error: 'must be a block height (a whole number from 1)' })
  .int('must be a block height (a whole number from 1)')
  .min(1, 'must be a block height (a whole number from 1)')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

export const participantSchema = z
  .string()
  .refine(
    (s) => HEX64.test(s) || isOin(s),
    'must be an account (Ed25519 public key, 64 lowercase hex characters) or an organisation OIN (20 digits)',
  )
  .describe('Account public key or organisation OIN');

export { oinSchema, pubKeySchema, sha256Schema };

export const invalidParamSchema = z.object({ name: z.string(), reason: z.string() });

export const problemSchema = z
  .object({
    type: z.string().describe('URI of the problem type; GET it for its description'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe('What went wrong and what to do'),
    instance: z.string(),
    code: z.string().describe('Stable error code, e.g. "tx.bad_nonce"; clients switch on this'),
    invalidParams: z.array(invalidParamSchema).optional().describe('Every invalid input value at once'),
  })
  .loose()
  .describe('RFC 9457 problem details');

export const eventSchema = z.object({
  type: z.string(),
  attributes: z.array(z.object({ key: z.string(), value: z.string() })),
});

export const txResultSchema = z.object({
  code: z.number().int().describe('0 = success'),
  codespace: z.string(),
  error: z.string().describe('Stable error code ("" on success)'),
  log: z.string().describe('What went wrong ("" on success)'),
  events: z.array(eventSchema),
  participants: z.array(z.string()),
  amount: z.string().optional().describe('Euro cents moved, as a decimal string'),
});

export const signedTxSchema = z
  .strictObject({
    v: z.literal(1, 'must be 1'),
    chainId: z.string().min(1).max(64),
    type: z
      .string()
      .max(64)
      .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'must look like "module.message"'),
    signer: pubKeySchema,
    nonce: z
      .number({ error: 'must be a positive integer' })
      .int('must be a positive integer')
      .min(1, 'must be a positive integer')
      .max(Number.MAX_SAFE_INTEGER),
    body: z.record(z.string(), z.unknown(), 'must be a JSON object').describe('Message body; see TxBodies'),
    sig: z.string().regex(/^[0-9a-f]{128}$/, 'must be a 64-byte Ed25519 signature in lowercase hex'),
  })
  .describe('A signed transaction (its canonical JSON, RFC 8785, is what is hashed)');

export const blockHeaderSchema = z.object({
  chainId: z.string(),
  height: z.number().int(),
  time: z.string(),
  prevHash: z.string(),
  txRoot: z.string(),
  resultsRoot: z.string(),
  appHash: z.string(),
  txCount: z.number().int(),
  proposer: z.string(),
});

export const txSummarySchema = z.object({
  hash: z.string(),
  height: z.number().int(),
  index: z.number().int(),
  time: z.string().describe('Block time, RFC 3339 UTC'),
  type: z.string().nullable().describe('null for bytes that could not be decoded'),
  signer: z.string().nullable(),
  code: z.number().int(),
  error: z.string(),
  participants: z.array(z.string()),
  amount: z.string().nullable(),
});

/** A collection page: the items, and the URL of the next page (null on the last page). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next: z.string().nullable() });
}
