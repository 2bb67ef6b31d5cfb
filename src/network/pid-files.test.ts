import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isOurProcess, livePid, terminate } from './pid-files.ts';

const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-pid-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('pid files', () => {
  it('trusts a pid only while that process carries the marker as a whole argument', async () => {
    const dir = tempDir();
    const home = join(dir, 'nodes', 'a');
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', home], { stdio: 'ignore' });
    const pidFile = join(dir, 'run-node.pid');
    writeFileSync(pidFile, `${child.pid}\n`);
    try {
      expect(livePid(pidFile, home)).toBe(child.pid);
      // A longer path that starts with the marker is another node.
      expect(isOurProcess(child.pid!, join(dir, 'nodes'))).toBe(false);
      expect(livePid(pidFile, `${home}b`)).toBeUndefined();
      await terminate(child.pid!, home, 5_000);
      expect(livePid(pidFile, home)).toBeUndefined();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('ignores a missing or garbled pid file', () => {
    const dir = tempDir();
    expect(livePid(join(dir, 'none.pid'), 'x')).toBeUndefined();
    writeFileSync(join(dir, 'bad.pid'), 'not a pid');
    expect(livePid(join(dir, 'bad.pid'), 'x')).toBeUndefined();
  });
});
