import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './test-support.ts';

const ALLOWED = 'https://ketenboek.example.nl';
const webDir = mkdtempSync(join(tmpdir(), 'ketenboek-web-'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Ketenboek</title>');
writeFileSync(join(webDir, 'app.js'), 'console.log(1);');

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ api: { corsOrigins: [ALLOWED], webDir } });
});
afterAll(() => t.close());

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get('API-Version')).toBe('1.0.0');
  expect(res.headers.get('Cache-Control')).toBe('no-store');
  expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
  expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(res.headers.get('X-Frame-Options')).toBe('DENY');
  expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
}

describe('headers on every response', () => {
  it('are present on success answers', async () => {
    const res = await t.get('/v1/status');
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
    expect(res.headers.get('Content-Security-Policy')).toBe("frame-ancestors 'none'");
  });

  it('are present on error answers: 400, 404, 405, 413, 415', async () => {
    const answers = [
      await t.get('/v1/blocks/zero'),
      await t.get('/v1/nothing-here'),
      await fetch(`${t.url}/v1/status`, { method: 'DELETE' }),
      await t.submit('x'.repeat(200 * 1024)),
      await t.post('/v1/transactions', '{}', { 'Content-Type': 'text/plain' }),
    ];
    expect(answers.map((r) => r.status)).toEqual([400, 404, 405, 413, 415]);
    for (const res of answers) {
      expectSecurityHeaders(res);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    }
  });

  it('are present on the event stream', async () => {
    const controller = new AbortController();
    const res = await fetch(`${t.url}/v1/events`, { signal: controller.signal });
    expect(res.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    expectSecurityHeaders(res);
    controller.abort();
  });
});

describe('routing', () => {
  it('answers a trailing slash with 404 problem, not a redirect', async () => {
    const res = await fetch(`${t.url}/v1/status/`, { redirect: 'manual' });
    expect(res.status).toBe(404);
    expect(res.headers.get('Location')).toBeNull();
    expect(await res.json()).toMatchObject({
      code: 'api.not_found',
      detail: expect.stringContaining('/v1/status'),
    });
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await t.get('/v1/ledgers');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({
      type: '/v1/problems/api.not_found',
      status: 404,
      instance: '/v1/ledgers',
    });
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const res = await fetch(`${t.url}/v1/transactions`, { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('POST, GET, HEAD');
  });
});

describe('CORS', () => {
  it('allows only origins on the allowlist', async () => {
    const allowed = await t.get('/v1/status', { Origin: ALLOWED });
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe(ALLOWED);
    expect(allowed.headers.get('Access-Control-Expose-Headers')).toContain('API-Version');
    const other = await t.get('/v1/status', { Origin: 'https://evil.example' });
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('answers preflights for allowed origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${t.url}/v1/transactions`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      });
    const ok = await preflight(ALLOWED);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe(ALLOWED);
    expect(ok.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    expectSecurityHeaders(ok);
    const refused = await preflight('https://evil.example');
    expect(refused.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('serves the OpenAPI document to every origin', async () => {
    const res = await t.get('/v1/openapi.json', { Origin: 'https://anyone.example' });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const bare = await t.get('/v1/openapi.json');
    expect(bare.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });
});

describe('web app files', () => {
  it('serves files and index.html for app routes, with a full CSP', async () => {
    const root = await t.get('/');
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('<title>Ketenboek</title>');
    expectSecurityHeaders(root);
    expect(root.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(root.headers.get('Content-Security-Policy')).toContain("connect-src 'self'");

    const js = await t.get('/app.js');
    expect(js.headers.get('Content-Type')).toMatch(/javascript/);
    const deep = await t.get('/budgetten/2026');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>Ketenboek</title>');
  });

  it('does not fall back to index.html for API paths or missing files', async () => {
    expect((await t.get('/v1/unknown')).headers.get('Content-Type')).toBe('application/problem+json');
    expect((await t.get('/missing.js')).status).toBe(404);
    const traversal = await t.get('/..%2f..%2f..%2fetc%2fpasswd');
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).not.toContain('root:');
  });
});
