// Response shapes of the case routes (documented in OpenAPI, checked against real answers in tests).
import { z } from 'zod';

const waitingOnSchema = z.object({
  oin: z
    .string()
    .optional()
    .describe('The organisation expected to act (absent: nobody in that role yet, or the resident)'),
  role: z.string().describe('Case role in which it is expected to act ("subject" = the resident)'),
  reason: z.enum(['attestation', 'field', 'invitation', 'advance', 'dispute_answer']),
  item: z.string().describe('Attestation kind, field, role to invite, step to leave, or dispute id'),
});

const missingSchema = z.object({
  kind: z.enum(['attestation', 'field']),
  attestation: z.string().optional(),
  by: z.string().optional(),
  quorum: z.enum(['one', 'each']).optional(),
  pending: z.array(z.string()).optional(),
  field: z.string().optional(),
  owner: z.string().optional(),
});

export const progressSchema = z.object({
  step: z.string(),
  complete: z.boolean().describe('Every attestation and field the step requires is present'),
  missing: z.array(missingSchema),
  openDisputes: z.array(z.string()),
  waitingOn: z.array(waitingOnSchema),
  dueAt: z.string().nullable().describe('Block time by which the step should be done'),
  overdue: z.boolean().describe('dueAt lies before the latest block time'),
});

export const processSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    roles: z.array(
      z.object({
        role: z.string(),
        invitedBy: z.array(z.string()),
        maxPartners: z.number().int().optional(),
      }),
    ),
    openerRole: z.string(),
    attestations: z.array(z.object({ kind: z.string(), by: z.string() })),
    fields: z.array(
      z.object({
        name: z.string(),
        type: z.string(),
        owner: z.string(),
        values: z.array(z.string()).optional(),
      }),
    ),
    documentKinds: z.array(z.string()),
    steps: z.array(
      z.object({ id: z.string(), title: z.string(), performer: z.string(), terminal: z.boolean() }).loose(),
    ),
    initialStep: z.string(),
    transitions: z.array(z.object({ from: z.string(), to: z.string(), requiresComplete: z.boolean() })),
    publishedAt: z.string(),
    publishedAtHeight: z.number().int(),
  })
  .describe('A process definition, published through governance (identity proposal action publish_process)');

const subjectSchema = z
  .object({
    kind: z.enum(['pseudonym', 'reference']),
    pubKey: z.string().optional(),
    hash: z.string().optional(),
  })
  .nullable()
  .describe('Pseudonymous key or salted reference of the resident; null once erased');

export const caseSummarySchema = z.object({
  id: z.string(),
  process: z.string(),
  status: z.enum(['open', 'closed', 'erased']),
  step: z.string(),
  openedAt: z.string(),
  opener: z.string().describe('OIN'),
});

export const caseSchema = z.object({
  id: z.string(),
  process: z.string(),
  processVersion: z.number().int(),
  processTitle: z.string(),
  subject: subjectSchema,
  opener: z.string(),
  openedAt: z.string(),
  status: z.enum(['open', 'closed', 'erased']),
  step: z.string(),
  stepTitle: z.string(),
  stepEnteredAt: z.string(),
  dueAt: z.string().nullable(),
  closedAt: z.string().optional(),
  erasure: z.object({ at: z.string(), by: z.string(), reason: z.string(), txHash: z.string() }).optional(),
  partners: z.array(
    z.object({ oin: z.string(), roles: z.array(z.string()), invitedBy: z.string(), invitedAt: z.string() }),
  ),
  attestations: z.array(
    z.object({
      kind: z.string(),
      oin: z.string(),
      role: z.string(),
      evidence: z.string().optional(),
      at: z.string(),
      txHash: z.string(),
    }),
  ),
  fields: z.array(
    z.object({ name: z.string(), value: z.string(), by: z.string(), at: z.string(), txHash: z.string() }),
  ),
  disputes: z.array(
    z.object({
      id: z.string(),
      target: z.object({ kind: z.enum(['attestation', 'field']) }).loose(),
      owner: z.string(),
      raisedBy: z.string(),
      reason: z.string(),
      evidence: z.string().optional(),
      raisedAt: z.string(),
      status: z.enum(['open', 'confirmed', 'corrected', 'withdrawn']),
      answeredAt: z.string().optional(),
    }),
  ),
  documents: z.array(
    z.object({ hash: z.string(), kind: z.string(), owner: z.string(), at: z.string(), txHash: z.string() }),
  ),
  progress: progressSchema,
  next: z.array(z.object({ to: z.string(), requiresComplete: z.boolean() })),
});

export const timelineEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  height: z.number().int(),
  txHash: z.string(),
  by: z.string().describe('OIN, or "subject" for the resident'),
  action: z.string(),
  details: z.record(z.string(), z.string()),
});

export const partnerOverviewSchema = z.object({
  oin: z.string(),
  now: z.string().nullable().describe('The latest block time the overdue flags are computed against'),
  cases: z.array(
    z.object({
      id: z.string(),
      process: z.string(),
      processVersion: z.number().int(),
      step: z.string(),
      stepTitle: z.string(),
      roles: z.array(z.string()),
      dueAt: z.string().nullable(),
      overdue: z.boolean(),
      openDisputes: z.array(z.string()),
      waitingOn: z.array(waitingOnSchema),
      waitingOnYou: z.array(waitingOnSchema),
    }),
  ),
  next: z.string().nullable(),
});

export const documentInfoSchema = z.object({
  caseId: z.string(),
  hash: z.string().describe('sha256(salt ‖ content), as recorded by cases.attach_document'),
  kind: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  storedBy: z.string(),
  storedAt: z.string(),
});

export const caseDocumentSchema = z.object({
  hash: z.string(),
  kind: z.string(),
  owner: z.string().describe('OIN of the partner that attached it'),
  at: z.string(),
  txHash: z.string(),
  heldHere: z.boolean().describe('This node holds the encrypted document'),
});

export const processingEntrySchema = z.object({
  seq: z.number().int(),
  time: z.string(),
  action: z.enum(['store', 'read', 'erase']),
  actor: z.object({ oin: z.string(), pubKey: z.string() }),
  caseId: z.string(),
  document: z.string().nullable(),
  purpose: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
