// The REST API of a node (NL API Design Rules), plus the web app's static files when present.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { LedgerError } from '../core/errors.ts';
import type { LedgerNode } from '../engines/ledger-node.ts';
import { ApiErrors } from './api-errors.ts';
import { ErrorCatalog } from './error-catalog.ts';
import { fastSubmitListener } from './fast-submit.ts';
import { type ApiEnv, cors, securityHeaders } from './headers.ts';
import { LEDGER_ERRORS } from './ledger-errors.ts';
import { mountRoute, pathPattern } from './mount-route.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { ApiProblem, problemResponse } from './problem.ts';
import type { ApiModule, ApiServices } from './route.ts';
import { API_MODULES } from './routes/index.ts';
import { invalidParamsProblem } from './validation.ts';
import { API_BASE } from './version.ts';
import { mountWebAssets } from './web-assets.ts';

export interface ApiOptions {
  /** Directory of the built web app; served at / when it exists. */
  webDir?: string;
  /** Web origins allowed to call the API from a browser (exact match, e.g. "https://ketenboek.example.nl"). */
  corsOrigins?: string[];
  /** The API modules to mount; defaults to every module in routes/index.ts. */
  modules?: ApiModule[];
  /** Milliseconds between heartbeat comments on /v1/events (default 15 s). */
  heartbeatMs?: number;
  /** How long ?wait=commit waits for the commit (default 30 s). */
  commitWaitMs?: number;
}

/** Any error a handler throws, as the problem the client gets; unexpected ones are logged. */
function asProblem(err: unknown, request: string): ApiProblem {
  if (err instanceof ApiProblem) return err;
  if (err instanceof LedgerError) return new ApiProblem(err.definition, err.message);
  console.error(`[api] ${request}:`, err);
  return new ApiProblem(
    ApiErrors.internal,
    'The node could not answer this request. Try again; if it persists, check the node log.',
  );
}

/** The Hono app with every route, and the services its handlers share (the fast path uses them too). */
function buildApi(node: LedgerNode, opts: ApiOptions): { app: Hono<ApiEnv>; api: ApiServices } {
  const modules = opts.modules ?? API_MODULES;
  const routes = modules.flatMap((m) => m.routes);
  const errors = new ErrorCatalog([...LEDGER_ERRORS, ApiErrors, ...modules.flatMap((m) => m.errors ?? [])]);
  let document: Record<string, unknown> | undefined;
  const api: ApiServices = {
    node,
    errors,
    openapi: () => (document ??= buildOpenApiDocument(modules, node)),
    heartbeatMs: opts.heartbeatMs ?? 15_000,
    commitWaitMs: opts.commitWaitMs ?? 30_000,
  };
  const publicPaths = new Set(routes.filter((r) => r.publicCors).map((r) => API_BASE + r.path));
  const patterns = routes.map((r) => ({ method: r.method.toUpperCase(), pattern: pathPattern(r) }));

  const app = new Hono<ApiEnv>({ strict: true });
  app.use('*', securityHeaders());
  app.use(
    '*',
    cors(opts.corsOrigins ?? [], (path) => publicPaths.has(path)),
  );
  app.use('*', async (c, next) => {
    const path = c.req.path;
    if (path.startsWith(`${API_BASE}/`) && path.endsWith('/')) {
      throw new ApiProblem(
        ApiErrors.not_found,
        `No resource at ${path}: resource paths never end with a slash. Use ${path.replace(/\/+$/, '')}.`,
      );
    }
    if (!isDecodable(new URL(c.req.url).pathname)) {
      throw invalidParamsProblem([{ name: 'path', reason: 'must be percent-encoded UTF-8' }]);
    }
    await next();
  });
  for (const route of routes) mountRoute(app, route, api);
  if (opts.webDir && existsSync(opts.webDir)) mountWebAssets(app, opts.webDir);

  app.notFound((c) => {
    const allowed = [...new Set(patterns.filter((p) => p.pattern.test(c.req.path)).map((p) => p.method))];
    if (allowed.length > 0) {
      if (allowed.includes('GET')) allowed.push('HEAD');
      return problemResponse(
        c,
        new ApiProblem(
          ApiErrors.method_not_allowed,
          `${c.req.method} is not allowed on ${c.req.path}; allowed: ${allowed.join(', ')}.`,
          {},
          { Allow: allowed.join(', ') },
        ),
      );
    }
    return problemResponse(
      c,
      new ApiProblem(
        ApiErrors.not_found,
        `No resource at ${c.req.path}. See ${API_BASE}/openapi.json for the API.`,
      ),
    );
  });
  app.onError((err, c) => problemResponse(c, asProblem(err, `${c.req.method} ${c.req.path}`)));
  return { app, api };
}

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

export function serveApi(
  node: LedgerNode,
  opts: ApiOptions & {
    host?: string;
    port: number;
    /** Answer plain tx submissions without Hono (fast-submit.ts); on unless false. */
    fastSubmit?: boolean;
  },
): Promise<RunningApi> {
  const host = opts.host ?? '127.0.0.1';
  const { app, api } = buildApi(node, opts);
  const hono = getRequestListener(app.fetch, { hostname: host });
  const listener =
    opts.fastSubmit === false
      ? hono
      : fastSubmitListener(api, app.fetch, hono, (err) => asProblem(err, 'POST /v1/transactions'));
  return new Promise((resolve, reject) => {
    const server = createServer(listener);
    server.listen(opts.port, host);
    server.once('error', (error) => reject(explainListenError(error, host, opts.port)));
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((e) => (e ? fail(e) : done()));
            // Event streams never end by themselves; close them so close() does not hang.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}

/**
 * A listen failure in words an operator can act on; the system error code stays on the error
 * (callers and the CLI treat coded errors as expected failures, not bugs).
 */
export function explainListenError(error: Error & { code?: string }, host: string, port: number): Error {
  const where = `port ${port} on ${host}`;
  const reason =
    error.code === 'EADDRINUSE'
      ? `${where} is already in use (another node or program listens there): stop it or choose another port`
      : error.code === 'EACCES'
        ? `no permission to listen on ${where} (ports below 1024 need privileges): choose a port from 1024 up`
        : error.code === 'EADDRNOTAVAIL'
          ? `${host} is not an address of this machine: choose one it has, such as 127.0.0.1`
          : undefined;
  return reason === undefined ? error : Object.assign(new Error(reason), { code: error.code });
}
