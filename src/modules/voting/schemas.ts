// Body schemas of the voting messages, shared by the ledger, the API and the CLI.
import { z } from 'zod';
import {
  idSchema,
  labelSchema,
  oinSchema,
  positiveCentsSchema,
  sha256Schema,
  timeSchema,
} from '../../core/schemas.ts';
import { MAX_MODULUS_BITS, MIN_MODULUS_BITS } from './token-message.ts';

const hexOf = (minBytes: number, maxBytes: number, what: string) =>
  z
    .string()
    .regex(/^([0-9a-f]{2})+$/, `must be ${what} in lowercase hex`)
    .refine(
      (s) => s.length >= 2 * minBytes && s.length <= 2 * maxBytes,
      `must be ${minBytes} to ${maxBytes} bytes`,
    );

// Same rule as labelSchema (no control characters), for the longer text of a question.
export const questionTextSchema = z
  .string()
  .min(1)
  .max(500)
  .refine((s) => !/[\p{Cc}]/u.test(s), 'must not contain control characters');

export const projectSchema = z.strictObject({
  id: idSchema,
  title: labelSchema,
  costCents: positiveCentsSchema,
});
export const optionSchema = z.strictObject({ id: idSchema, label: labelSchema });
export const questionSchema = z.strictObject({
  id: idSchema,
  text: questionTextSchema,
  options: z.array(optionSchema).min(2).max(20),
});

// Ids name projects, questions and options in ballots, so each must be unique where it is used.
function uniqueIds(
  items: Array<{ id: string }>,
  ctx: z.RefinementCtx,
  what: string,
  path: PropertyKey[] = [],
): void {
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (seen.has(item.id))
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'id'],
        message: `${what} id "${item.id}" appears twice`,
      });
    seen.add(item.id);
  }
}

/** What the ballot asks: a participatory budget (projects with costs) or a consultation (questions). */
export const ballotSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('budget'),
    question: questionTextSchema,
    budgetCents: positiveCentsSchema,
    projects: z
      .array(projectSchema)
      .min(1)
      .max(100)
      .superRefine((ps, ctx) => uniqueIds(ps, ctx, 'project')),
  }),
  z.strictObject({
    kind: z.literal('consultation'),
    questions: z
      .array(questionSchema)
      .min(1)
      .max(20)
      .superRefine((qs, ctx) => {
        uniqueIds(qs, ctx, 'question');
        for (const [i, q] of qs.entries()) uniqueIds(q.options, ctx, 'option', [i, 'options']);
      }),
  }),
]);

export const createElectionSchema = z.strictObject({
  id: idSchema,
  title: labelSchema,
  ballot: ballotSpecSchema,
  /** OIN of the organisation that checks eligibility off-ledger and blind-signs tokens. */
  registrarOin: oinSchema,
  registrationOpensAt: timeSchema,
  registrationClosesAt: timeSchema,
  votingOpensAt: timeSchema,
  votingClosesAt: timeSchema,
  /** End of the reveal period that follows voting; the tally is final then. */
  revealClosesAt: timeSchema,
  allowReplacement: z.boolean(),
});

export const publishRegistrarKeySchema = z.strictObject({
  electionId: idSchema,
  /** RSA public key, SubjectPublicKeyInfo DER in lowercase hex. */
  publicKey: hexOf(64, 1024, 'a DER SubjectPublicKeyInfo'),
  /** How many residents are eligible: the registrar can never record more issued tokens. */
  voterQuota: z.number().int().min(1).max(10_000_000),
});

export const recordIssuanceSchema = z.strictObject({
  electionId: idSchema,
  /** Tokens blind-signed since the last record (record in batches: see the README on timing). */
  count: z.number().int().min(1).max(10_000_000),
});

export const castBallotSchema = z.strictObject({
  electionId: idSchema,
  /** RFC 9474 msg_prefix: the 32 random bytes the client put before the token message. */
  tokenPrefix: z.string().regex(/^[0-9a-f]{64}$/, 'must be 32 bytes in lowercase hex'),
  /** The finalized (unblinded) blind signature over prefix || token message. */
  tokenSignature: hexOf(MIN_MODULUS_BITS / 8, MAX_MODULUS_BITS / 8, 'an RSA signature'),
  /** sha256 commitment to the choice (see token-message.ts); revealed after voting closes. */
  commitment: sha256Schema,
});

export const choiceSchema = z.union([
  z.strictObject({ projects: z.array(idSchema).max(100) }),
  z.strictObject({ answers: z.array(z.strictObject({ question: idSchema, option: idSchema })).max(20) }),
]);

export const revealBallotSchema = z.strictObject({
  electionId: idSchema,
  tokenHash: sha256Schema,
  choice: choiceSchema,
  salt: z.string().regex(/^[0-9a-f]{64}$/, 'must be 32 bytes in lowercase hex'),
});

export type BallotSpec = z.infer<typeof ballotSpecSchema>;
export type CreateElectionBody = z.infer<typeof createElectionSchema>;
export type CastBallotBody = z.infer<typeof castBallotSchema>;
export type RevealBallotBody = z.infer<typeof revealBallotSchema>;
