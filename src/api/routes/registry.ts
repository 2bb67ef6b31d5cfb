// Registers of other value: register classes, records with their history, and verifications
// (status plus a Merkle proof against a signed block header, checkable offline). Writes are signed
// txs through POST /v1/transactions (registry.issue, registry.propose_transfer, ...).
import { z } from 'zod';
import type { LedgerApp } from '../../app/ledger-app.ts';
import { idSchema } from '../../core/schemas.ts';
import { getOrg } from '../../modules/identity/state.ts';
import { credentialRefs, verifyCredential } from '../../modules/registry/credential.ts';
import { RegistryErrors } from '../../modules/registry/errors.ts';
import { listRecords, viewRecord } from '../../modules/registry/queries.ts';
import { buildRecordProof, RecordProofUnavailable } from '../../modules/registry/record-proof-builder.ts';
import { CLASS_KINDS, holderSchema } from '../../modules/registry/schemas.ts';
import { getClass, getRecord, listClasses, listHistory } from '../../modules/registry/state.ts';
import { ApiErrors } from '../api-errors.ts';
import { ApiProblem } from '../problem.ts';
import { type ApiModule, defineRoute } from '../route.ts';
import {
  blockHeaderSchema,
  heightSchema,
  limitQuery,
  oinSchema,
  pageSchema,
  pubKeySchema,
  sha256Schema,
} from '../schemas.ts';
import { invalidParamsProblem } from '../validation.ts';
import { API_BASE } from '../version.ts';

const TAG = 'Registers';
const STATUSES = ['active', 'suspended', 'revoked', 'expired', 'not_yet_valid', 'unknown'] as const;

const classSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(CLASS_KINDS),
  issuers: z.array(z.string()).describe('OINs that may issue records of this class'),
  transferable: z.boolean(),
  notaries: z
    .array(z.string())
    .describe('OINs of which one must confirm a transfer (none: seller and buyer suffice)'),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedHeight: z.number().int(),
});

const encumbranceSchema = z.object({
  id: z.string(),
  kind: z.string(),
  creditor: z.string().describe('OIN'),
  amountCents: z.string().optional(),
  deedHash: z.string().optional(),
  registeredAt: z.string(),
  registeredHeight: z.number().int(),
});

const recordSchema = z.object({
  id: z.string(),
  classId: z.string(),
  issuer: z.string().describe('OIN of the issuing organisation'),
  holder: holderSchema.describe('A pseudonymous key or an organisation; never a name'),
  attributes: z.record(z.string(), z.string()).describe('Public, non-personal attributes'),
  documentHash: z.string().describe('SHA-256 of the document (the document stays off the ledger)'),
  validFrom: z.string(),
  validUntil: z.string().optional(),
  status: z.enum(['active', 'suspended', 'revoked', 'expired']).describe('As stored'),
  effectiveStatus: z.enum(STATUSES).describe('At the latest block time (expiry applied at read time)'),
  statusReason: z.string().optional(),
  issuedAt: z.string(),
  issuedHeight: z.number().int(),
  updatedAt: z.string(),
  updatedHeight: z.number().int(),
  version: z.number().int().describe('Number of history entries'),
  encumbrances: z.array(encumbranceSchema),
  pendingTransfer: z
    .object({
      from: holderSchema,
      to: holderSchema,
      deedHash: z.string().optional(),
      proposedAt: z.string(),
      proposedHeight: z.number().int(),
      acceptedAt: z.string().optional(),
    })
    .optional(),
});

const historyEntrySchema = z.object({
  version: z.number().int(),
  action: z.string(),
  height: z.number().int(),
  time: z.string(),
  txHash: z
    .string()
    .optional()
    .describe('Absent for expiries, which the ledger applies at the end of a block'),
  signer: z.string().optional(),
  organisation: z.string().optional(),
  details: z.record(z.string(), z.unknown()),
});

const provenEntrySchema = z.object({
  key: z.string(),
  value: z.string().nullable(),
  proof: z.object({}).loose(),
});

const recordProofSchema = z
  .object({
    version: z.literal(1),
    type: z.literal('ketenboek.record-proof'),
    chainId: z.string(),
    height: z.number().int(),
    query: z.union([z.object({ recordId: z.string() }), z.object({ documentHash: z.string() })]),
    block: z.object({
      hash: z.string(),
      header: blockHeaderSchema,
      signatures: z.array(z.object({ pubKey: z.string(), sig: z.string() })),
    }),
    validators: z.array(z.object({ pubKey: z.string(), power: z.number().int() })),
    document: provenEntrySchema.optional(),
    record: provenEntrySchema.optional(),
  })
  .describe('Offline-checkable: `ketenboek registry verify-proof <file>`');

