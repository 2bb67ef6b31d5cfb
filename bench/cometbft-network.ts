// Sustained tx/s and time to finality on a local network of 4 CometBFT validators (one per demo
// organisation, every process on this machine). Pre-signed anchor txs from many accounts are
// offered at a fixed rate, round-robin over the 4 nodes (CometBFT's RPC broadcast_tx_sync, or the
// REST API with --via=rest); finality is the time from sending a tx until node 0's app has
// committed the block that holds it.
//
//   node --import tsx bench/cometbft-network.ts [--rates=200,400,...] [--seconds=15] [--via=rpc|rest]
//
// The offered rate steps up until the network saturates (it falls behind, refuses txs because its
// mempool is full, or p95 finality passes 5 s). Prints JSON: per step the rates, finality
// percentiles, and the CPU time per tx of the apps, the CometBFT processes and the load generator.
// Also a section of `npm run bench` (cometbftNetworkSection).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '../src/core/hash-node.ts';
import { inspectCometbftBinary } from '../src/engines/cometbft/process.ts';
import { initNetwork } from '../src/network/init-network.ts';
import { killNetworkSync, startNetwork, stopNetwork } from '../src/network/network-control.ts';
import { apiUrlOf, type NetworkNode, nodeHome, nodePaths, rpcUrlOf } from '../src/network/network-layout.ts';
import { findFreeBasePort } from '../src/network/ports.ts';
import { benchAnchorsInProcess } from './anchors-in-process.ts';
import { machineInfo, percentile } from './machine.ts';
import type { BenchSection } from './sections.ts';
import { microsPerVerifyOnOneThread, signedCanonicalTxs } from './signature-ceiling.ts';
import { signedAnchors } from './signed-anchors.ts';

export interface NetworkBenchOptions {
  /** Offered load steps, tx/s; each runs on the same network with fresh accounts. */
  rates: number[];
  seconds: number;
  via: 'rpc' | 'rest';
  validators?: number;
  log?: (line: string) => void;
}

export interface RateResult {
  offeredTxPerSecond: number;
  /** What the sender actually managed to send (it stops sending when too many are in flight). */
  sentTxPerSecond: number;
  sent: number;
  refused: number;
  committed: number;
  /** Committed txs / (last commit − first send): the rate the network sustained. */
  sustainedTxPerSecond: number;
  finalityP50ms: number;
  finalityP95ms: number;
  finalityP99ms: number;
  finalityMaxMs: number;
  blocks: number;
  meanTxsPerBlock: number;
  /** Txs accepted but not seen committed within the drain time. */
  notCommitted: number;
  /**
   * CPU milliseconds per committed tx, summed over the 4 app processes, the 4 CometBFT processes
   * and the load generator: what the machine's cores are spent on, whatever else runs on it.
   */
  cpuMsPerTx: { apps: number; cometbft: number; loadGenerator: number };
}

const MAX_IN_FLIGHT = 512;
export const DEFAULT_RATES = [100, 200, 300, 400, 500, 600, 800, 1000, 1200];
const DRAIN_MS = 30_000;

export async function benchCometbftNetwork(opts: NetworkBenchOptions): Promise<RateResult[]> {
  const log = opts.log ?? (() => {});
  const validators = opts.validators ?? 4;
  const dir = mkdtempSync(join(tmpdir(), 'kb-bench-net-'));
  // The nodes are detached processes: kill them even when this process dies early (Ctrl-C, EPIPE).
  const killNodes = () => killNetworkSync(dir);
  process.once('exit', killNodes);
  const onSignal = (signal: NodeJS.Signals) => {
    killNodes();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const manifest = await initNetwork({ dir, validators, basePort: await findFreeBasePort(validators) });
    log(`starting ${validators} validators in ${dir}`);
    await startNetwork(dir, { timeoutMs: 120_000 });
    const nodes = manifest.nodes;
    await waitForHeight(nodes[0]!, 2);
    const results: RateResult[] = [];
    for (const rate of opts.rates) {
      log(`offering ${rate} tx/s for ${opts.seconds} s via ${opts.via}`);
      const result = await runRate(dir, manifest.chainId, nodes, rate, opts.seconds, opts.via);
      log(JSON.stringify(result));
      results.push(result);
      // Past saturation every further step only measures a longer queue.
      if (isSaturated(result)) break;
    }
    return results;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', killNodes);
    await stopNetwork(dir).catch(() => {});
    if (!process.env.KEEP_NETWORK) rmSync(dir, { recursive: true, force: true });
  }
}

