// Partner authentication for case documents: a request signed with an organisation's ledger key
// (see modules/cases/request-signature.ts for what is signed). Refusals are 401 with a
// WWW-Authenticate header naming the scheme.
import type { Context } from 'hono';
import { z } from 'zod';
import {
  REQUEST_SIGNATURE_SCHEME,
  REQUEST_WINDOW_MS,
  requestSigningBytes,
  SIGNATURE_HEADERS,
} from '../../client/modules/cases-signed-request.ts';
import { isLowerHex } from '../../core/bytes.ts';
import { verify } from '../../core/ed25519-node.ts';
import type { ErrorDefinition } from '../../core/errors.ts';
import { timeSchema } from '../../core/schemas.ts';
import type { Actor } from '../../docstore/docstore.ts';
import { DocstoreErrors } from '../../docstore/errors.ts';
import type { LedgerNode } from '../../engines/ledger-node.ts';
import { orgOfKey } from '../../modules/identity/keeper.ts';
import { ApiProblem } from '../problem.ts';
import { pubKeySchema } from '../schemas.ts';

export const signedRequestHeaders = z.object({
  [SIGNATURE_HEADERS.key]: pubKeySchema
    .optional()
    .describe('Public key of the signing organisation key (lowercase hex)'),
  [SIGNATURE_HEADERS.timestamp]: timeSchema
    .optional()
    .describe('When the request was signed (RFC 3339 UTC, ms); within 5 minutes of the node clock'),
  [SIGNATURE_HEADERS.signature]: z
    .string()
    .optional()
    .describe(
      `Ed25519 signature (hex) over "${REQUEST_SIGNATURE_SCHEME}\\n<chainId>\\n<METHOD>\\n<path?query>\\n<timestamp>\\n<sha256 hex of the body>"`,
    ),
});

export type SignedRequestHeaders = z.output<typeof signedRequestHeaders>;

// Signatures seen within the window: the same signed request is accepted only once.
const seen = new Map<string, number>();

function forget(now: number): void {
  for (const [sig, expires] of seen) if (expires < now) seen.delete(sig);
}

const refuse = (kind: ErrorDefinition, detail: string) =>
  new ApiProblem(
    kind,
    detail,
    {},
    { 'WWW-Authenticate': `${REQUEST_SIGNATURE_SCHEME} realm="case documents"` },
  );

/** The organisation that signed this request, or a 401 problem. */
export function authenticate(
  c: Context,
  node: LedgerNode,
  h: SignedRequestHeaders,
  body: Uint8Array,
  now = Date.now(),
): Actor {
  const key = h[SIGNATURE_HEADERS.key];
  const timestamp = h[SIGNATURE_HEADERS.timestamp];
  const signature = h[SIGNATURE_HEADERS.signature];
  if (!key || !timestamp || !signature) {
    throw refuse(
      DocstoreErrors.unauthenticated,
      `Case documents hold personal data: sign the request with an organisation key (headers ${Object.values(SIGNATURE_HEADERS).join(', ')}).`,
    );
  }
  if (Math.abs(Date.parse(timestamp) - now) > REQUEST_WINDOW_MS) {
    throw refuse(
      DocstoreErrors.stale_request,
      `The request was signed at ${timestamp}; the node accepts requests signed within 5 minutes of its clock (${new Date(now).toISOString()}).`,
    );
  }
  const url = new URL(c.req.url);
  const bytes = requestSigningBytes({
    chainId: node.app.info().chainId,
    method: c.req.method,
    pathAndQuery: url.pathname + url.search,
    timestamp,
    body,
  });
  if (!isLowerHex(signature, 64) || !verify(key, bytes, signature)) {
    throw refuse(
      DocstoreErrors.bad_signature,
      'The signature does not match this request. Sign chain id, method, path with query, timestamp and body hash exactly as sent.',
    );
  }
  forget(now);
  if (seen.has(signature))
    throw refuse(DocstoreErrors.replayed_request, 'This signed request was already used; sign a fresh one.');
  seen.set(signature, now + 2 * REQUEST_WINDOW_MS);
  const org = orgOfKey(node.app.committed, key);
  if (!org)
    throw refuse(
      DocstoreErrors.not_organisation,
      `Key ${key} is not an active key of any organisation on the ledger.`,
    );
  return { oin: org.oin, pubKey: key };
}
