// Runs one network node in this process, the CometBFT counterpart of src/node/start-node.ts:
// the app store, the ABCI server and the REST API, then CometBFT as a child process. The order
// matters: CometBFT replays stored blocks into the app as soon as it starts, so the app must be
// listening first; and it must stop first, so it never sees its app vanish mid-block.
import { readFileSync } from 'node:fs';
import { type RunningApi, serveApi } from '../api/server.ts';
import { LedgerApp } from '../app/ledger-app.ts';
import { CometbftEngine } from '../engines/cometbft/cometbft-engine.ts';
import { type CometbftNode, startCometbft } from '../engines/cometbft/process.ts';
import { ALL_MODULES } from '../modules/registry.ts';
import { homePaths } from '../node/home.ts';
import { nodePaths, processMarkers, readRunConfig } from './network-layout.ts';
import { livePid, removePid, terminate, writePid } from './pid-files.ts';

export interface RunningCometbftNode {
  name: string;
  apiUrl: string;
  rpcUrl: string;
  engine: CometbftEngine;
  cometbft: CometbftNode;
  /** Resolves when the node ends by itself: CometBFT exited, or the app failed on a block. */
  ended: Promise<NodeEnd>;
  stop(): Promise<void>;
}

/** Thrown when the node must not start; the message says why and what to do. */
export class NodeStartError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'NodeStartError';
  }
}

export interface NodeEnd {
  cause: 'cometbft-exited' | 'app-fatal';
  message: string;
}

export const EXIT_APP_STATE_REFUSED = 3;
export const EXIT_COMETBFT_FAILED = 4;
export const EXIT_APP_FATAL = 5;

export async function startCometbftNode(
  home: string,
  log: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<RunningCometbftNode> {
  const run = readRunConfig(home);
  const paths = nodePaths(home);
  // A CometBFT left behind by a killed run of this node would hold the ports and the databases.
  const marker = processMarkers(home).cometbft;
  const stale = livePid(paths.cometbftPid, marker);
  if (stale !== undefined) {
    log(`stopping CometBFT ${stale} left over from an earlier run`);
    await terminate(stale, marker, 10_000);
  }
  removePid(paths.cometbftPid);

  let app: LedgerApp;
  try {
    app = new LedgerApp({ dbPath: homePaths(home).appDb, modules: ALL_MODULES });
  } catch (error) {
    throw new NodeStartError(
      `node ${run.name} refuses to start: ${(error as Error).message}`,
      EXIT_APP_STATE_REFUSED,
    );
  }
  const nodeKey = JSON.parse(readFileSync(homePaths(home).nodeKey, 'utf8')) as {
    publicKey: string;
    privateKey: string;
  };
  const rpcUrl = `http://${run.host}:${run.ports.rpc}`;

  let endWith: (end: NodeEnd) => void = () => {};
  const ended = new Promise<NodeEnd>((resolve) => {
    endWith = resolve;
  });
  const engine = new CometbftEngine({
    app,
    nodeKey,
    rpcUrl,
    abciAddress: `tcp://${run.host}:${run.ports.abci}`,
    // New txs' signatures are checked on a worker thread, so the thread that answers consensus
    // (proposals, FinalizeBlock, Commit) is not held up by CheckTx: with 4 nodes on 2 cores this
    // cut p95 finality at 500 tx/s from about 7 s to 4 s for some 7% more CPU per tx. One is
    // enough: CheckTx arrives one tx at a time, and the nodes share the machine's cores.
    signatureWorkers: 1,
    // The app cannot go on with this block: stop CometBFT before it asks for anything else.
    onFatal: (error) => endWith({ cause: 'app-fatal', message: error.message }),
    log,
  });
  let api: RunningApi | undefined;
  try {
    await engine.start();
    api = await serveApi(engine, { host: run.host, port: run.ports.api });
  } catch (error) {
    await api?.close();
    await engine.stop();
    app.close();
    throw error;
  }

  const cometbft = startCometbft({
    home: paths.cometbftHome,
    proxyApp: `tcp://${run.host}:${run.ports.abci}`,
    rpcPort: run.ports.rpc,
    p2pPort: run.ports.p2p,
    host: run.host,
    logLevel: process.env.KETENBOEK_COMETBFT_LOG_LEVEL ?? '*:error,state:info,consensus:error',
    logFile: paths.cometbftLog,
  });
  if (cometbft.child.pid !== undefined) writePid(paths.cometbftPid, cometbft.child.pid);

  let stopping = false;
  void cometbft.exited.then((code) => {
    if (!stopping)
      endWith({ cause: 'cometbft-exited', message: explainCometbftExit(code, cometbft.output()) });
  });
  log(`node ${run.name}: app at height ${app.lastHeight}, API ${api.url}/v1, CometBFT RPC ${rpcUrl}`);

  return {
    name: run.name,
    apiUrl: api.url,
    rpcUrl,
    engine,
    cometbft,
    ended,
    async stop() {
      stopping = true;
      await cometbft.stop();
      removePid(paths.cometbftPid);
      await api?.close();
      await engine.stop();
      app.close();
    },
  };
}

/** CometBFT's own words are long Go panics; put the cause a partner must act on first. */
export function explainCometbftExit(code: number | string, output: string): string {
  // A replay panic prints the whole state and every goroutine after its first line: find that line.
  const mismatch = /^.*(?:AppHash does not match|wrong Block\.Header\.AppHash|app ?hash mismatch).*$/im.exec(
    output,
  );
  if (mismatch) {
    return `CometBFT stopped (${code}) on an app-hash mismatch: replaying the stored blocks gave a different app hash than the network agreed on. This node's app store was altered or damaged; restore it from a partner or rebuild it from blocks. CometBFT said: ${mismatch[0].trim()}`;
  }
  return `CometBFT exited unexpectedly (${code}):\n${output.split('\n').slice(-25).join('\n')}`;
}