/** The network did not keep up with the offered load. */
export function isSaturated(r: RateResult): boolean {
  return r.sustainedTxPerSecond < 0.9 * r.offeredTxPerSecond || r.finalityP95ms > 5_000 || r.refused > 0;
}

/** The highest offered rate the network kept up with at p95 finality under 2 s. */
export function bestRate(results: RateResult[]): RateResult | undefined {
  return results.filter((r) => !isSaturated(r) && r.finalityP95ms < 2_000).at(-1);
}

async function runRate(
  dir: string,
  chainId: string,
  nodes: NetworkNode[],
  rate: number,
  seconds: number,
  via: 'rpc' | 'rest',
): Promise<RateResult> {
  const total = rate * seconds;
  // Enough accounts that a free one is always there: an account's next tx waits for the previous
  // one's CheckTx, and lane i always goes to node i mod n, so its nonces arrive in order.
  const accounts = Math.max(nodes.length * 50, Math.ceil(rate * 0.5));
  const lanes = signedAnchors(chainId, total, accounts, `net ${rate} ${Date.now()}`);
  const sentAt = new Map<string, number>();
  const committedAt = new Map<string, number>();
  const tracker = trackCommits(nodes[0]!, sentAt, committedAt);
  const cpuBefore = cpuOf(dir, nodes);

  let sent = 0;
  let refused = 0;
  let inFlight = 0;
  const next = lanes.map(() => 0);
  const free: number[] = lanes.map((_, i) => i);
  const started = performance.now();
  const send = async (lane: number) => {
    const tx = lanes[lane]![next[lane]!]!;
    next[lane]! += 1;
    const hash = sha256Hex(tx);
    const node = nodes[lane % nodes.length]!;
    sentAt.set(hash, performance.now());
    inFlight++;
    sent++;
    let ok = false;
    try {
      ok = await submit(node, tx, via);
    } catch {
      ok = false;
    }
    inFlight--;
    if (!ok) {
      refused++;
      sentAt.delete(hash);
      return; // this lane's later nonces would be refused too
    }
    if (next[lane]! < lanes[lane]!.length) free.push(lane);
  };

  // Open loop: every few milliseconds, send what the schedule says is due.
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
    while (sent < due && inFlight < MAX_IN_FLIGHT && free.length > 0) void send(free.shift()!);
    if (performance.now() - started > seconds * 1000 * 3) break; // the sender cannot keep up at all
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const sendSeconds = (performance.now() - started) / 1000;
  const drainUntil = performance.now() + DRAIN_MS;
  while ((inFlight > 0 || committedAt.size < sentAt.size) && performance.now() < drainUntil) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const blocks = await tracker.stop();
  const cpuAfter = cpuOf(dir, nodes);

  const latencies: number[] = [];
  let lastCommit = started;
  for (const [hash, at] of committedAt) {
    const t0 = sentAt.get(hash);
    if (t0 === undefined) continue;
    latencies.push(at - t0);
    lastCommit = Math.max(lastCommit, at);
  }
  latencies.sort((a, b) => a - b);
  const committed = latencies.length;
  return {
    offeredTxPerSecond: rate,
    sentTxPerSecond: Math.round(sent / sendSeconds),
    sent,
    refused,
    committed,
    sustainedTxPerSecond: Math.round(committed / ((lastCommit - started) / 1000)),
    finalityP50ms: Math.round(percentile(latencies, 50)),
    finalityP95ms: Math.round(percentile(latencies, 95)),
    finalityP99ms: Math.round(percentile(latencies, 99)),
    finalityMaxMs: Math.round(latencies[latencies.length - 1] ?? 0),
    blocks: blocks.count,
    meanTxsPerBlock: blocks.count === 0 ? 0 : Math.round(blocks.txs / blocks.count),
    notCommitted: sentAt.size - committed,
    cpuMsPerTx: {
      apps: perTx(cpuAfter.apps - cpuBefore.apps, committed),
      cometbft: perTx(cpuAfter.cometbft - cpuBefore.cometbft, committed),
      loadGenerator: perTx(cpuAfter.self - cpuBefore.self, committed),
    },
  };
}

