// Starting and stopping CometBFT processes (one per home directory) and talking to their RPC.
// Every started process is tracked and killed when this Node process exits, so a failing test
// or a crash never leaves a node running.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TomlValue } from './config-toml.ts';

const execFileAsync = promisify(execFile);

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The single source of the pinned version, shared with scripts/setup-cometbft.sh. */
export function pinnedCometbftVersion(): { version: string; fallbackVersion: string } {
  return JSON.parse(readFileSync(new URL('./version.json', import.meta.url), 'utf8'));
}

/** `.cometbft-bin/cometbft` in the repo, unless KETENBOEK_COMETBFT_BIN points elsewhere. */
export function cometbftBinaryPath(): string {
  return process.env.KETENBOEK_COMETBFT_BIN ?? `${REPO_ROOT}.cometbft-bin/cometbft`;
}

export interface CometbftBinaryStatus {
  path: string;
  usable: boolean;
  /** As printed by `cometbft version`, e.g. "0.38.25". */
  version?: string;
  /** True when the binary is the fallback version rather than the pinned one. */
  isFallback?: boolean;
  /** Why it is not usable, with what to do about it. */
  problem?: string;
}

export function inspectCometbftBinary(path = cometbftBinaryPath()): CometbftBinaryStatus {
  const { version: pinned, fallbackVersion } = pinnedCometbftVersion();
  const fix = 'Run scripts/setup-cometbft.sh to build it.';
  if (!existsSync(path))
    return { path, usable: false, problem: `CometBFT binary not found at ${path}. ${fix}` };
  let version: string;
  try {
    // Synchronous on purpose: tests decide at collection time whether they can run.
    version = execFileSync(path, ['version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch (error) {
    return { path, usable: false, problem: `${path} does not run (${String(error)}). ${fix}` };
  }
  if (version === pinned.replace(/^v/, '')) return { path, usable: true, version, isFallback: false };
  if (version === fallbackVersion.replace(/^v/, '')) return { path, usable: true, version, isFallback: true };
  return {
    path,
    usable: false,
    version,
    problem: `CometBFT at ${path} is ${version}, expected ${pinned}. ${fix}`,
  };
}

export async function initCometbftHome(home: string, binary = cometbftBinaryPath()): Promise<void> {
  await execFileAsync(binary, ['init', '--home', home], { timeout: 30_000 });
}

/**
 * Consensus timings for nodes on one machine: blocks every few hundred milliseconds instead of
 * every second, so tests reach a height quickly. Apply with setTomlValues(config.toml, ...).
 */
export const FAST_LOCAL_CONSENSUS: Record<string, TomlValue> = {
  'consensus.timeout_propose': '1s',
  'consensus.timeout_commit': '200ms',
};

export interface StartCometbftOptions {
  home: string;
  /** Where the ABCI server listens, e.g. tcp://127.0.0.1:26658. */
  proxyApp: string;
  rpcPort: number;
  p2pPort: number;
  /** Interface for RPC and P2P; tests keep everything on 127.0.0.1. */
  host?: string;
  binary?: string;
  logLevel?: string;
  extraArgs?: string[];
  /**
   * Append CometBFT's output to this file instead of piping it through this process, so the log
   * survives (and CometBFT never blocks on) this process; output() then reads the file's tail.
   */
  logFile?: string;
}

export interface CometbftNode {
  home: string;
  rpcUrl: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
  /** The last part of the process's stdout/stderr, for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

const OUTPUT_LIMIT = 64 * 1024;

export function startCometbft(options: StartCometbftOptions): CometbftNode {
  const host = options.host ?? '127.0.0.1';
  const args = [
    'start',
    '--home',
    options.home,
    '--proxy_app',
    options.proxyApp,
    '--rpc.laddr',
    `tcp://${host}:${options.rpcPort}`,
    '--p2p.laddr',
    `tcp://${host}:${options.p2pPort}`,
    '--log_level',
    options.logLevel ?? 'info',
    ...(options.extraArgs ?? []),
  ];
  const logFd = options.logFile === undefined ? undefined : openSync(options.logFile, 'a');
  // output() shows this run only, not what earlier runs appended to the same file.
  const logStart = options.logFile === undefined ? 0 : statSync(options.logFile).size;
  const child = spawn(options.binary ?? cometbftBinaryPath(), args, {
    stdio: logFd === undefined ? ['ignore', 'pipe', 'pipe'] : ['ignore', logFd, logFd],
  });
  // The child has its own copy of the descriptor.
  if (logFd !== undefined) closeSync(logFd);
  running.add(child);

  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const logFile = options.logFile;

  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', (error) => {
      running.delete(child);
      collect(Buffer.from(`spawn failed: ${error.message}\n`));
      resolve('spawn-error');
    });
  });

  return {
    home: options.home,
    rpcUrl: `http://${host}:${options.rpcPort}`,
    child,
    exited,
    output: () =>
      logFile === undefined ? output : `${readFileTail(logFile, OUTPUT_LIMIT, logStart)}${output}`,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null || !running.has(child)) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Calls a CometBFT JSON-RPC method and returns `result`, throwing on an RPC error. */
export async function cometRpc<T = unknown>(
  rpcUrl: string,
  method: string,
  params: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string; data?: string } };
  if (body.error)
    throw new Error(`CometBFT RPC ${method} failed: ${body.error.message} ${body.error.data ?? ''}`);
  return body.result as T;
}

export async function latestHeight(rpcUrl: string): Promise<number> {
  const status = await cometRpc<{ sync_info: { latest_block_height: string } }>(rpcUrl, 'status');
  return Number(status.sync_info.latest_block_height);
}

/** Polls until the node's latest block height is at least `height`; fails fast if it exits. */
export async function waitForHeight(node: CometbftNode, height: number, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let exitedWith: number | string | undefined;
  void node.exited.then((code) => {
    exitedWith = code;
  });
  let lastError = '';
  while (Date.now() < deadline) {
    if (exitedWith !== undefined) {
      throw new Error(`CometBFT exited (${exitedWith}) before height ${height}:\n${tail(node.output())}`);
    }
    try {
      const current = await latestHeight(node.rpcUrl);
      if (current >= height) return current;
      lastError = `at height ${current}`;
    } catch (error) {
      // RPC not listening yet.
      lastError = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `CometBFT did not reach height ${height} in ${timeoutMs} ms (${lastError}):\n${tail(node.output())}`,
  );
}

/** A port that was free a moment ago on 127.0.0.1 (the OS picks it). */
export async function findFreePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('could not determine a free port');
  return address.port;
}

function tail(text: string, lines = 40): string {
  return text.split('\n').slice(-lines).join('\n');
}

/** The last `bytes` bytes of a file, not before offset `from`; '' when it does not exist. */
export function readFileTail(path: string, bytes: number, from = 0): string {
  if (!existsSync(path)) return '';
  const size = statSync(path).size;
  const start = Math.max(from, size - bytes, 0);
  const length = Math.max(size - start, 0);
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, length, start);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}
