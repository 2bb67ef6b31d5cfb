// Bodies of the cases messages. Every value is an id, a code, an OIN or a hash: there is no field
// in which free text (and so a name or a BSN) could reach the ledger.
import { z } from 'zod';
import { idSchema, oinSchema } from '../../core/schemas.ts';
import { ledgerHashSchema, subjectSchema } from './no-personal-data.ts';
import { codeSchema } from './process-schema.ts';

export const caseIdSchema = z.string().regex(/^[1-9]\d{0,11}$/, 'must be a case id (a whole number from 1)');
export const disputeIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,5}$/, 'must be a dispute id (a whole number from 1)');

export const DISPUTE_REASONS = ['incorrect', 'incomplete', 'outdated', 'not_verifiable'] as const;
export const ERASURE_REASONS = [
  'subject_request',
  'retention_expired',
  'unlawful_processing',
  'case_withdrawn',
] as const;
export const DISPUTE_RESOLUTIONS = ['confirmed', 'corrected', 'withdrawn'] as const;

/** Field values travel as strings; the process definition's field type decides what is valid. */
export const fieldValueSchema = z
  .string()
  .regex(
    /^[a-z0-9_-]{1,64}$/,
    'must be an amount, count, date, hash or code (lowercase letters, digits, "-", "_"), never free text',
  );

export const openCaseSchema = z.strictObject({ process: idSchema, subject: subjectSchema });
export const inviteSchema = z.strictObject({ caseId: caseIdSchema, oin: oinSchema, role: codeSchema });
export const attestSchema = z.strictObject({
  caseId: caseIdSchema,
  kind: codeSchema,
  evidence: ledgerHashSchema.optional(),
});
export const setFieldSchema = z.strictObject({
  caseId: caseIdSchema,
  field: codeSchema,
  value: fieldValueSchema,
});
export const advanceSchema = z.strictObject({ caseId: caseIdSchema, to: codeSchema });

export const disputeTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('attestation'), attestation: codeSchema, oin: oinSchema }),
  z.strictObject({ kind: z.literal('field'), field: codeSchema }),
]);
export const disputeSchema = z.strictObject({
  caseId: caseIdSchema,
  target: disputeTargetSchema,
  reason: z.enum(DISPUTE_REASONS),
  /** Salted hash of an off-ledger explanation (e.g. a document in the docstore). */
  evidence: ledgerHashSchema.optional(),
});
export const answerDisputeSchema = z.strictObject({
  caseId: caseIdSchema,
  disputeId: disputeIdSchema,
  resolution: z.enum(DISPUTE_RESOLUTIONS),
  /** The corrected field value (resolution "corrected" of a field dispute). */
  value: fieldValueSchema.optional(),
  /** New evidence hash (resolution "corrected" of an attestation dispute). */
  evidence: ledgerHashSchema.optional(),
});
export const attachDocumentSchema = z.strictObject({
  caseId: caseIdSchema,
  hash: ledgerHashSchema,
  kind: codeSchema,
});
export const recordErasureSchema = z.strictObject({ caseId: caseIdSchema, reason: z.enum(ERASURE_REASONS) });
