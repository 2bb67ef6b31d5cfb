// Signed voting txs posted to the resource they act on (e.g. POST /v1/elections/{id}/ballots),
// as the NL API Design Rules prefer for operations. The body is the same signed tx that
// POST /v1/transactions takes; the route only insists on the tx type and the election in the path,
// then submits it exactly like /v1/transactions does.
import { z } from 'zod';
import { idSchema } from '../../core/schemas.ts';
import { TxErrors } from '../../core/tx-errors.ts';
import type { InvalidParam } from '../problem.ts';
import { type ApiRoute, defineRoute } from '../route.ts';
import { signedTxSchema } from '../schemas.ts';
import {
  committedTxSchema,
  pendingTxSchema,
  submitSignedTx,
  txLocationHeader,
  waitQuerySchema,
} from '../submit-signed-tx.ts';
import { invalidParamsProblem } from '../validation.ts';

interface SignedRouteSpec {
  path: string;
  operationId: string;
  summary: string;
  /** The tx type this resource accepts. */
  type: string;
  tag: string;
}

export function signedVotingRoute(spec: SignedRouteSpec): ApiRoute {
  const inElection = spec.path.includes('{id}');
  return defineRoute({
    method: 'post',
    path: spec.path,
    operationId: spec.operationId,
    summary: spec.summary,
    description: `The body is a signed \`${spec.type}\` tx (the same JSON as for POST /v1/transactions)${inElection ? ' whose body.electionId is the election in the path' : ''}. Without \`wait\` the node answers 202 once the tx passed its checks; with \`wait=commit\` when it is committed.`,
    tags: [spec.tag],
    ...(inElection ? { params: z.object({ id: idSchema }) } : {}),
    query: waitQuerySchema,
    body: signedTxSchema,
    invalidBodyCode: TxErrors.malformed,
    responses: {
      201: { description: 'Committed successfully', schema: committedTxSchema, headers: txLocationHeader },
      202: { description: 'Accepted; not committed yet', schema: pendingTxSchema, headers: txLocationHeader },
      400: { description: 'Malformed or wrongly typed tx, or a refusal such as an invalid ballot' },
      403: { description: 'The signer may not do this (e.g. a bad token signature)' },
      409: { description: 'Outside the window, closed, token used, over quota, or a nonce conflict' },
      422: { description: 'Committed, but the ledger refused it; the problem carries the recorded result' },
    },
    async handle({ c, api, node, params, query, body, rawBody }) {
      const problems: InvalidParam[] = [];
      if (body.type !== spec.type)
        problems.push({ name: 'body.type', reason: `must be "${spec.type}" on this resource` });
      const electionId = (params as { id?: string } | undefined)?.id;
      if (electionId !== undefined && body.body.electionId !== electionId) {
        problems.push({
          name: 'body.body.electionId',
          reason: `must be "${electionId}", the election in the path`,
        });
      }
      if (problems.length > 0) throw invalidParamsProblem(problems);
      return submitSignedTx({ c, api, node, wait: query.wait === 'commit', body, rawBody: rawBody! });
    },
  });
}
