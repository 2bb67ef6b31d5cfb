// POST /v1/transactions carries the ledger's whole write load. Through Hono every such request
// builds a fetch Request, a Context, Headers objects and a Response, and its JSON is parsed twice
// (for the API's schema, then by the node). Here the common case, a well-formed JSON request that
// the node accepts, is answered on Node's own request and response objects instead.
//
// Everything else goes to Hono, which answers it in full: other routes, CORS requests (an Origin
// header), bodies without a declared length, and every refusal by the node's check, whose body
// Hono then validates and words exactly as it always does (the refused check changed nothing, so
// checking again is safe). Answers that come after the node took the tx (201, 202, a committed
// refusal, a dropped tx) are written here, from the same submitToNode as the Hono route.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { API_HEADERS } from './headers.ts';
import { ApiProblem, PROBLEM_CONTENT_TYPE, problemBody } from './problem.ts';
import { isJsonContentType, MAX_BODY_BYTES } from './request-body.ts';
import type { ApiServices } from './route.ts';
import { submitToNode } from './submit-signed-tx.ts';
import { API_BASE } from './version.ts';

const PATH = `${API_BASE}/transactions`;
const WAIT_QUERY = '?wait=commit';

type Fetch = (request: Request) => Response | Promise<Response>;

/** Whether the request is the plain case this path answers, judged on its head alone. */
export function isPlainSubmit(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || (req.url !== PATH && req.url !== PATH + WAIT_QUERY)) return false;
  if (req.headers.origin !== undefined) return false;
  const length = req.headers['content-length'];
  if (length === undefined || !/^\d{1,7}$/.test(length) || Number(length) > MAX_BODY_BYTES) return false;
  return isJsonContentType(req.headers['content-type']);
}

function write(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, {
    ...API_HEADERS,
    Vary: 'Origin',
    ...headers,
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** Hands a request whose body was already read to the Hono app, and writes out its answer. */
async function answerThroughHono(
  fetch: Fetch,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  // Hono routes by path; the origin only has to make a valid URL (an IPv6 host would need brackets).
  const request = new Request(`http://localhost${req.url}`, {
    method: 'POST',
    headers,
    body: new Uint8Array(body),
  });
  const response = await fetch(request);
  const out = Buffer.from(await response.arrayBuffer());
  const outHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    outHeaders[name] = value;
  });
  outHeaders['content-length'] = String(out.byteLength);
  res.writeHead(response.status, outHeaders);
  res.end(out);
}

/**
 * A request listener that answers plain tx submissions itself and passes every other request
 * to `hono` (the listener of the same app whose `fetch` it uses for refusals).
 */
export function fastSubmitListener(
  api: ApiServices,
  fetch: Fetch,
  hono: RequestListener,
  onError: (err: unknown) => ApiProblem,
): RequestListener {
  return (req, res) => {
    if (!isPlainSubmit(req)) {
      hono(req, res);
      return;
    }
    const wait = req.url === PATH + WAIT_QUERY;
    void (async () => {
      let body: Buffer;
      try {
        body = await readBody(req);
      } catch {
        res.destroy(); // the client went away mid-body
        return;
      }
      try {
        const answer = await submitToNode(api, api.node, body, wait);
        if ('refused' in answer) {
          await answerThroughHono(fetch, req, res, body);
          return;
        }
        write(res, answer.status, JSON.stringify(answer.body), {
          'Content-Type': 'application/json',
          Location: answer.location,
        });
      } catch (err) {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        const problem = err instanceof ApiProblem ? err : onError(err);
        write(res, problem.status, JSON.stringify(problemBody(PATH, problem)), {
          ...problem.headers,
          'Content-Type': PROBLEM_CONTENT_TYPE,
        });
      }
    })();
  };
}
