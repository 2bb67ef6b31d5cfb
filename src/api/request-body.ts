// Reads a JSON request body with a hard size limit. Requests are small signed txs; anything
// bigger is refused before it is buffered, so a client cannot make the node hold large bodies.
import type { Context } from 'hono';
import { ApiErrors } from './api-errors.ts';
import { ApiProblem } from './problem.ts';

export const MAX_BODY_BYTES = 128 * 1024;

const JSON_MEDIA_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** Whether a Content-Type header value (or its absence) names JSON in UTF-8. */
export function isJsonContentType(type: string | undefined): boolean {
  return JSON_MEDIA_TYPE.test((type ?? '').trim());
}

export function requireJsonContentType(c: Context): void {
  const type = c.req.header('Content-Type') ?? '';
  if (!isJsonContentType(type)) {
    throw new ApiProblem(
      ApiErrors.unsupported_media_type,
      `The request body must be sent as Content-Type: application/json${type ? `, not ${type}` : ''}.`,
      {},
      { Accept: 'application/json' },
    );
  }
}

function tooLarge(size?: number): ApiProblem {
  const got = size === undefined ? 'more than that' : `${size} bytes`;
  return new ApiProblem(
    ApiErrors.payload_too_large,
    `The request body may be at most ${MAX_BODY_BYTES} bytes; this one is ${got}.`,
    { limit: MAX_BODY_BYTES },
  );
}

export async function readBodyBytes(c: Context, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = Number(c.req.header('Content-Length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(declared);
  // With a declared length within the limit, Node's HTTP parser guarantees no more arrives, and
  // arrayBuffer() reads the socket directly; touching `body` would make @hono/node-server build
  // a full fetch Request (AbortController, Headers, stream) for every submitted tx.
  if (Number.isFinite(declared)) return new Uint8Array(await c.req.raw.arrayBuffer());
  const stream = c.req.raw.body;
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new ApiProblem(
      ApiErrors.malformed_json,
      `The request body is not valid UTF-8 JSON: ${(e as Error).message}. Send one JSON object.`,
    );
  }
}