const verificationSchema = z.object({
  status: z.enum(STATUSES).describe('Status at that height; unknown = no such record then'),
  height: z.number().int(),
  time: z.string().describe('Block time of that height'),
  recordId: z.string().optional(),
  documentCurrent: z
    .boolean()
    .optional()
    .describe('Asked by document hash: false when the record has a newer document'),
  record: z.record(z.string(), z.unknown()).optional().describe('The record as proven'),
  proof: recordProofSchema,
});

const checkSchema = z.object({ name: z.string(), ok: z.boolean(), detail: z.string() });

function latestTime(app: LedgerApp): string {
  return (
    app.store.block(app.lastHeight)?.header.time ?? app.genesis()?.genesisTime ?? '1970-01-01T00:00:00.000Z'
  );
}

function unknownRecord(id: string): ApiProblem {
  return new ApiProblem(RegistryErrors.unknown_record, `There is no record "${id}" in the register.`);
}

export const registryApi: ApiModule = {
  tag: {
    name: TAG,
    description:
      'Registers of other value (titles, certificates, permits, visas) with offline-checkable proofs',
  },
  routes: [
    defineRoute({
      method: 'get',
      path: '/register-classes',
      operationId: 'listRegisterClasses',
      summary: 'Register classes set by governance',
      tags: [TAG],
      responses: {
        200: {
          description: 'Every register class (one page)',
          schema: z.object({ items: z.array(classSchema), next: z.null() }),
        },
      },
      handle: ({ c, node }) => c.json({ items: listClasses(node.app.committed), next: null }),
    }),
    defineRoute({
      method: 'get',
      path: '/register-classes/{id}',
      operationId: 'getRegisterClass',
      summary: 'One register class: who may issue, and what a transfer needs',
      tags: [TAG],
      params: z.object({ id: idSchema }),
      responses: {
        200: { description: 'The class', schema: classSchema },
        404: { description: 'No such class' },
      },
      handle({ c, node, params }) {
        const cls = getClass(node.app.committed, params.id);
        if (!cls)
          throw new ApiProblem(RegistryErrors.unknown_class, `There is no register class "${params.id}".`);
        return c.json(cls);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/records',
      operationId: 'listRecords',
      summary: 'Records in id order, optionally of one class or one holder',
      tags: [TAG],
      query: z.object({
        classId: idSchema.optional().describe('Only records of this register class'),
        holderKey: pubKeySchema.optional().describe('Only records held by this key'),
        holderOrganisation: oinSchema.optional().describe('Only records held by this organisation'),
        after: idSchema
          .optional()
          .describe('Only records whose id sorts after this one (the `next` link sets it)'),
        limit: limitQuery(),
      }),
      responses: { 200: { description: 'A page of records', schema: pageSchema(recordSchema) } },
      handle({ c, node, query }) {
        if (query.holderKey && query.holderOrganisation) {
          throw invalidParamsProblem([
            { name: 'holderOrganisation', reason: 'give holderKey or holderOrganisation, not both' },
          ]);
        }
        const holder = query.holderKey
          ? { kind: 'key' as const, pubKey: query.holderKey }
          : query.holderOrganisation
            ? { kind: 'organisation' as const, oin: query.holderOrganisation }
            : undefined;
        const time = latestTime(node.app);
        const items = listRecords(node.app.committed, {
          limit: query.limit,
          ...(query.classId ? { classId: query.classId } : {}),
          ...(holder ? { holder } : {}),
          ...(query.after ? { after: query.after } : {}),
        }).map((r) => viewRecord(r, time));
        const last = items[items.length - 1];
        let next: string | null = null;
        if (items.length === query.limit && last) {
          const q = new URLSearchParams();
          for (const k of ['classId', 'holderKey', 'holderOrganisation'] as const)
            if (query[k]) q.set(k, query[k]);
          q.set('limit', String(query.limit));
          q.set('after', last.id);
          next = `${API_BASE}/records?${q}`;
          c.header('Link', `<${next}>; rel="next"`);
        }
        return c.json({ items, next });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/records/{id}',
      operationId: 'getRecord',
      summary: 'One record with its current status, encumbrances and pending transfer',
      tags: [TAG],
      params: z.object({ id: idSchema }),
      responses: {
        200: { description: 'The record', schema: recordSchema },
        404: { description: 'No such record' },
      },
      handle({ c, node, params }) {
        const r = getRecord(node.app.committed, params.id);
        if (!r) throw unknownRecord(params.id);
        return c.json(viewRecord(r, latestTime(node.app)));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/records/{id}/history',
      operationId: 'getRecordHistory',
      summary: 'Every change of a record, oldest first',
      tags: [TAG],
      params: z.object({ id: idSchema }),
      responses: {
        200: {
          description: 'The full history (one page)',
          schema: z.object({ items: z.array(historyEntrySchema), next: z.null() }),
        },
        404: { description: 'No such record' },
      },
      handle({ c, node, params }) {
        if (!getRecord(node.app.committed, params.id)) throw unknownRecord(params.id);
        return c.json({ items: listHistory(node.app.committed, params.id), next: null });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/verifications',
      operationId: 'verifyRecord',
      summary: 'Status of a record (by id or document hash) at a height, with a proof that holds offline',
      description:
        'Give exactly one of recordId and documentHash. The proof shows the record (or its absence) against the app hash of a block header that the validators signed; verify it with `ketenboek registry verify-proof`.',
      tags: [TAG],
      query: z.object({
        recordId: idSchema.optional(),
        documentHash: sha256Schema.optional().describe('SHA-256 of the document'),
        height: heightSchema.optional().describe('Block height (default: the latest)'),
      }),
      responses: {
        200: { description: 'Status and proof', schema: verificationSchema },
        400: { description: 'Neither or both of recordId and documentHash' },
        404: { description: 'No committed block at that height' },
        503: { description: 'A block was being applied; retry' },
      },
      handle({ c, node, query }) {
        if ((query.recordId === undefined) === (query.documentHash === undefined)) {
          throw invalidParamsProblem([
            { name: 'recordId', reason: 'give exactly one of recordId and documentHash' },
          ]);
        }
        const q =
          query.recordId !== undefined ? { recordId: query.recordId } : { documentHash: query.documentHash! };
        try {
          const { proof, verdict } = buildRecordProof(node.app, q, query.height ?? node.app.lastHeight);
          return c.json({
            status: verdict.status,
            height: verdict.height,
            time: verdict.time,
            ...(verdict.recordId !== undefined ? { recordId: verdict.recordId } : {}),
            ...(verdict.documentCurrent !== undefined ? { documentCurrent: verdict.documentCurrent } : {}),
            ...(verdict.record ? { record: verdict.record } : {}),
            proof,
          });
        } catch (e) {
          if (!(e instanceof RecordProofUnavailable)) throw e;
          if (e.reason === 'height') throw new ApiProblem(ApiErrors.not_found, e.message);
          throw new ApiProblem(ApiErrors.unavailable, e.message, {}, { 'Retry-After': '1' });
        }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/credential-verifications',
      operationId: 'verifyCredential',
      summary:
        'Checks a record credential (vc+jwt): issuer signature, issuer key, and the record’s current ledger status',
      tags: [TAG],
      body: z.strictObject({
        credential: z.string().min(1).max(20_000).describe('The compact JWS (vc+jwt)'),
      }),
      responses: {
        200: {
          description: 'The verdict (valid or not, with every check)',
          schema: z.object({
            valid: z.boolean(),
            status: z.enum(STATUSES),
            checks: z.array(checkSchema),
            credential: z.record(z.string(), z.unknown()).optional(),
          }),
        },
      },
      handle({ c, node, body }) {
        const kv = node.app.committed;
        let refs: ReturnType<typeof credentialRefs>;
        try {
          refs = credentialRefs(body.credential);
        } catch (e) {
          throw invalidParamsProblem([
            { name: 'credential', reason: `is not a compact JWS: ${(e as Error).message}` },
          ]);
        }
        const org = getOrg(kv, refs.issuerOin);
        const verdict = verifyCredential(body.credential, {
          record: getRecord(kv, refs.recordId),
          issuerKeys: org?.keys.filter((k) => k.revokedAtHeight === undefined).map((k) => k.pubKey) ?? [],
          time: latestTime(node.app),
          chainId: node.app.info().chainId,
        });
        return c.json(verdict);
      },
    }),
  ],
};
