// Submitting a signed tx and answering for it: shared by POST /v1/transactions and the modules'
// operation sub-resources (e.g. POST /v1/elections/{id}/ballots), so they answer identically.
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

export async function submitSignedTx(args: {
  c: Context;
  api: ApiServices;
  node: LedgerNode;
  wait: boolean;
  body: Parameters<typeof checkRefusal>[3];
  rawBody: Uint8Array;
}): Promise<Response> {
  const { c, api, node, body, rawBody } = args;
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
  if (check.code !== 0) throw checkRefusal(node, api.errors, check, body);
  const location = txLocationOf(check.hash);
  const pending = () => c.json({ hash: check.hash, status: 'pending' as const }, 202, { Location: location });
  if (!args.wait) return pending();
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
    return pending(); // still in the mempool after the wait: the client can poll Location
  }
  if (committed.result.code !== 0) throw committedRefusal(api.errors, committed, location);
  const { hash, height, index, result } = committed;
  return c.json({ hash, status: 'committed' as const, height, index, result }, 201, { Location: location });
}
