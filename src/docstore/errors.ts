import { defineErrors } from '../core/errors.ts';

/** Refusals of the off-ledger document store (node-local, not consensus). */
export const DocstoreErrors = defineErrors('docstore', {
  unknown_case: [1, 404, 'Unknown case'],
  not_invited: [2, 403, 'Not invited to this case'],
  erased: [3, 410, 'Case data was erased'],
  case_closed: [4, 409, 'Case is closed'],
  unknown_document: [5, 404, 'Document not held here'],
  not_attached: [6, 409, 'Document hash not on the ledger'],
  integrity: [7, 500, 'Stored document failed its integrity check'],
  purpose_required: [8, 400, 'Purpose required'],
  too_large: [9, 413, 'Document too large'],
  unknown_document_kind: [10, 400, 'Unknown document kind'],
  not_organisation: [11, 401, 'Request not signed by an organisation key'],
  bad_signature: [12, 401, 'Request signature invalid'],
  stale_request: [13, 401, 'Request timestamp outside the allowed window'],
  replayed_request: [14, 401, 'Request was already used'],
  personal_data_in_purpose: [15, 400, 'Purpose contains personal data'],
  unauthenticated: [16, 401, 'Signed request required'],
});
