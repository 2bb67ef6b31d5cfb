#!/usr/bin/env node
// The one test command (README and CI): lint, typecheck, then every test file with vitest.
// Ends with a plain "N passed, N failed, N skipped" line so CI can read the outcome.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const run = (cmd, args, opts = {}) => {
  process.stdout.write(`\n$ ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
};

const extra = process.argv.slice(2);
let failedSteps = 0;
if (extra.length === 0) {
  failedSteps += run('npx', ['biome', 'check', '.']) === 0 ? 0 : 1;
  failedSteps += run('npx', ['tsc', '--noEmit']) === 0 ? 0 : 1;
}
mkdirSync('test-output', { recursive: true });
const vitestStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-output/vitest.json',
  ...extra,
]);
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync('test-output/vitest.json', 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  skipped = report.numPendingTests + report.numTodoTests;
  if (report.numFailedTestSuites > 0 && failed === 0) failed = report.numFailedTestSuites;
} catch {
  failed = Math.max(failed, 1);
}
if (failedSteps > 0) process.stdout.write(`\n${failedSteps} check step(s) (lint/typecheck) failed\n`);
process.stdout.write(`\n${passed} passed, ${failed + failedSteps} failed, ${skipped} skipped\n`);
process.exit(vitestStatus !== 0 || failedSteps > 0 || failed > 0 ? 1 : 0);
