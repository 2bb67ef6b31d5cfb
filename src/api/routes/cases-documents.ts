// Case documents, off-ledger in this node's document store. Storing and reading need a request
// signed by an invited partner (cases-auth.ts); a read names its purpose and is written to the
// processing log. The ledger only holds each document's salted hash (cases.attach_document).
import { z } from 'zod';
import { labelSchema } from '../../core/schemas.ts';
import { MAX_DOCUMENT_BYTES } from '../../docstore/docstore.ts';
import { DocstoreErrors } from '../../docstore/errors.ts';
import { nodeDocstore } from '../../docstore/node-docstore.ts';
import { CasesErrors } from '../../modules/cases/errors.ts';
import { getCase, isCasePartner, listDocuments } from '../../modules/cases/keeper.ts';
import { ledgerHashSchema } from '../../modules/cases/no-personal-data.ts';
import { codeSchema } from '../../modules/cases/process-schema.ts';
import { caseIdSchema } from '../../modules/cases/schemas.ts';
import { ApiProblem } from '../problem.ts';
import { readBodyBytes } from '../request-body.ts';
import { defineRoute } from '../route.ts';
import { API_BASE } from '../version.ts';
import { authenticate, signedRequestHeaders } from './cases-auth.ts';
import { caseDocumentSchema, documentInfoSchema, processingEntrySchema } from './cases-schemas.ts';

const TAG = 'Cases';
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]{1,100}$/;
const signedNote =
  'Needs a request signed by an invited partner: headers Ketenboek-Key, Ketenboek-Timestamp and Ketenboek-Signature (see the header descriptions).';

const purposeSchema = labelSchema
  .min(3, 'must say why you read this personal data (at least 3 characters)')
  .describe('Why the partner reads this personal data; written to the processing log');

const unknownCase = (id: string) => new ApiProblem(CasesErrors.unknown_case, `There is no case ${id}.`);

