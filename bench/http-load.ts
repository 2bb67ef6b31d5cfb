// Load generator for the HTTP benchmark, run as its own process so it does not share the node's
// event loop: pre-signs anchors, then POSTs them with ?wait=commit from many concurrent lanes.
import { Agent, request } from 'node:http';
import { percentile } from './machine.ts';
import { signedAnchors } from './signed-anchors.ts';

const [url, countArg, concurrencyArg] = process.argv.slice(2);
const count = Number(countArg ?? 5000);
const concurrency = Number(concurrencyArg ?? 256);
const status = (await (await fetch(`${url}/v1/status`)).json()) as { chainId: string };
const lanes = signedAnchors(status.chainId, count, concurrency, `http ${Date.now()}`);
const latencies: number[] = [];
let refused = 0;
// node:http with keep-alive sockets, one per lane: fetch() costs several times more CPU per
// request, and this process shares the two cores with the node it measures.
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(`${url}/v1/transactions?wait=commit`);
function post(body: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        agent,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': body.byteLength },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
const started = performance.now();
await Promise.all(
  lanes.map(async (lane) => {
    for (const body of lane) {
      const t0 = performance.now();
      if ((await post(body)) !== 201) refused++;
      latencies.push(performance.now() - t0);
    }
  }),
);
agent.destroy();
const seconds = (performance.now() - started) / 1000;
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
  }),
);
