import { z } from 'zod';
import { ApiErrors } from '../api-errors.ts';
import { ApiProblem } from '../problem.ts';
import { type ApiModule, defineRoute } from '../route.ts';
import { blockHeaderSchema, heightSchema, limitQuery, pageSchema } from '../schemas.ts';
import { decodeStored } from '../tx-view.ts';
import { API_BASE } from '../version.ts';

const blockSummarySchema = z.object({
  height: z.number().int(),
  hash: z.string(),
  time: z.string(),
  txCount: z.number().int(),
  appHash: z.string(),
  proposer: z.string(),
});

const blockSchema = z.object({
  height: z.number().int(),
  hash: z.string().describe('SHA-256 of the canonical header'),
  header: blockHeaderSchema,
  signatures: z.array(z.object({ pubKey: z.string(), sig: z.string() })),
  txs: z.array(
    z.object({
      hash: z.string(),
      index: z.number().int(),
      type: z.string().nullable(),
      signer: z.string().nullable(),
      code: z.number().int().describe('Result code; 0 = success'),
      error: z.string(),
    }),
  ),
});

export const blocksApi: ApiModule = {
  tag: { name: 'Blocks', description: 'Committed blocks, newest first' },
  routes: [
    defineRoute({
      method: 'get',
      path: '/blocks',
      operationId: 'listBlocks',
      summary: 'Blocks, newest first',
      tags: ['Blocks'],
      query: z.object({
        limit: limitQuery(),
        before: heightSchema.optional().describe('Only blocks below this height (the `next` link sets it)'),
      }),
      responses: { 200: { description: 'A page of blocks', schema: pageSchema(blockSummarySchema) } },
      handle({ c, node, query }) {
        const top = Math.min(node.app.lastHeight, (query.before ?? Number.MAX_SAFE_INTEGER) - 1);
        const from = Math.max(1, top - query.limit + 1);
        const blocks = top >= 1 ? node.app.store.blocks(from, top).reverse() : [];
        const items = blocks.map((b) => ({
          height: b.height,
          hash: b.hash,
          time: b.header.time,
          txCount: b.header.txCount,
          appHash: b.header.appHash,
          proposer: b.header.proposer,
        }));
        const next =
          from > 1 && items.length > 0 ? `${API_BASE}/blocks?limit=${query.limit}&before=${from}` : null;
        if (next) c.header('Link', `<${next}>; rel="next"`);
        return c.json({ items, next });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/blocks/{height}',
      operationId: 'getBlock',
      summary: 'One block with its header, signatures and txs',
      tags: ['Blocks'],
      params: z.object({ height: heightSchema }),
      responses: {
        200: { description: 'The block', schema: blockSchema },
        404: { description: 'No block at this height (yet)' },
      },
      handle({ c, node, params }) {
        const block = node.app.store.block(params.height);
        if (!block) {
          throw new ApiProblem(
            ApiErrors.not_found,
            `There is no block at height ${params.height}; the last committed height is ${node.app.lastHeight}.`,
          );
        }
        const txs = node.app.store.txsOfBlock(block.height).map((t) => {
          const { tx, result } = decodeStored(t);
          return {
            hash: t.hash,
            index: t.index,
            type: tx?.type ?? null,
            signer: tx?.signer ?? null,
            code: result.code,
            error: result.error,
          };
        });
        const body: z.output<typeof blockSchema> = { ...block, txs };
        return c.json(body);
      },
    }),
  ],
};
