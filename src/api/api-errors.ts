import { defineErrors } from '../core/errors.ts';

/** Refusals by the REST layer itself, before (or instead of) the ledger. Codes are stable. */
export const ApiErrors = defineErrors('api', {
  invalid_request: [1, 400, 'Invalid request'],
  malformed_json: [2, 400, 'Malformed JSON'],
  not_found: [3, 404, 'Not found'],
  method_not_allowed: [4, 405, 'Method not allowed'],
  payload_too_large: [5, 413, 'Payload too large'],
  unsupported_media_type: [6, 415, 'Unsupported media type'],
  tx_refused: [7, 422, 'Transaction refused on the ledger'],
  tx_dropped: [8, 409, 'Transaction dropped before commit'],
  unavailable: [9, 503, 'Service unavailable'],
  internal: [10, 500, 'Internal error'],
  unknown_refusal: [11, 400, 'Transaction refused'],
});
