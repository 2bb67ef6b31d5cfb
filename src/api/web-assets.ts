// Serves the web app (a single-page app) from the node itself, outside /v1: files as they are,
// and index.html for any other path without a file extension, so client-side routes load.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { ApiEnv } from './headers.ts';
import { API_BASE } from './version.ts';

const isApiPath = (path: string) => path === API_BASE || path.startsWith(`${API_BASE}/`);

export function mountWebAssets(app: Hono<ApiEnv>, webDir: string): void {
  app.use('*', async (c, next) => {
    if (!isApiPath(c.req.path)) c.set('webAsset', true);
    await next();
  });
  const files = serveStatic<ApiEnv>({ root: webDir });
  app.get('*', async (c, next) => (isApiPath(c.req.path) ? next() : files(c, next)));
  app.get('*', async (c, next) => {
    const last = c.req.path.split('/').pop() ?? '';
    if (isApiPath(c.req.path) || last.includes('.')) return next();
    const html = await readFile(join(webDir, 'index.html'), 'utf8').catch(() => undefined);
    return html === undefined ? next() : c.html(html);
  });
}