const perTx = (ms: number, txs: number) => (txs === 0 ? 0 : Math.round((ms / txs) * 1000) / 1000);

/** CPU time used so far (ms) by the nodes' app processes, their CometBFT processes and this process. */
function cpuOf(dir: string, nodes: NetworkNode[]): { apps: number; cometbft: number; self: number } {
  const ticks = 100; // USER_HZ on Linux
  const cpuMs = (pidFile: string) => {
    try {
      const pid = readFileSync(pidFile, 'utf8').trim();
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
    } catch {
      return 0;
    }
  };
  let apps = 0;
  let cometbft = 0;
  for (const node of nodes) {
    const paths = nodePaths(nodeHome(dir, node.name));
    apps += cpuMs(paths.runNodePid);
    cometbft += cpuMs(paths.cometbftPid);
  }
  const self = process.cpuUsage();
  return { apps, cometbft, self: (self.user + self.system) / 1000 };
}

// Plain node:http with kept-alive sockets: fetch() cost the load generator about 1 ms a tx, CPU
// the nodes on this machine would otherwise have.
const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

function post(url: string, path: string, body: string | Buffer): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        hostname,
        port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** GET over the same kept-alive sockets: the tracker asks node 0 fifty times a second. */
function getJson<T>(url: string): Promise<T> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T);
          } catch (error) {
            reject(error);
          }
        });
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/** True when the node accepted the tx into its mempool. */
async function submit(node: NetworkNode, tx: Uint8Array, via: 'rpc' | 'rest'): Promise<boolean> {
  if (via === 'rest') {
    const response = await post(apiUrlOf(node), '/v1/transactions', Buffer.from(tx));
    return response.status === 202 || response.status === 201;
  }
  const rpc = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'broadcast_tx_sync',
    params: { tx: Buffer.from(tx).toString('base64') },
  });
  const response = await post(rpcUrlOf(node), '/', rpc);
  return (JSON.parse(response.body) as { result?: { code: number } }).result?.code === 0;
}

