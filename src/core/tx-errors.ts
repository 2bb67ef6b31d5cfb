import { defineErrors } from './errors.ts';

/** Errors about the envelope itself, before any module sees the tx. */
export const TxErrors = defineErrors('tx', {
  malformed: [1, 400, 'Malformed transaction'],
  bad_signature: [2, 400, 'Invalid signature'],
  wrong_chain: [3, 400, 'Wrong chain id'],
  bad_nonce: [4, 409, 'Unexpected nonce'],
  too_large: [5, 413, 'Transaction too large'],
  unknown_type: [6, 400, 'Unknown transaction type'],
  invalid_body: [7, 400, 'Invalid transaction body'],
  duplicate: [8, 409, 'Transaction already known'],
  mempool_full: [9, 503, 'Mempool full'],
  internal: [10, 500, 'Internal error'],
});
