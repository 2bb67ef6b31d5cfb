// Shared processes between chain partners: published processes, cases with their progress and
// timeline, and each partner's overview of open cases. Everything here is ledger data (ids, codes,
// OINs, hashes); the documents with personal data are in cases-documents.ts behind signed requests.
// Writes are signed txs through POST /v1/transactions (cases.open, cases.attest, cases.advance...).
import { z } from 'zod';
import { idSchema, oinSchema } from '../../core/schemas.ts';
import { DocstoreErrors } from '../../docstore/errors.ts';
import type { LedgerNode } from '../../engines/ledger-node.ts';
import { CasesErrors } from '../../modules/cases/errors.ts';
import {
  caseTimeline,
  caseView,
  listCases,
  listProcesses,
  partnerOverview,
  processView,
} from '../../modules/cases/keeper.ts';
import { caseIdSchema } from '../../modules/cases/schemas.ts';
import { getOrg } from '../../modules/identity/keeper.ts';
import { ApiErrors } from '../api-errors.ts';
import { ApiProblem } from '../problem.ts';
import { type ApiModule, defineRoute } from '../route.ts';
import { limitQuery, pageSchema } from '../schemas.ts';
import { API_BASE } from '../version.ts';
import { caseDocumentRoutes } from './cases-documents.ts';
import {
  caseSchema,
  caseSummarySchema,
  partnerOverviewSchema,
  processSchema,
  timelineEntrySchema,
} from './cases-schemas.ts';

const TAG = 'Cases';
const CASE_STATUSES = ['open', 'closed', 'erased'] as const;

/** Time of the latest block: steps whose deadline lies before it are overdue. */
export function latestBlockTime(node: LedgerNode): string {
  const app = node.app;
  return (
    app.store.block(app.lastHeight)?.header.time ?? app.genesis()?.genesisTime ?? new Date(0).toISOString()
  );
}

const unknownCase = (id: string) => new ApiProblem(CasesErrors.unknown_case, `There is no case ${id}.`);

export const casesApi: ApiModule = {
  tag: {
    name: TAG,
    description:
      'Shared processes between chain partners (zaken in de keten): one case status for all partners, joint quality, documents off-ledger at the source',
  },
  // The cases module's own errors come with the module (Module.errors); these are off the ledger.
  errors: [DocstoreErrors],
  routes: [
    defineRoute({
      method: 'get',
      path: '/processes',
      operationId: 'listProcesses',
      summary: 'Published process definitions (latest version of each)',
      tags: [TAG],
      responses: {
        200: {
          description: 'Every process',
          schema: z.object({ items: z.array(processSchema), next: z.null() }),
        },
      },
      handle: ({ c, node }) => c.json({ items: listProcesses(node.app.committed), next: null }),
    }),
    defineRoute({
      method: 'get',
      path: '/processes/{id}',
      operationId: 'getProcess',
      summary: 'One process definition: steps, roles, attestations, transitions, deadlines',
      tags: [TAG],
      params: z.object({ id: idSchema }),
      query: z.object({
        version: z.coerce
          .number()
          .int()
          .min(1)
          .optional()
          .describe('A published version (default: the latest)'),
      }),
      responses: {
        200: { description: 'The definition', schema: processSchema },
        404: { description: 'Not published' },
      },
      handle({ c, node, params, query }) {
        const p = processView(node.app.committed, params.id, query.version);
        if (!p)
          throw new ApiProblem(
            CasesErrors.unknown_process,
            `No process "${params.id}"${query.version ? ` version ${query.version}` : ''} is published.`,
          );
        return c.json(p);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/cases',
      operationId: 'listCases',
      summary: 'Cases in id order',
      description:
        'The filters apply within each page, so a page may hold fewer items than the limit; follow `next`.',
      tags: [TAG],
      query: z.object({
        limit: limitQuery(),
        after: caseIdSchema.optional().describe('Only cases after this id (the `next` link sets it)'),
        process: idSchema.optional().describe('Only cases of this process'),
        status: z.enum(CASE_STATUSES).optional().describe('Only cases with this status'),
      }),
      responses: { 200: { description: 'A page of cases', schema: pageSchema(caseSummarySchema) } },
      handle({ c, node, query }) {
        const page = listCases(node.app.committed, query);
        const filters = `${query.process ? `&process=${query.process}` : ''}${query.status ? `&status=${query.status}` : ''}`;
        const next = page.nextAfter
          ? `${API_BASE}/cases?limit=${query.limit}&after=${page.nextAfter}${filters}`
          : null;
        if (next) c.header('Link', `<${next}>; rel="next"`);
        return c.json({ items: page.items, next });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/cases/{id}',
      operationId: 'getCase',
      summary: 'One case: partners, attestations, fields, disputes, document hashes, and what it waits on',
      tags: [TAG],
      params: z.object({ id: caseIdSchema }),
      responses: {
        200: { description: 'The case', schema: caseSchema },
        404: { description: 'No such case' },
      },
      handle({ c, node, params }) {
        const view = caseView(node.app.committed, params.id, latestBlockTime(node));
        if (!view) throw unknownCase(params.id);
        return c.json(view);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/cases/{id}/timeline',
      operationId: 'getCaseTimeline',
      summary: 'Everything that happened in a case, oldest first (who, what, when, which tx)',
      tags: [TAG],
      params: z.object({ id: caseIdSchema }),
      responses: {
        200: {
          description: 'The timeline',
          schema: z.object({ items: z.array(timelineEntrySchema), next: z.null() }),
        },
        404: { description: 'No such case' },
      },
      handle({ c, node, params }) {
        const items = caseTimeline(node.app.committed, params.id);
        if (!items) throw unknownCase(params.id);
        return c.json({ items, next: null });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/partners/{oin}/cases',
      operationId: 'getPartnerCases',
      summary: 'Open cases of one partner: what each waits on and whom, and which steps are overdue',
      tags: [TAG],
      params: z.object({ oin: oinSchema }),
      query: z.object({
        limit: limitQuery(100),
        after: caseIdSchema.optional().describe('Only cases after this id (the `next` link sets it)'),
      }),
      responses: {
        200: { description: 'The overview', schema: partnerOverviewSchema },
        404: { description: 'No such organisation' },
      },
      handle({ c, node, params, query }) {
        if (!getOrg(node.app.committed, params.oin)) {
          throw new ApiProblem(ApiErrors.not_found, `No organisation with OIN ${params.oin} is registered.`);
        }
        const { nextAfter, ...overview } = partnerOverview(node.app.committed, params.oin, {
          now: latestBlockTime(node),
          limit: query.limit,
          ...(query.after ? { after: query.after } : {}),
        });
        const next = nextAfter
          ? `${API_BASE}/partners/${params.oin}/cases?limit=${query.limit}&after=${nextAfter}`
          : null;
        if (next) c.header('Link', `<${next}>; rel="next"`);
        return c.json({ ...overview, next });
      },
    }),
    ...caseDocumentRoutes,
  ],
};
