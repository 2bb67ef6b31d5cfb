// Signed anchor txs per second over HTTP (POST /v1/transactions?wait=commit), with the load
// generator in a separate process.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startNode } from '../src/node/start-node.ts';

export async function benchAnchorsHttp(count: number, concurrency: number) {
  const home = mkdtempSync(join(tmpdir(), 'ketenboek-bench-http-'));
  const node = await startNode({ home, port: 0, blockIntervalMs: 20, log: () => {} });
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        new URL('./http-load.ts', import.meta.url).pathname,
        node.url,
        String(count),
        String(concurrency),
      ],
      { maxBuffer: 1 << 20 },
    );
    return JSON.parse(stdout) as {
      txs: number;
      refused: number;
      concurrency: number;
      txPerSecond: number;
      p50ms: number;
      p99ms: number;
      seconds: number;
      loadGenCpuMsPerTx: number;
    };
  } finally {
    await node.stop();
  }
}
