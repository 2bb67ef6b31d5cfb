// Load generator for the HTTP benchmark, run as its own process so it does not share the node's
// event loop: pre-signs anchors, then POSTs them with ?wait=commit from many concurrent lanes.
import { Pool } from 'undici';
import { percentile } from './machine.ts';
import { signedAnchors } from './signed-anchors.ts';

const [url, countArg, concurrencyArg] = process.argv.slice(2);
const count = Number(countArg ?? 5000);
const concurrency = Number(concurrencyArg ?? 256);
const status = (await (await fetch(`${url}/v1/status`)).json()) as { chainId: string };
const lanes = signedAnchors(status.chainId, count, concurrency, `http ${Date.now()}`);
const latencies: number[] = [];
let refused = 0;
// undici's connection pool, one keep-alive connection per lane: fetch() and node:http cost
// several times more CPU per request, and this process shares the two cores with the node.
const origin = new URL(url!).origin;
const pool = new Pool(origin, { connections: concurrency, pipelining: 1 });
const path = `${new URL(url!).pathname.replace(/\/$/, '')}/v1/transactions?wait=commit`;
async function post(body: Uint8Array): Promise<number> {
  const res = await pool.request({
    path,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  await res.body.dump();
  return res.statusCode;
}
const started = performance.now();
const cpu0 = process.cpuUsage();
await Promise.all(
  lanes.map(async (lane) => {
    for (const body of lane) {
      const t0 = performance.now();
      if ((await post(body)) !== 201) refused++;
      latencies.push(performance.now() - t0);
    }
  }),
);
await pool.close();
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
latencies.sort((a, b) => a - b);
process.stdout.write(
  JSON.stringify({
    txs: count,
    refused,
    concurrency,
    seconds,
    txPerSecond: Math.round(count / seconds),
    p50ms: Math.round(percentile(latencies, 50)),
    p99ms: Math.round(percentile(latencies, 99)),
    /** CPU of this load generator per tx (it shares the cores with the node). */
    loadGenCpuMsPerTx: Math.round(((cpu.user + cpu.system) / 1000 / count) * 1000) / 1000,
  }),
);
