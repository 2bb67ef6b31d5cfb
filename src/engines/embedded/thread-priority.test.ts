// Signature workers run one step back from the main thread and the block writer (Linux): the
// lowered nice value must apply to that worker thread only, never to the node's main thread.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

function niceOf(tid: number): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

describe.runIf(process.platform === 'linux')('lowerThisThreadPriority', () => {
  it('lowers the calling worker thread only', async () => {
    const mainBefore = niceOf(process.pid);
    const source = `
      const { parentPort } = require('node:worker_threads');
      const { readlinkSync } = require('node:fs');
      parentPort.once('message', async (url) => {
        const { register } = await import('tsx/esm/api');
        register();
        const { lowerThisThreadPriority } = await import(url);
        const applied = lowerThisThreadPriority(7);
        const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
        parentPort.postMessage({ applied, tid });
        parentPort.once('message', () => process.exit(0));
      });`;
    const w = new Worker(source, { eval: true });
    w.postMessage(new URL('./thread-priority.ts', import.meta.url).href);
    const { applied, tid } = await new Promise<{ applied: boolean; tid: number }>((resolve) =>
      w.once('message', resolve),
    );
    expect(applied).toBe(true);
    expect(tid).not.toBe(process.pid);
    expect(niceOf(tid)).toBe(Math.min(19, mainBefore + 7));
    expect(niceOf(process.pid)).toBe(mainBefore);
    w.postMessage('done');
    await new Promise((r) => w.once('exit', r));
  });
});
