// Load generator for the HTTP benchmark, run as its own process so it does not share the node's
// event loop: pre-signs anchors, then POSTs them with ?wait=commit from many concurrent lanes.
import { percentile } from './machine.ts';
import { signedAnchors } from './signed-anchors.ts';

const [url, countArg, concurrencyArg] = process.argv.slice(2);
const count = Number(countArg ?? 5000);
const concurrency = Number(concurrencyArg ?? 256);
const status = (await (await fetch(`${url}/v1/status`)).json()) as { chainId: string };
const lanes = signedAnchors(status.chainId, count, concurrency, `http ${Date.now()}`);
const latencies: number[] = [];
let refused = 0;
const started = performance.now();
await Promise.all(
  lanes.map(async (lane) => {
    for (const body of lane) {
      const t0 = performance.now();
      const res = await fetch(`${url}/v1/transactions?wait=commit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new TextDecoder().decode(body),
      });
      await res.arrayBuffer();
      if (res.status !== 201) refused++;
      latencies.push(performance.now() - t0);
    }
  }),
);
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
