// CPU an app process spends per tx when driven over ABCI the way CometBFT drives it, without
// CometBFT: the same app, engine and ABCI server as a network node, in a child process, fed by
// this process over the socket. Per tx: one CheckTx when it arrives (in small chunks, each with
// a Flush, as CometBFT's socket client sends them), one RecheckTx after the block before its own,
// and FinalizeBlock + Commit of its block. On a shared machine this is the repeatable part of
// bench/cometbft-network.ts's "CPU apps" column.
//
//   node --import tsx bench/abci-app-cost.ts [--blocks=20] [--block-txs=500] [--chunk=4]
//   ABCI_COST_WORKERS=1: verify CheckTx signatures on that many worker threads (as network nodes do).
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckTxType, Request, type Response } from 'cosmjs-types/tendermint/abci/types';
import { LedgerApp } from '../src/app/ledger-app.ts';
import { generateKeyPair } from '../src/core/ed25519-node.ts';
import { createResponseDecoder, encodeRequestFrame } from '../src/engines/cometbft/abci-wire.ts';
import { CometbftEngine } from '../src/engines/cometbft/cometbft-engine.ts';
import { cometbftAddress } from '../src/engines/cometbft/cometbft-keys.ts';
import { ALL_MODULES } from '../src/modules/registry.ts';
import { buildGenesis, fakeOin } from '../src/node/genesis-builder.ts';
import { signedAnchors } from './signed-anchors.ts';
import { mainThreadCpuMs } from './thread-cpu.ts';

type Phase = 'checkNew' | 'recheck' | 'finalize' | 'commit';

/** One ABCI connection, used strictly request → response like CometBFT's socket client. */
class AbciConnection {
  private readonly decoder = createResponseDecoder();
  private readonly received: Response[] = [];
  private waiter: (() => void) | undefined;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk) => {
      this.received.push(...this.decoder.push(chunk));
      this.waiter?.();
    });
  }

  static async open(address: string): Promise<AbciConnection> {
    const [host, port] = address.replace('tcp://', '').split(':');
    const socket = net.connect({ host: host!, port: Number(port) });
    socket.setNoDelay(true);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    return new AbciConnection(socket);
  }

  /** Sends the requests and a Flush in one write; resolves with the responses (Flush's dropped). */
  async send(requests: Request[]): Promise<Response[]> {
    const frames = [...requests, Request.fromPartial({ flush: {} })].map(encodeRequestFrame);
    this.socket.write(Buffer.concat(frames));
    while (this.received.length < frames.length) {
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
      });
    }
    return this.received.splice(0, frames.length).slice(0, -1);
  }

  close(): void {
    this.socket.destroy();
  }
}

async function serve(dir: string): Promise<void> {
  const app = new LedgerApp({ dbPath: join(dir, 'app.db'), modules: ALL_MODULES });
  const engine = new CometbftEngine({
    app,
    nodeKey: generateKeyPair(),
    rpcUrl: 'http://127.0.0.1:1', // never asked: nobody reads the mempool size here
    signatureWorkers: Number(process.env.ABCI_COST_WORKERS ?? 0),
    abciAddress: 'tcp://127.0.0.1:0',
  });
  const address = await engine.start();
  process.on('message', (msg: string) => {
    if (msg === 'cpu') {
      const usage = process.cpuUsage();
      process.send!({ cpuMs: (usage.user + usage.system) / 1000, mainMs: mainThreadCpuMs() ?? 0 });
    }
  });
  process.once('SIGINT', () => process.exit(0));
  process.send!({ address });
}

