// A route is declared once: its input schemas validate the request AND describe it in the OpenAPI
// document, and its response schemas document (and, in tests, check) what it answers.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { LedgerNode } from '../engines/ledger-node.ts';
import type { ErrorCatalog, ErrorRegistryLike } from './error-catalog.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  description: string;
  /** JSON body schema; omit for problem responses (they use the shared Problem schema). */
  schema?: z.ZodType;
  /** Defaults to application/json for 2xx and application/problem+json otherwise. */
  contentType?: string;
  headers?: Record<string, { description: string }>;
}

/** What every handler can reach besides its parsed input. */
export interface ApiServices {
  node: LedgerNode;
  errors: ErrorCatalog;
  /** The OpenAPI document of this app (built from the same route table). */
  openapi(): Record<string, unknown>;
  /** Milliseconds between SSE heartbeat comments. */
  heartbeatMs: number;
  /** How long POST /transactions?wait=commit waits before answering 202 instead. */
  commitWaitMs: number;
}

export interface RouteContext<P, Q, B, H> {
  c: Context;
  api: ApiServices;
  node: LedgerNode;
  params: P;
  query: Q;
  /** Request headers the route declares (by their canonical name, e.g. "Last-Event-ID"). */
  headers: H;
  /** The parsed JSON body (only for routes that declare `body`). */
  body: B;
  /** The body exactly as received, e.g. to hand a signed tx to the node unchanged. */
  rawBody: Uint8Array | undefined;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteSpec<
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
  H extends z.ZodObject | undefined,
> {
  method: HttpMethod;
  /** Path below /v1 in OpenAPI form, e.g. "/blocks/{height}". */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: P;
  query?: Q;
  /** Request headers the route reads; validated and documented like parameters. */
  headers?: H;
  /** JSON request body; the API insists on Content-Type application/json. */
  body?: B;
  /** The problem code a body that fails `body` is reported with (default api.invalid_request). */
  invalidBodyCode?: { code: string; httpStatus: number; title: string };
  responses: Record<number, ResponseSpec>;
  /** Overrides the default CORS allowlist (the OpenAPI document is public to every origin). */
  publicCors?: boolean;
  handle(ctx: RouteContext<Out<P>, Out<Q>, Out<B>, Out<H>>): Response | Promise<Response>;
}

export type ApiRoute = RouteSpec<
  z.ZodObject | undefined,
  z.ZodObject | undefined,
  z.ZodType | undefined,
  z.ZodObject | undefined
>;

/** Keeps the handler's input types tied to the schemas it declares. */
export function defineRoute<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  H extends z.ZodObject | undefined = undefined,
>(spec: RouteSpec<P, Q, B, H>): ApiRoute {
  return spec as unknown as ApiRoute;
}

/**
 * One plug-in unit of the API: a domain module (budgets, registry, voting, cases...) adds one file
 * under routes/ exporting an ApiModule, and one line in routes/index.ts.
 */
export interface ApiModule {
  /** OpenAPI tag of the module's routes. */
  tag: { name: string; description: string };
  routes: ApiRoute[];
  /** Error registries of the module, so its refusals answer with their own status and title. */
  errors?: ErrorRegistryLike[];
}
