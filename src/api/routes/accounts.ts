import { z } from 'zod';
import { orgOfKey } from '../../modules/identity/keeper.ts';
import { type ApiModule, defineRoute } from '../route.ts';
import { pubKeySchema } from '../schemas.ts';

const accountSchema = z.object({
  pubKey: z.string(),
  nonce: z.number().int().describe('Nonce of the last committed tx (0 for a new account)'),
  nextNonce: z.number().int().describe('Nonce to sign the next tx with (counts txs waiting in the mempool)'),
  organisation: z.string().nullable().describe('OIN of the organisation whose active key this is, if any'),
});

export const accountsApi: ApiModule = {
  tag: { name: 'Accounts', description: 'Accounts are Ed25519 public keys; no personal data' },
  routes: [
    defineRoute({
      method: 'get',
      path: '/accounts/{pubKey}',
      operationId: 'getAccount',
      summary: 'Nonces of an account and the organisation it belongs to',
      description: 'Every well-formed key is an account; one that never signed has nonce 0.',
      tags: ['Accounts'],
      params: z.object({ pubKey: pubKeySchema }),
      responses: { 200: { description: 'The account', schema: accountSchema } },
      handle({ c, node, params }) {
        const body: z.output<typeof accountSchema> = {
          pubKey: params.pubKey,
          nonce: node.app.account(params.pubKey).nonce,
          nextNonce: node.app.nextNonce(params.pubKey),
          organisation: orgOfKey(node.app.committed, params.pubKey)?.oin ?? null,
        };
        return c.json(body);
      },
    }),
  ],
};
