// Load generator for the HTTP benchmark, run as its own process so it does not share the node's
// event loop: pre-signs anchors, then POSTs them with ?wait=commit from many concurrent lanes.
import { percentile } from './machine.ts';
import { RawHttpConnection } from './raw-http-connection.ts';
import { signedAnchors } from './signed-anchors.ts';

const [url, countArg, concurrencyArg] = process.argv.slice(2);
const count = Number(countArg ?? 5000);
const concurrency = Number(concurrencyArg ?? 256);
const status = (await (await fetch(`${url}/v1/status`)).json()) as { chainId: string };
const lanes = signedAnchors(status.chainId, count, concurrency, `http ${Date.now()}`);
const latencies: number[] = [];
let refused = 0;
// One keep-alive connection per lane, on a minimal HTTP client (raw-http-connection.ts): this
// process shares the two cores with the node, so its own CPU per request is kept small.
const target = new URL(url!);
const path = `${target.pathname.replace(/\/$/, '')}/v1/transactions?wait=commit`;
const connections = lanes.map(() => new RawHttpConnection(target.hostname, Number(target.port)));
const started = performance.now();
const cpu0 = process.cpuUsage();
await Promise.all(
  lanes.map(async (lane, i) => {
    const connection = connections[i]!;
    for (const body of lane) {
      const t0 = performance.now();
      const answer = await connection.post(path, body);
      // A committed tx answers 201 with its result; anything else counts as refused.
      if (answer.status !== 201 || !answer.body.includes('"status":"committed"')) refused++;
      latencies.push(performance.now() - t0);
    }
  }),
);
for (const connection of connections) connection.close();
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
