// Runs the real `ketenboek` binary against a test node, for CLI tests: one child process per
// command, from a neutral directory, with the home and node the test sets up.
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/ketenboek.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `target()` is read per command, so a test may set its home and node in beforeAll. */
export function cliRunner(target: () => { home: string; nodeUrl: string }) {
  const cli = (...args: string[]): Promise<CliRun> => {
    const { home, nodeUrl } = target();
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [BIN, ...args],
        {
          cwd: tmpdir(),
          env: { ...process.env, KETENBOEK_HOME: home, KETENBOEK_NODE: nodeUrl, KETENBOEK_DEBUG: '' },
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
    });
  };
  return { cli };
}

export function ok(r: CliRun): CliRun {
  expect(r.code, r.stderr).toBe(0);
  return r;
}

/** The CLI's contract for errors: the given exit code and exactly one line on stderr. */
export function oneLineError(r: CliRun, code: number, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
}