async function measure(opts: { blocks: number; blockTxs: number; chunk: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'kb-abci-cost-'));
  const child = fork(new URL(import.meta.url).pathname, ['--serve', dir], {
    // e.g. ABCI_COST_CHILD_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the app process.
    execArgv: [...(process.env.ABCI_COST_CHILD_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx'],
  });
  try {
    const address = await nextMessage<{ address: string }>(child).then((m) => m.address);
    const usage = async () => {
      child.send('cpu');
      return nextMessage<{ cpuMs: number; mainMs: number }>(child);
    };
    const cpu = async () => (await usage()).cpuMs;
    const mempool = await AbciConnection.open(address);
    const consensus = await AbciConnection.open(address);

    const chainId = 'abci-cost';
    const validator = generateKeyPair();
    const genesisTime = new Date().toISOString();
    const genesis = buildGenesis({
      chainId,
      genesisTime,
      organisations: [
        {
          oin: fakeOin(1),
          name: 'Bench',
          roles: [],
          keys: [generateKeyPair().publicKey],
          member: true,
          validator: { pubKey: validator.publicKey, power: 10 },
        },
      ],
    });
    await consensus.send([
      Request.fromPartial({
        initChain: { chainId, appStateBytes: new TextEncoder().encode(JSON.stringify(genesis)) },
      }),
    ]);
    // One account per tx of a block: block k holds every account's k-th tx.
    const lanes = signedAnchors(chainId, opts.blocks * opts.blockTxs, opts.blockTxs, `abci ${Date.now()}`);
    const blockTxs = (k: number) => lanes.map((lane) => lane[k]!);
    const proposer = Buffer.from(cometbftAddress(validator.publicKey), 'hex');

    const spent: Record<Phase, number> = { checkNew: 0, recheck: 0, finalize: 0, commit: 0 };
    const timed = async <T>(phase: Phase, run: () => Promise<T>): Promise<T> => {
      const before = await cpu();
      const result = await run();
      spent[phase] += (await cpu()) - before;
      return result;
    };
    const checkNew = (txs: Uint8Array[]) =>
      timed('checkNew', async () => {
        for (let i = 0; i < txs.length; i += opts.chunk) {
          const answers = await mempool.send(
            txs.slice(i, i + opts.chunk).map((tx) => Request.fromPartial({ checkTx: { tx } })),
          );
          for (const a of answers) if (a.checkTx?.code !== 0) throw new Error(`CheckTx: ${a.checkTx?.log}`);
        }
      });

    await checkNew(blockTxs(0));
    const start = await usage();
    for (let k = 0; k < opts.blocks; k++) {
      const next = k + 1 < opts.blocks ? blockTxs(k + 1) : [];
      // The next block's txs arrive while this one is being agreed on.
      if (next.length > 0) await checkNew(next);
      const height = k + 1;
      await timed('finalize', () =>
        consensus.send([
          Request.fromPartial({
            finalizeBlock: {
              txs: blockTxs(k),
              height: BigInt(height),
              time: { seconds: BigInt(Math.floor(Date.now() / 1000) + height), nanos: 0 },
              proposerAddress: proposer,
            },
          }),
        ]),
      );
      await timed('commit', () => consensus.send([Request.fromPartial({ commit: {} })]));
      if (next.length > 0)
        await timed('recheck', () =>
          mempool.send(next.map((tx) => Request.fromPartial({ checkTx: { tx, type: CheckTxType.RECHECK } }))),
        );
    }
    const end = await usage();
    mempool.close();
    consensus.close();
    const txs = opts.blocks * opts.blockTxs;
    const usPerTx = (ms: number) => Math.round((ms * 1000) / txs);
    return {
      txs,
      blockTxs: opts.blockTxs,
      chunk: opts.chunk,
      appCpuUsPerTx: usPerTx(end.cpuMs - start.cpuMs),
      /** The thread that answers every ABCI connection, consensus included (10 ms resolution). */
      mainThreadUsPerTx: usPerTx(end.mainMs - start.mainMs),
      phasesUsPerTx: Object.fromEntries(Object.entries(spent).map(([p, ms]) => [p, usPerTx(ms)])),
    };
  } finally {
    child.kill('SIGINT'); // not SIGKILL: --cpu-prof writes its profile on a normal exit
    rmSync(dir, { recursive: true, force: true });
  }
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve) => child.once('message', (m) => resolve(m as T)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: number) =>
    Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
  const serveAt = process.argv.indexOf('--serve');
  if (serveAt !== -1) await serve(process.argv[serveAt + 1]!);
  else {
    const result = await measure({
      blocks: arg('blocks', 20),
      blockTxs: arg('block-txs', 500),
      chunk: arg('chunk', 4),
    });
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}
