// The token helpers run in residents' browsers: nothing they load at runtime may need Node.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ballotCommitment } from '../../modules/voting/token-message.ts';
import { sealBallot } from './voting-tokens.ts';

// Runtime imports only: `import type` and `export type` vanish when compiled.
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function runtimeImports(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (spec!.startsWith('.')) visit(resolve(dirname(file), spec!));
      else packages.add(spec!);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => f.split('/src/')[1]!), packages: [...packages] };
}

describe('voting token helpers', () => {
  it('load no node: built-ins and no node-only source files', () => {
    const { files, packages } = runtimeImports(fileURLToPath(new URL('./voting-tokens.ts', import.meta.url)));
    expect(packages.filter((p) => p.startsWith('node:'))).toEqual([]);
    expect(packages).toContain('@cloudflare/blindrsa-ts');
    expect(files).toContain('modules/voting/token-message.ts');
    expect(files.filter((f) => /-node\.ts$|token-verify|registrar-signer|\/node\//.test(f))).toEqual([]);
  });

  it('seal a choice with a fresh 32-byte salt into the commitment the ledger checks', () => {
    const token = 'ab'.repeat(32);
    const a = sealBallot('e1', token, { projects: ['x'] });
    const b = sealBallot('e1', token, { projects: ['x'] });
    expect(a.salt).toMatch(/^[0-9a-f]{64}$/);
    expect(a.salt).not.toBe(b.salt);
    expect(a.commitment).toBe(ballotCommitment('e1', token, { projects: ['x'] }, a.salt));
    expect(a.commitment).not.toBe(b.commitment);
  });
});
