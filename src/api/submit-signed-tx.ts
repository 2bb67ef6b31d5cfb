// Submitting a signed tx and answering for it: shared by POST /v1/transactions (through Hono or
// the fast path in fast-submit.ts) and the modules' operation sub-resources (e.g. POST
// /v1/elections/{id}/ballots), so they all answer identically.
import type { Context } from 'hono';
import { z } from 'zod';
import type { CheckTxResult } from '../app/types.ts';
import type { Committed, LedgerNode } from '../engines/ledger-node.ts';
import { ApiErrors } from './api-errors.ts';
import { ApiProblem } from './problem.ts';
import type { ApiServices } from './route.ts';
import { txResultSchema } from './schemas.ts';
import { checkRefusal, committedRefusal } from './tx-refusal.ts';
import { API_BASE } from './version.ts';

export const txLocationOf = (hash: string) => `${API_BASE}/transactions/${hash}`;
export const txLocationHeader = { Location: { description: 'URL of the transaction' } };
export const pendingTxSchema = z.object({ hash: z.string(), status: z.literal('pending') });
export const committedTxSchema = z.object({
  hash: z.string(),
  status: z.literal('committed'),
  height: z.number().int(),
  index: z.number().int(),
  result: txResultSchema,
});
export const waitQuerySchema = z.object({
  wait: z.enum(['commit'], 'must be "commit" or left out').optional().describe('Wait for the commit'),
});

/** A tx the node took: 202 while it waits in the mempool, 201 once committed successfully. */
export interface SubmitAnswer {
  status: 201 | 202;
  location: string;
  body: z.output<typeof pendingTxSchema> | z.output<typeof committedTxSchema>;
}

/**
 * Offers the tx to the node and, with `wait`, waits for its commit. Returns the answer, or the
 * check's refusal (which changed nothing) for the caller to word; throws an ApiProblem when the
 * node cannot take the tx, drops it, or commits it with a refusal.
 */
export async function submitToNode(
  api: ApiServices,
  node: LedgerNode,
  rawBody: Uint8Array,
  wait: boolean,
): Promise<SubmitAnswer | { refused: CheckTxResult }> {
  let check: CheckTxResult;
  try {
    check = await node.submit(rawBody);
  } catch (e) {
    throw new ApiProblem(
      ApiErrors.unavailable,
      `The node could not take the tx: ${(e as Error).message}`,
      {},
      { 'Retry-After': '1' },
    );
  }
  if (check.code !== 0) return { refused: check };
  const location = txLocationOf(check.hash);
  const pending: SubmitAnswer = { status: 202, location, body: { hash: check.hash, status: 'pending' } };
  if (!wait) return pending;
  let committed: Committed;
  try {
    committed = await node.waitForCommit(check.hash, api.commitWaitMs);
  } catch (e) {
    const message = (e as Error).message;
    if (/dropped/i.test(message)) {
      throw new ApiProblem(
        ApiErrors.tx_dropped,
        `The tx passed its checks but was not committed: ${message}`,
        { hash: check.hash },
      );
    }
    if (/stopped/i.test(message)) {
      throw new ApiProblem(ApiErrors.unavailable, 'The node is stopping; the tx may not be committed.', {
        hash: check.hash,
      });
    }
    return pending; // still in the mempool after the wait: the client can poll Location
  }
  if (committed.result.code !== 0) throw committedRefusal(api.errors, committed, location);
  const { hash, height, index, result } = committed;
  return { status: 201, location, body: { hash, status: 'committed', height, index, result } };
}

export async function submitSignedTx(args: {
  c: Context;
  api: ApiServices;
  node: LedgerNode;
  wait: boolean;
  body: Parameters<typeof checkRefusal>[3];
  rawBody: Uint8Array;
}): Promise<Response> {
  const { c, api, node, body } = args;
  const answer = await submitToNode(api, node, args.rawBody, args.wait);
  if ('refused' in answer) throw checkRefusal(node, api.errors, answer.refused, body);
  return c.json(answer.body, answer.status, { Location: answer.location });
}