/** Polls node 0's app for new blocks and notes when each tx was seen committed. */
function trackCommits(node: NetworkNode, sentAt: Map<string, number>, committedAt: Map<string, number>) {
  let running = true;
  let count = 0;
  let txs = 0;
  const loop = (async () => {
    let seen = await appHeight(node);
    while (running) {
      const height = await appHeight(node).catch(() => seen);
      const now = performance.now();
      for (let h = seen + 1; h <= height; h++) {
        const block = await getJson<{ txs: Array<{ hash: string; code: number }> }>(
          `${apiUrlOf(node)}/v1/blocks/${h}`,
        );
        if (block.txs.length === 0) continue;
        count++;
        txs += block.txs.length;
        for (const t of block.txs) if (t.code === 0 && sentAt.has(t.hash)) committedAt.set(t.hash, now);
      }
      seen = height;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { count, txs };
    },
  };
}

async function appHeight(node: NetworkNode): Promise<number> {
  return (await getJson<{ height: number }>(`${apiUrlOf(node)}/v1/status`)).height;
}

async function waitForHeight(node: NetworkNode, height: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await appHeight(node).catch(() => 0)) < height) {
    if (Date.now() > deadline) throw new Error(`node ${node.name} did not reach height ${height}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const cometbftNetworkSection: BenchSection = {
  name: 'cometbft',
  async run({ quick, log }) {
    const lines: string[] = ['## 4 CometBFT validators on one machine (`bench/cometbft-network.ts`)', ''];
    const binary = inspectCometbftBinary();
    if (!binary.usable) return [...lines, `Not measured: ${binary.problem}`, ''];
    const results = await benchCometbftNetwork({
      rates: quick ? [200, 400] : DEFAULT_RATES,
      seconds: quick ? 8 : 15,
      via: 'rpc',
      log,
    });
    const best = bestRate(results);
    lines.push(
      'Pre-signed anchor txs from many accounts, offered at fixed rates (stepping up until the network saturates) round-robin to the 4 nodes’ RPC (broadcast_tx_sync); finality = send → committed by node 0’s app. CPU = milliseconds of CPU time per committed tx, summed over the 4 app processes, the 4 CometBFT processes and the load generator.',
      '',
      '| offered tx/s | sent tx/s | committed | refused | sustained tx/s | p50 | p95 | p99 | txs/block | CPU apps | CPU CometBFT | CPU load gen. |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...results.map(
        (r) =>
          `| ${r.offeredTxPerSecond} | ${r.sentTxPerSecond} | ${r.committed} | ${r.refused} | **${r.sustainedTxPerSecond}** | ${r.finalityP50ms} ms | ${r.finalityP95ms} ms | ${r.finalityP99ms} ms | ${r.meanTxsPerBlock} | ${r.cpuMsPerTx.apps} ms | ${r.cpuMsPerTx.cometbft} ms | ${r.cpuMsPerTx.loadGenerator} ms |`,
      ),
      '',
      best
        ? `Highest offered rate sustained with p95 finality under 2 s: **${best.sustainedTxPerSecond} tx/s** (p95 ${best.finalityP95ms} ms).`
        : 'No offered rate was sustained with p95 finality under 2 s.',
      '',
      'Goal: ≥ 1,000 tx/s with p95 < 2 s. Reference: Besu QBFT with 4 validators ≈ 520–645 transfers/s; CometBFT QA ≈ 400 tx/s at 200 nodes. Here all 4 validators, their 4 CometBFT processes and the load generator share one machine, so every signature is verified and every tx executed four times on the same cores; on four machines each does a quarter of that CPU work.',
      '',
    );
    const busiest = results.at(-1);
    if (busiest) {
      const microsPerVerify = Math.round(microsPerVerifyOnOneThread(signedCanonicalTxs(2_000)) * 10) / 10;
      await benchAnchorsInProcess(2_000); // warm-up: the figure is for a node that has been running
      const embedded = await benchAnchorsInProcess(quick ? 2_000 : 20_000);
      lines.push(
        cpuCeilingSentence(busiest, machineInfo().cores, 4, microsPerVerify, embedded.cpuMsPerTx),
        '',
      );
    }
    return lines;
  },
};

/**
 * What the CPU of this one machine allows, from the measured CPU per tx of the busiest step: the
 * rate with every core fully busy; the rate if each app did no more per tx than a whole embedded
 * node does; and the rate if the apps did nothing but check each signature once per validator
 * (CometBFT's processes and the load generator as measured in both).
 */
export function cpuCeilingSentence(
  r: Pick<RateResult, 'offeredTxPerSecond' | 'cpuMsPerTx'>,
  cores: number,
  validators: number,
  microsPerVerify: number,
  embeddedMsPerTx: number,
): string {
  const { apps, cometbft, loadGenerator } = r.cpuMsPerTx;
  const rest = cometbft + loadGenerator;
  const total = apps + rest;
  const asEmbedded = validators * embeddedMsPerTx + rest;
  const signaturesOnly = (validators * microsPerVerify) / 1000 + rest;
  const perSecond = (ms: number) => Math.floor((cores * 1000) / ms).toLocaleString('en-US');
  return [
    `CPU ceiling on this machine (${cores} cores = ${cores * 1000} ms of CPU per second): at ${r.offeredTxPerSecond} tx/s offered the network spent ${total.toFixed(2)} ms of CPU per tx (CometBFT and the load generator ${rest.toFixed(2)} ms of it), so with every core busy it could not pass ${perSecond(total)} tx/s.`,
    `If each of the ${validators} apps spent no more per tx than a whole embedded node does (${embeddedMsPerTx} ms, measured in process: signature, check, execution, Merkle tree, durable commit), it would take ${asEmbedded.toFixed(2)} ms: at most ${perSecond(asEmbedded)} tx/s.`,
    `If the apps did nothing but check each signature once (${validators} × ${microsPerVerify} µs): ${signaturesOnly.toFixed(2)} ms, at most ${perSecond(signaturesOnly)} tx/s. All three with every core 100% busy, where finality times grow without bound.`,
  ].join(' ');
}

async function main(): Promise<void> {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const rates = (arg('rates') ?? DEFAULT_RATES.join(',')).split(',').map(Number);
  const via = arg('via') === 'rest' ? 'rest' : 'rpc';
  const results = await benchCometbftNetwork({
    rates,
    seconds: Number(arg('seconds') ?? 15),
    via,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const best = bestRate(results);
  process.stdout.write(
    `${JSON.stringify({ machine: machineInfo(), via, best: best ?? null, results }, null, 2)}\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
