// Starting and stopping the nodes of a local network as detached processes (they outlive the
// `ketenboek network start` command), tracked by pid files in each node home.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cometRpc, inspectCometbftBinary, REPO_ROOT, readFileTail } from '../engines/cometbft/process.ts';
import {
  type NetworkNode,
  nodeHome,
  nodePaths,
  processMarkers,
  readManifest,
  rpcUrlOf,
  selectNodes,
} from './network-layout.ts';
import { isOurProcess, livePid, removePid, signal, terminate, waitForExit, writePid } from './pid-files.ts';
import { takenPorts } from './ports.ts';

const RUN_NODE = fileURLToPath(new URL('./run-node.ts', import.meta.url));
// Resolved here, not from the caller's working directory, so `network start` works from anywhere.
const TSX_LOADER = import.meta.resolve('tsx');

export interface StartNodesOptions {
  /** Node names; all nodes when empty. */
  nodes?: string[];
  /** How long to wait for each node's CometBFT RPC (which answers once the replay is done). */
  timeoutMs?: number;
}

export interface StartedNode {
  name: string;
  pid: number;
  alreadyRunning: boolean;
}

/** Fails with what to do when the pinned CometBFT is not built, before any node is touched. */
export function requireCometbft(): void {
  const binary = inspectCometbftBinary();
  if (!binary.usable) throw new Error(binary.problem);
}

export async function startNetwork(dir: string, opts: StartNodesOptions = {}): Promise<StartedNode[]> {
  requireCometbft();
  const manifest = readManifest(dir);
  const nodes = selectNodes(manifest, opts.nodes);
  const started: StartedNode[] = [];
  for (const node of nodes) started.push(await spawnNode(dir, node));
  // Started together, waited for together: a node's replay does not need its peers.
  await Promise.all(
    started
      .filter((s) => !s.alreadyRunning)
      .map((s) => waitUntilUp(dir, selectNodes(manifest, [s.name])[0]!, s.pid, opts.timeoutMs ?? 90_000)),
  );
  return started;
}

async function spawnNode(dir: string, node: NetworkNode): Promise<StartedNode> {
  const home = nodeHome(dir, node.name);
  const paths = nodePaths(home);
  const running = livePid(paths.runNodePid, processMarkers(home).runNode);
  if (running !== undefined) return { name: node.name, pid: running, alreadyRunning: true };
  // A CometBFT whose app process was killed may take a moment to notice; it holds the ports.
  const orphan = livePid(paths.cometbftPid, processMarkers(home).cometbft);
  if (orphan !== undefined) await terminate(orphan, processMarkers(home).cometbft, 10_000);
  const taken = await takenPorts(node.ports);
  if (taken.length > 0) throw new Error(`node ${node.name} cannot start: port(s) ${taken.join(', ')} in use`);

  const log = openSync(paths.nodeLog, 'a');
  // e.g. KETENBOEK_RUN_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the nodes.
  const extraArgs = (process.env.KETENBOEK_RUN_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
  const child = spawn(process.execPath, [...extraArgs, '--import', TSX_LOADER, RUN_NODE, home], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', log, log],
    env: process.env,
  });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`node ${node.name} could not be spawned`);
  child.unref();
  // Written here as well as by the child, so `stop` right after `start` finds it.
  writePid(paths.runNodePid, child.pid);
  return { name: node.name, pid: child.pid, alreadyRunning: false };
}

async function waitUntilUp(dir: string, node: NetworkNode, pid: number, timeoutMs: number): Promise<void> {
  const home = nodeHome(dir, node.name);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isOurProcess(pid, processMarkers(home).runNode)) {
      throw new Error(
        `node ${node.name} stopped while starting; the end of ${nodePaths(home).nodeLog}:\n${logTail(home)}`,
      );
    }
    try {
      await cometRpc(rpcUrlOf(node), 'status');
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(
    `node ${node.name} did not come up within ${timeoutMs} ms; the end of its log:\n${logTail(home)}`,
  );
}

export function logTail(home: string, lines = 30): string {
  return readFileTail(nodePaths(home).nodeLog, 16_384).split('\n').slice(-lines).join('\n');
}

export interface StopNodesOptions {
  nodes?: string[];
  /** How long a node gets to stop cleanly before it is killed. */
  graceMs?: number;
}

/** Stops nodes cleanly (SIGTERM: CometBFT first, then the app). Returns the names that were running. */
export async function stopNetwork(dir: string, opts: StopNodesOptions = {}): Promise<string[]> {
  const manifest = readManifest(dir);
  const nodes = selectNodes(manifest, opts.nodes);
  const stopped = await Promise.all(nodes.map((node) => stopNode(dir, node, opts.graceMs ?? 20_000)));
  return nodes.filter((_, i) => stopped[i]).map((n) => n.name);
}

async function stopNode(dir: string, node: NetworkNode, graceMs: number): Promise<boolean> {
  const home = nodeHome(dir, node.name);
  const paths = nodePaths(home);
  const markers = processMarkers(home);
  const runNode = livePid(paths.runNodePid, markers.runNode);
  if (runNode !== undefined) await terminate(runNode, markers.runNode, graceMs);
  const cometbft = livePid(paths.cometbftPid, markers.cometbft);
  if (cometbft !== undefined) await terminate(cometbft, markers.cometbft, 5_000);
  removePid(paths.runNodePid);
  removePid(paths.cometbftPid);
  return runNode !== undefined || cometbft !== undefined;
}

/**
 * Kills a node's processes without letting them stop cleanly, as a crash or power cut would.
 * `which` picks the app process only (CometBFT then stops when its ABCI connection drops), or both.
 */
export async function killNode(dir: string, name: string, which: 'app' | 'all' = 'all'): Promise<void> {
  const home = nodeHome(dir, name);
  const paths = nodePaths(home);
  const markers = processMarkers(home);
  const runNode = livePid(paths.runNodePid, markers.runNode);
  const cometbft = livePid(paths.cometbftPid, markers.cometbft);
  if (runNode !== undefined) signal(runNode, 'SIGKILL');
  if (which === 'all' && cometbft !== undefined) signal(cometbft, 'SIGKILL');
  if (runNode !== undefined) await waitForExit(runNode, markers.runNode, 10_000);
  if (cometbft !== undefined) await waitForExit(cometbft, markers.cometbft, 10_000);
}

/**
 * SIGKILL to every process of the network, synchronously: for exit hooks of tests and benchmarks,
 * whose detached nodes would otherwise outlive them.
 */
export function killNetworkSync(dir: string): void {
  let manifest: ReturnType<typeof readManifest>;
  try {
    manifest = readManifest(dir);
  } catch {
    return;
  }
  for (const node of manifest.nodes) {
    const home = nodeHome(dir, node.name);
    const paths = nodePaths(home);
    const markers = processMarkers(home);
    for (const pid of [
      livePid(paths.runNodePid, markers.runNode),
      livePid(paths.cometbftPid, markers.cometbft),
    ]) {
      if (pid !== undefined) signal(pid, 'SIGKILL');
    }
  }
}

/** Whether the node's app process runs. */
export function isNodeRunning(dir: string, name: string): boolean {
  const home = nodeHome(dir, name);
  return livePid(nodePaths(home).runNodePid, processMarkers(home).runNode) !== undefined;
}
