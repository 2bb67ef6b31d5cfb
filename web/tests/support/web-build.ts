// Builds web/dist when it is missing or older than any source it is made from (web/ and the
// ledger's own src/, which the app imports), so the browser tests always run the current app.
// Test files run in parallel processes: a lock directory lets one build while the others wait.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB_DIST = join(REPO, 'web', 'dist');
const LOCK = join(
  tmpdir(),
  `ketenboek-web-build-${createHash('sha256').update(REPO).digest('hex').slice(0, 12)}.lock`,
);
const LOCK_STALE_MS = 5 * 60_000;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (
      entry.name === 'node_modules' ||
      entry.name === 'dist' ||
      entry.name === 'tests' ||
      entry.name.startsWith('.')
    )
      continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return false;
  return statSync(index).mtimeMs > Math.max(newestMtime(join(REPO, 'web')), newestMtime(join(REPO, 'src')));
}

function tryLock(): boolean {
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    // A lock left by a crashed run must not block every later run.
    if (Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

export async function ensureWebBuilt(): Promise<void> {
  const deadline = Date.now() + LOCK_STALE_MS;
  while (!isFresh()) {
    if (tryLock()) {
      try {
        if (!isFresh()) {
          const { build } = await import('vite');
          await build({ configFile: join(REPO, 'web', 'vite.config.ts'), logLevel: 'warn' });
        }
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
      return;
    }
    if (Date.now() > deadline)
      throw new Error(`web/dist is still being built by another process (lock ${LOCK})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
