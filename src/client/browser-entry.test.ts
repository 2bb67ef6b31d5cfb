// The browser build bundles src/client/browser.ts: nothing it loads at runtime may need Node.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Runtime imports only: `import type` and `export type` vanish when compiled.
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function runtimeImports(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, spec] of source.matchAll(IMPORT)) {
      if (spec!.startsWith('.')) visit(resolve(dirname(file), spec!));
      else packages.add(spec!);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('browser entry', () => {
  it('loads no node: built-ins and none of the node-only core files', () => {
    const { files, packages } = runtimeImports(fileURLToPath(new URL('./browser.ts', import.meta.url)));
    expect(
      [...packages].filter(
        (p) => p.startsWith('node:') || (!p.includes('/') && ['fs', 'crypto', 'path'].includes(p)),
      ),
    ).toEqual([]);
    const names = [...files].map((f) => f.split('/src/')[1]);
    expect(names).toContain('client/client-base.ts');
    expect(names).toContain('core/ed25519-browser.ts');
    expect(names.filter((n) => /-node\.ts$|\/node\//.test(n ?? ''))).toEqual([]);
  });

  it('is checked by a scanner that does see node imports', () => {
    const { packages } = runtimeImports(fileURLToPath(new URL('./index.ts', import.meta.url)));
    expect(packages).toContain('node:crypto');
  });
});