export const caseDocumentRoutes = [
  defineRoute({
    method: 'get',
    path: '/cases/{id}/documents',
    operationId: 'listCaseDocuments',
    summary: 'The document hashes of a case (from the ledger), and which this node holds',
    tags: [TAG],
    params: z.object({ id: caseIdSchema }),
    responses: {
      200: {
        description: 'Document hashes',
        schema: z.object({ items: z.array(caseDocumentSchema), next: z.null() }),
      },
      404: { description: 'No such case' },
    },
    handle({ c, node, params }) {
      if (!getCase(node.app.committed, params.id)) throw unknownCase(params.id);
      const held = new Set(
        nodeDocstore(node)
          .list(params.id)
          .map((d) => d.hash),
      );
      const items = listDocuments(node.app.committed, params.id).map((d) => ({
        ...d,
        heldHere: held.has(d.hash),
      }));
      return c.json({ items, next: null });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases/{id}/documents',
    operationId: 'storeCaseDocument',
    summary: 'Store a document of a case here, encrypted with the case key',
    description: [
      'The request body is the document itself (any Content-Type, at most 4 MiB), not JSON.',
      signedNote,
      'The answer gives the salted hash; the partner then records it with a signed cases.attach_document tx',
      '(its body is in `attach`). Until then nobody can read the document.',
    ].join(' '),
    tags: [TAG],
    params: z.object({ id: caseIdSchema }),
    query: z.object({ kind: codeSchema.describe('Document kind, one of the process’s documentKinds') }),
    headers: signedRequestHeaders,
    responses: {
      201: {
        description: 'Stored; attach its hash on the ledger next',
        schema: z.object({
          document: documentInfoSchema,
          attach: z.object({
            type: z.literal('cases.attach_document'),
            body: z.object({ caseId: z.string(), hash: z.string(), kind: z.string() }),
          }),
        }),
        headers: { Location: { description: 'Where the document can be read' } },
      },
      401: { description: 'Not signed, or signed wrongly' },
      403: { description: 'The signing organisation is not invited to the case' },
    },
    async handle({ c, node, params, query, headers }) {
      const body = await readBodyBytes(c, MAX_DOCUMENT_BYTES);
      const actor = authenticate(c, node, headers, body);
      const declared = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
      const mediaType = MEDIA_TYPE.test(declared) ? declared : 'application/octet-stream';
      const document = nodeDocstore(node).put(node.app.committed, params.id, actor, body, {
        kind: query.kind,
        mediaType,
      });
      c.header('Location', `${API_BASE}/cases/${params.id}/documents/${document.hash}`);
      return c.json(
        {
          document,
          attach: {
            type: 'cases.attach_document' as const,
            body: { caseId: params.id, hash: document.hash, kind: document.kind },
          },
        },
        201,
      );
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases/{id}/documents/{hash}',
    operationId: 'readCaseDocument',
    summary: 'Read a case document (decrypted), for an invited partner, with its purpose logged',
    description: [
      signedNote,
      'The answer is the document itself with its stored Content-Type; Document-Salt lets the reader check',
      'sha256(salt ‖ content) against the hash on the ledger. After erasure the answer is 410 Gone.',
    ].join(' '),
    tags: [TAG],
    params: z.object({ id: caseIdSchema, hash: ledgerHashSchema }),
    query: z.object({ purpose: purposeSchema }),
    headers: signedRequestHeaders,
    responses: {
      200: {
        description: 'The document',
        contentType: 'application/octet-stream',
        schema: z.string().describe('The document bytes'),
        headers: {
          'Document-Hash': { description: 'The salted hash recorded on the ledger' },
          'Document-Salt': { description: 'Hex salt: sha256(salt ‖ content) equals Document-Hash' },
        },
      },
      401: { description: 'Not signed, or signed wrongly' },
      403: { description: 'Not invited to the case' },
      404: { description: 'Not held by this node' },
      409: { description: 'Not attached on the ledger yet' },
      410: { description: 'The case’s data was erased' },
    },
    handle({ c, node, params, query, headers }) {
      const actor = authenticate(c, node, headers, new Uint8Array());
      const doc = nodeDocstore(node).read(node.app.committed, params.id, params.hash, actor, query.purpose);
      return c.body(doc.content as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': doc.mediaType,
        'Content-Disposition': 'attachment',
        'Document-Hash': doc.hash,
        'Document-Salt': doc.salt,
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases/{id}/processing-log',
    operationId: 'getCaseProcessingLog',
    summary: 'Who stored, read or erased the case’s documents at this node, when and why',
    description: `${signedNote} \`verification\` checks the whole hash chain of this node's log.`,
    tags: [TAG],
    params: z.object({ id: caseIdSchema }),
    headers: signedRequestHeaders,
    responses: {
      200: {
        description: 'The case’s entries of the processing log',
        schema: z.object({
          items: z.array(processingEntrySchema),
          verification: z.object({
            ok: z.boolean(),
            count: z.number().int(),
            head: z.string(),
            brokenAt: z.number().int().optional(),
            problem: z.string().optional(),
          }),
          next: z.null(),
        }),
      },
      401: { description: 'Not signed, or signed wrongly' },
      403: { description: 'Not invited to the case' },
    },
    handle({ c, node, params, headers }) {
      const actor = authenticate(c, node, headers, new Uint8Array());
      if (!getCase(node.app.committed, params.id)) throw unknownCase(params.id);
      // Also after erasure: the log holds no personal data and shows what happened to it.
      if (!isCasePartner(node.app.committed, params.id, actor.oin)) {
        throw new ApiProblem(
          DocstoreErrors.not_invited,
          `Organisation ${actor.oin} is not invited to case ${params.id}.`,
        );
      }
      const store = nodeDocstore(node);
      return c.json({
        items: store.log.entries({ caseId: params.id }),
        verification: store.log.verify(),
        next: null,
      });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/processing-log/head',
    operationId: 'getProcessingLogHead',
    summary: 'The newest entry of this node’s processing log (anchor its hash with anchor.create)',
    tags: [TAG],
    responses: {
      200: { description: 'The head', schema: z.object({ seq: z.number().int(), hash: z.string() }) },
    },
    handle: ({ c, node }) => c.json(nodeDocstore(node).log.head()),
  }),
];
