import { z } from 'zod';
import { buildReceipt } from '../../app/receipt.ts';
import { TxErrors } from '../../core/tx-errors.ts';
import { ApiErrors } from '../api-errors.ts';
import { pageByHeight } from '../page-by-height.ts';
import { ApiProblem } from '../problem.ts';
import { type ApiModule, defineRoute } from '../route.ts';
import {
  heightSchema,
  limitQuery,
  pageSchema,
  participantSchema,
  sha256Schema,
  signedTxSchema,
  txResultSchema,
  txSummarySchema,
} from '../schemas.ts';
import {
  committedTxSchema,
  pendingTxSchema,
  submitSignedTx,
  txLocationHeader,
  waitQuerySchema,
} from '../submit-signed-tx.ts';
import { blockTimes, decodeStored, txSummary } from '../tx-view.ts';
import { API_BASE } from '../version.ts';

const receiptSchema = z
  .object({
    version: z.literal(1),
    chainId: z.string(),
    txHash: z.string(),
    height: z.number().int(),
    index: z.number().int(),
  })
  .loose()
  .describe(
    'Offline-verifiable proof that the tx was committed with its result (Merkle and state proofs, signed block)',
  );

const txDetailSchema = z.object({
  hash: z.string(),
  height: z.number().int(),
  index: z.number().int(),
  time: z.string().describe('Block time, RFC 3339 UTC'),
  type: z.string().nullable(),
  signer: z.string().nullable(),
  nonce: z.number().int().nullable(),
  tx: signedTxSchema.nullable().describe('The signed tx as committed; null if the bytes never decoded'),
  result: txResultSchema,
  participants: z.array(z.string()),
  amount: z.string().nullable(),
  receipt: receiptSchema.nullable().describe('null when the tx was refused before execution'),
});

export const transactionsApi: ApiModule = {
  tag: { name: 'Transactions', description: 'Submitting signed transactions and reading committed ones' },
  routes: [
    defineRoute({
      method: 'post',
      path: '/transactions',
      operationId: 'submitTransaction',
      summary: 'Submit a signed transaction',
      description: [
        'The body is the JSON of a signed tx (see SignedTx; bodies per type are the TxBody.* schemas).',
        'Without `wait` the node answers 202 once the tx passed its checks and waits in the mempool.',
        'With `wait=commit` it answers when the tx is committed (at most 30 s; after that 202).',
        'A refusal at check time changes nothing and answers with the refusal’s own status and stable code.',
      ].join(' '),
      tags: ['Transactions'],
      query: waitQuerySchema,
      body: signedTxSchema,
      invalidBodyCode: TxErrors.malformed,
      responses: {
        201: { description: 'Committed successfully', schema: committedTxSchema, headers: txLocationHeader },
        202: {
          description: 'Accepted; not committed yet',
          schema: pendingTxSchema,
          headers: txLocationHeader,
        },
        400: {
          description: 'Malformed JSON or tx, bad signature, wrong chain, unknown type or invalid body',
        },
        403: { description: 'The signer may not do this (e.g. not a consortium member)' },
        409: { description: 'Unexpected nonce, replayed tx, or a conflict with ledger state' },
        413: { description: 'The request or the tx is too large' },
        415: { description: 'Content-Type is not application/json' },
        422: { description: 'Committed, but the ledger refused it; the problem carries the recorded result' },
        503: { description: 'The mempool is full; retry after Retry-After seconds' },
      },
      handle: ({ c, api, node, query, body, rawBody }) =>
        submitSignedTx({ c, api, node, wait: query.wait === 'commit', body, rawBody: rawBody! }),
    }),
    defineRoute({
      method: 'get',
      path: '/transactions/{hash}',
      operationId: 'getTransaction',
      summary: 'A committed transaction with its result and receipt',
      tags: ['Transactions'],
      params: z.object({ hash: sha256Schema }),
      responses: {
        200: { description: 'The transaction', schema: txDetailSchema },
        404: { description: 'Not committed (it may still be waiting in the mempool)' },
      },
      handle({ c, node, params }) {
        const stored = node.app.store.txByHash(params.hash);
        if (!stored) {
          throw new ApiProblem(
            ApiErrors.not_found,
            `No committed transaction has hash ${params.hash}. A tx that was just accepted may still be waiting; try again shortly.`,
          );
        }
        const { tx, result } = decodeStored(stored);
        const body: z.output<typeof txDetailSchema> = {
          hash: stored.hash,
          height: stored.height,
          index: stored.index,
          time: node.app.store.block(stored.height)?.header.time ?? '',
          type: tx?.type ?? null,
          signer: tx?.signer ?? null,
          nonce: tx?.nonce ?? null,
          tx: tx as z.output<typeof txDetailSchema>['tx'],
          result,
          participants: result.participants,
          amount: result.amount ?? null,
          receipt: (buildReceipt(node.app, stored.hash) ?? null) as z.output<typeof receiptSchema> | null,
        };
        return c.json(body);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/transactions',
      operationId: 'listTransactions',
      summary: 'Transactions that concern an account or organisation, newest first',
      tags: ['Transactions'],
      query: z.object({
        account: participantSchema,
        limit: limitQuery(),
        before: heightSchema
          .optional()
          .describe('Only txs in blocks below this height (the `next` link sets it)'),
      }),
      responses: { 200: { description: 'A page of transactions', schema: pageSchema(txSummarySchema) } },
      handle({ c, node, query }) {
        const { items, nextBefore } = pageByHeight(
          (limit, before) => node.app.store.txsOfParticipant(query.account, limit, before),
          query.limit,
          query.before ?? Number.MAX_SAFE_INTEGER,
        );
        const timeOf = blockTimes(node.app);
        const next =
          nextBefore === null
            ? null
            : `${API_BASE}/transactions?account=${query.account}&limit=${query.limit}&before=${nextBefore}`;
        if (next) c.header('Link', `<${next}>; rel="next"`);
        return c.json({ items: items.map((t) => txSummary(t, timeOf(t.height))), next });
      },
    }),
  ],
};
