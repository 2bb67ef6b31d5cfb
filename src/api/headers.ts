// Headers that every answer carries (NL API Design Rules): the API version, no caching of ledger
// answers, and security headers; plus CORS for an explicit allowlist of web origins.
import type { Context, MiddlewareHandler } from 'hono';
import { API_VERSION } from './version.ts';

export const API_CSP = "frame-ancestors 'none'";
/** The web UI is served from this node: scripts, styles and API calls only from the same origin. */
export const WEB_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const EXPOSED = 'API-Version, Location, Link, Retry-After';

export type ApiEnv = { Variables: { webAsset: boolean; publicCors: boolean } };

/** On every API answer; web assets swap the CSP for WEB_CSP. */
export const API_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'API-Version': API_VERSION,
  'Cache-Control': 'no-store',
  'Content-Security-Policy': API_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
});

export function securityHeaders(): MiddlewareHandler<ApiEnv> {
  const set = (c: Context<ApiEnv>) => {
    for (const [name, value] of Object.entries(API_HEADERS)) c.header(name, value);
    if (c.get('webAsset')) c.header('Content-Security-Policy', WEB_CSP);
  };
  return async (c, next) => {
    // Set before the handler makes its response, so Hono includes them as it builds it: set
    // afterwards, each header would copy the finished Response again (six copies per request).
    set(c);
    await next();
    // A handler that built its Response itself did not take them, a stream helper may have put
    // its own Cache-Control, and web assets have their own CSP: set them again then.
    const h = c.res.headers;
    if (h.get('API-Version') !== API_VERSION || h.get('Cache-Control') !== 'no-store' || c.get('webAsset'))
      set(c);
  };
}

function allowOrigin(c: Context<ApiEnv>, origins: ReadonlySet<string>): string | undefined {
  if (c.get('publicCors')) return '*';
  const origin = c.req.header('Origin');
  return origin !== undefined && origins.has(origin) ? origin : undefined;
}

/**
 * CORS by allowlist. Preflights are answered here for any path; whether the route exists is
 * decided by the actual request, so an allowed origin learns nothing extra from a preflight.
 */
export function cors(
  allowlist: readonly string[],
  isPublicPath: (path: string) => boolean,
): MiddlewareHandler<ApiEnv> {
  const origins = new Set(allowlist);
  return async (c, next) => {
    if (isPublicPath(c.req.path)) c.set('publicCors', true);
    if (c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method')) {
      const allowed = allowOrigin(c, origins);
      const headers: Record<string, string> = { Vary: 'Origin' };
      if (allowed) {
        headers['Access-Control-Allow-Origin'] = allowed;
        headers['Access-Control-Allow-Methods'] = 'GET, POST, OPTIONS';
        headers['Access-Control-Allow-Headers'] = 'Content-Type, Last-Event-ID';
        headers['Access-Control-Max-Age'] = '600';
      }
      return c.body(null, 204, headers);
    }
    // Before the handler answers, for the same reason as in securityHeaders().
    const allowed = allowOrigin(c, origins);
    c.header('Vary', 'Origin', { append: true });
    if (allowed) {
      c.header('Access-Control-Allow-Origin', allowed);
      c.header('Access-Control-Expose-Headers', EXPOSED);
    }
    await next();
  };
}
