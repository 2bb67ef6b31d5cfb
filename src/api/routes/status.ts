import { z } from 'zod';
import { type ApiModule, defineRoute } from '../route.ts';

const statusSchema = z.object({
  chainId: z.string(),
  height: z.number().int().describe('Last committed block height (0 before the first block)'),
  appHash: z.string().describe('State commitment after the last block'),
  engine: z.enum(['embedded', 'cometbft']),
  lastBlockHash: z.string(),
  lastBlockTime: z.string().nullable().describe('RFC 3339 UTC; the genesis time before the first block'),
  mempoolSize: z.number().int(),
  nodePubKey: z.string(),
  version: z.string().describe('Version of the node software'),
});

export const statusApi: ApiModule = {
  tag: { name: 'Status', description: 'The node and the chain it keeps' },
  routes: [
    defineRoute({
      method: 'get',
      path: '/status',
      operationId: 'getStatus',
      summary: 'Chain id, height, app hash and mempool of this node',
      tags: ['Status'],
      responses: { 200: { description: 'Status', schema: statusSchema } },
      handle({ c, node }) {
        const app = node.app;
        const info = app.info();
        const height = info.lastBlockHeight;
        const block = height > 0 ? app.store.block(height) : undefined;
        const body: z.output<typeof statusSchema> = {
          chainId: info.chainId,
          height,
          appHash: info.lastBlockAppHash,
          engine: node.engine,
          lastBlockHash: block?.hash ?? app.store.getMeta('lastBlockHash') ?? '',
          lastBlockTime: block?.header.time ?? app.genesis()?.genesisTime ?? null,
          mempoolSize: node.mempoolSize(),
          nodePubKey: node.nodePubKey,
          version: info.version,
        };
        return c.json(body);
      },
    }),
  ],
};
