// Builds the web app into web/dist, which the node serves at /. The app imports the ledger's own
// TypeScript (client, canonical JSON, receipt and proof checks), so one implementation is shared by
// node, CLI and browser; the guard below fails the build if node-only code would reach the bundle.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const NODE_ONLY = /^(node:|better-sqlite3$|(fs|path|crypto|os|child_process|worker_threads|net|http|url)$)/;

const EMPTY = '\0ketenboek-empty-module';

function browserOnly(): Plugin {
  return {
    name: 'ketenboek-browser-only',
    enforce: 'pre',
    resolveId(source, importer) {
      // sjcl (inside @cloudflare/blindrsa-ts) tries require('crypto') only when it runs under
      // CommonJS and falls back to window.crypto otherwise; an empty module keeps it on that path.
      if (source === 'crypto' && importer?.includes('/blindrsa-ts/lib/src/sjcl/')) return EMPTY;
      if (NODE_ONLY.test(source)) {
        this.error(
          `"${source}" (imported by ${importer}) is node-only and must not reach the browser bundle`,
        );
      }
      return null;
    },
    load(id) {
      return id === EMPTY ? 'export default {};' : null;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [browserOnly()],
  oxc: { jsx: { runtime: 'automatic' } },
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2048,
    // The CSS of NL Design System is large; on a busy machine its transform trips the timing warning.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  // `npm run dev:web` against a node on 8080 (the node itself serves web/dist in every other case).
  server: { proxy: { '/v1': 'http://127.0.0.1:8080' } },
});
