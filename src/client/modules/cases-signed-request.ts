// Signed HTTP requests for case documents, shared by the client (which signs) and the API (which
// checks). Reading or storing off-ledger personal data is not a tx, but the node must still know
// which organisation asks, so the request is signed with one of the organisation's ledger keys.
// The signature covers the chain, method, path with query (which carries the purpose of a read), a
// timestamp and the SHA-256 of the body; the node accepts it only within a short window around its
// own clock, and only once. Browser-safe: no node:crypto.
import { utf8 } from '../../core/bytes.ts';
import { sha256Hex } from '../../core/hash.ts';

export const REQUEST_SIGNATURE_SCHEME = 'ketenboek-request-v1';

export const SIGNATURE_HEADERS = {
  key: 'Ketenboek-Key',
  timestamp: 'Ketenboek-Timestamp',
  signature: 'Ketenboek-Signature',
} as const;

/** How far (in ms) a request's timestamp may lie from the node's clock. */
export const REQUEST_WINDOW_MS = 5 * 60 * 1000;

export interface SignedRequestParts {
  chainId: string;
  method: string;
  /** The path and query exactly as sent, e.g. "/v1/cases/3/documents/ab..?purpose=inkomen+toetsen". */
  pathAndQuery: string;
  /** RFC 3339 UTC with milliseconds. */
  timestamp: string;
  body: Uint8Array;
}

/** The bytes the organisation signs (Ed25519), one field per line. */
export function requestSigningBytes(p: SignedRequestParts): Uint8Array {
  return utf8(
    [
      REQUEST_SIGNATURE_SCHEME,
      p.chainId,
      p.method.toUpperCase(),
      p.pathAndQuery,
      p.timestamp,
      sha256Hex(p.body),
    ].join('\n'),
  );
}
