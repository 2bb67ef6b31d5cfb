// Mounts one declared route on the Hono app: content type, size limit, then every input checked
// against the route's schemas at once, then the handler.
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { ApiEnv } from './headers.ts';
import { parseJson, readBodyBytes, requireJsonContentType } from './request-body.ts';
import type { ApiRoute, ApiServices } from './route.ts';
import { InputErrors, invalidParamsProblem } from './validation.ts';
import { API_BASE } from './version.ts';

export function honoPath(route: ApiRoute): string {
  return API_BASE + route.path.replace(/\{(\w+)\}/g, ':$1');
}

/** Matches a concrete request path against the route's template (for 405 answers). */
export function pathPattern(route: ApiRoute): RegExp {
  const literal = (API_BASE + route.path).split(/\{\w+\}/).map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literal.join('[^/]+')}$`);
}

function headerValues(c: Context, schema: z.ZodObject): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const name of Object.keys(schema.shape)) out[name] = c.req.header(name);
  return out;
}

export function mountRoute(app: Hono<ApiEnv>, route: ApiRoute, api: ApiServices): void {
  app.on(route.method.toUpperCase(), honoPath(route), async (c) => {
    let rawBody: Uint8Array | undefined;
    let json: unknown;
    if (route.body) {
      requireJsonContentType(c);
      rawBody = await readBodyBytes(c);
      json = parseJson(rawBody);
    }
    const errors = new InputErrors();
    const params = route.params ? errors.parse(route.params, c.req.param()) : undefined;
    const query = route.query ? errors.parse(route.query, c.req.query()) : undefined;
    const headers = route.headers ? errors.parse(route.headers, headerValues(c, route.headers)) : undefined;
    const before = errors.params.length;
    const body = route.body ? errors.parse(route.body, json) : undefined;
    if (errors.params.length > 0) {
      const onlyBody = before === 0;
      throw invalidParamsProblem(errors.params, onlyBody ? route.invalidBodyCode : undefined);
    }
    return route.handle({ c, api, node: api.node, params, query, headers, body, rawBody });
  });
}
