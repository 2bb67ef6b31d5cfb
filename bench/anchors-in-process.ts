// Sustained signed anchor txs per second through the embedded engine, in process, with durable
// commits (SQLite synchronous=FULL) and signature checks on two worker threads.
import { LedgerApp } from '../src/app/ledger-app.ts';
import { generateKeyPair } from '../src/core/ed25519-node.ts';
import { EmbeddedEngine } from '../src/engines/embedded/embedded-engine.ts';
import { ALL_MODULES } from '../src/modules/registry.ts';
import { buildGenesis, fakeOin } from '../src/node/genesis-builder.ts';
import { tempDbPath } from '../src/testing/test-chain.ts';
import { percentile } from './machine.ts';
import { signedAnchors } from './signed-anchors.ts';
import { mainThreadCpuMs, mainThreadMsPer } from './thread-cpu.ts';

export interface InProcessResult {
  txs: number;
  seconds: number;
  txPerSecond: number;
  p50ms: number;
  p99ms: number;
  blocks: number;
  cpuMsPerTx: number;
  /** CPU of the main thread alone (block execution, commits) per tx. */
  mainMsPerTx: number | undefined;
  dbPath: string;
}

export async function benchAnchorsInProcess(
  count: number,
  opts: { inFlight?: number } = {},
): Promise<InProcessResult> {
  const chainId = 'bench';
  const nodeKey = generateKeyPair();
  const org = generateKeyPair();
  const dbPath = tempDbPath('ketenboek-bench-');
  const app = new LedgerApp({ dbPath, modules: ALL_MODULES });
  app.initChain(
    buildGenesis({
      chainId,
      genesisTime: new Date().toISOString(),
      organisations: [
        {
          oin: fakeOin(1),
          name: 'Bench',
          roles: [],
          keys: [org.publicKey],
          member: true,
          validator: { pubKey: nodeKey.publicKey, power: 1 },
        },
      ],
    }),
  );
  const engine = new EmbeddedEngine({
    app,
    nodeKey,
    blockIntervalMs: 50,
    maxBlockTxs: 2000,
    mempoolCapacity: 20_000,
    signatureWorkers: 2,
    backgroundWrites: true,
  });
  const lanes = signedAnchors(chainId, count);
  const startHeight = app.lastHeight;
  engine.start();
  const latencies: number[] = [];
  const inFlight = opts.inFlight ?? 6000;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const mainStart = mainThreadCpuMs();
  let next = 0;
  // Round-robin over lanes keeps every account's txs in nonce order.
  const order: Uint8Array[] = [];
  const depth = Math.max(...lanes.map((l) => l.length));
  for (let d = 0; d < depth; d++) for (const l of lanes) if (l[d]) order.push(l[d]!);
  await new Promise<void>((resolve, reject) => {
    let done = 0;
    let active = 0;
    const pump = () => {
      while (active < inFlight && next < order.length) {
        const bytes = order[next++]!;
        active++;
        const t0 = performance.now();
        engine
          .submit(bytes)
          .then((r) => {
            if (r.code !== 0) throw new Error(`refused: ${r.error} ${r.log}`);
            return engine.waitForCommit(r.hash, 120_000);
          })
          .then(() => {
            latencies.push(performance.now() - t0);
            active--;
            done++;
            if (done === order.length) resolve();
            else pump();
          }, reject);
      }
    };
    pump();
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const mainMsPerTx = mainThreadMsPer(mainStart, count);
  const blocks = app.lastHeight - startHeight;
  await engine.stop();
  app.close();
  latencies.sort((a, b) => a - b);
  return {
    txs: count,
    seconds,
    txPerSecond: Math.round(count / seconds),
    p50ms: Math.round(percentile(latencies, 50)),
    p99ms: Math.round(percentile(latencies, 99)),
    blocks,
    // CPU time of the whole process (main thread and signature workers) per tx: steadier than
    // wall-clock rates when other work shares the machine.
    cpuMsPerTx: Math.round(((cpu.user + cpu.system) / 1000 / count) * 1000) / 1000,
    mainMsPerTx,
    dbPath,
  };
}
