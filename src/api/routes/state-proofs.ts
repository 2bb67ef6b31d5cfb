import { z } from 'zod';
import { fromHex } from '../../core/bytes.ts';
import { sha256 } from '../../core/hash-node.ts';
import { verifySmtProof } from '../../core/smt.ts';
import { ApiErrors } from '../api-errors.ts';
import { ApiProblem } from '../problem.ts';
import { type ApiModule, defineRoute } from '../route.ts';

const stateProofSchema = z.object({
  key: z.string(),
  value: z.unknown().describe('The value as JSON, or null when the key is absent'),
  rawValue: z.string().nullable().describe('The exact stored value; its SHA-256 is the leaf value hash'),
  height: z.number().int(),
  appHash: z.string().describe('The app hash of that height, which the proof leads to'),
  proof: z
    .object({
      siblings: z.array(z.string()),
      terminal: z.object({
        kind: z.enum(['empty', 'leaf']),
        keyHash: z.string().optional(),
        valueHash: z.string().optional(),
      }),
    })
    .describe('Sparse Merkle proof: inclusion of the value, or absence of the key'),
});

export const stateProofsApi: ApiModule = {
  tag: { name: 'State proofs', description: 'Merkle proofs of state against the app hash' },
  routes: [
    defineRoute({
      method: 'get',
      path: '/state-proofs/{key}',
      operationId: 'getStateProof',
      summary: 'Proof that a state key has a value (or is absent) at the latest height',
      description: 'The key is URL-encoded, e.g. anchor%2F<hash> for anchor/<hash>.',
      tags: ['State proofs'],
      params: z.object({
        key: z
          .string()
          .regex(/^[\x21-\x7e]{1,512}$/, 'must be a state key: 1 to 512 printable ASCII characters'),
      }),
      responses: {
        200: { description: 'The value and its proof', schema: stateProofSchema },
        503: { description: 'A block was being applied; retry' },
      },
      handle({ c, node, params }) {
        const app = node.app;
        const rawValue = app.store.get(params.key) ?? null;
        const { lastBlockHeight: height, lastBlockAppHash: appHash } = app.info();
        const proof = app.proveKey(params.key);
        // An engine that applies a block in steps (CometBFT: finalize, then commit) can briefly have a
        // tree ahead of the committed state: never hand out a proof that does not match the app hash.
        const valueHash = rawValue === null ? null : sha256(rawValue);
        if (!verifySmtProof(fromHex(appHash), params.key, valueHash, proof, sha256)) {
          throw new ApiProblem(
            ApiErrors.unavailable,
            'A block is being applied right now; ask again in a moment.',
            {},
            { 'Retry-After': '1' },
          );
        }
        return c.json({
          key: params.key,
          value: rawValue === null ? null : JSON.parse(rawValue),
          rawValue,
          height,
          appHash,
          proof,
        });
      },
    }),
  ],
};
