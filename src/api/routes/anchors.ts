import { z } from 'zod';
import { getAnchor, listAnchors } from '../../modules/anchor/index.ts';
import { ApiErrors } from '../api-errors.ts';
import { ApiProblem } from '../problem.ts';
import { type ApiModule, defineRoute } from '../route.ts';
import { limitQuery, pageSchema, sha256Schema } from '../schemas.ts';
import { API_BASE } from '../version.ts';

const anchorSchema = z.object({
  hash: z.string().describe('SHA-256 of the document (the document itself is never on the ledger)'),
  label: z.string(),
  account: z.string().describe('Account that anchored it'),
  height: z.number().int(),
  time: z.string().describe('Block time: the document existed at this moment'),
  txHash: z.string(),
});

export const anchorsApi: ApiModule = {
  tag: { name: 'Anchors', description: 'Proof of existence of documents by their SHA-256 hash' },
  routes: [
    defineRoute({
      method: 'get',
      path: '/anchors',
      operationId: 'listAnchors',
      summary: 'Anchors in hash order',
      tags: ['Anchors'],
      query: z.object({
        limit: limitQuery(),
        after: sha256Schema
          .optional()
          .describe('Only anchors whose hash sorts after this one (the `next` link sets it)'),
      }),
      responses: { 200: { description: 'A page of anchors', schema: pageSchema(anchorSchema) } },
      handle({ c, node, query }) {
        const items = listAnchors(node.app.committed, query.limit, query.after);
        const last = items[items.length - 1];
        const next =
          items.length === query.limit && last
            ? `${API_BASE}/anchors?limit=${query.limit}&after=${last.hash}`
            : null;
        if (next) c.header('Link', `<${next}>; rel="next"`);
        return c.json({ items, next });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/anchors/{hash}',
      operationId: 'getAnchor',
      summary: 'The anchor of a document hash',
      tags: ['Anchors'],
      params: z.object({ hash: sha256Schema }),
      responses: {
        200: { description: 'The anchor', schema: anchorSchema },
        404: { description: 'This hash was never anchored' },
      },
      handle({ c, node, params }) {
        const anchor = getAnchor(node.app.committed, params.hash);
        if (!anchor)
          throw new ApiProblem(
            ApiErrors.not_found,
            `The hash ${params.hash} has not been anchored on this ledger.`,
          );
        return c.json(anchor);
      },
    }),
  ],
};
