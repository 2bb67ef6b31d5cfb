// A real local network for tests: `network init` in a temporary directory on a free port range,
// nodes as detached processes, and helpers to sign txs, call the nodes' REST API and CometBFT RPC,
// and compare what the nodes committed. Every process is killed when the test process exits.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../../src/core/canonical.ts';
import { generateKeyPair } from '../../src/core/ed25519-node.ts';
import { sha256Hex } from '../../src/core/hash-node.ts';
import { signTx } from '../../src/core/tx-node.ts';
import { cometRpc, inspectCometbftBinary } from '../../src/engines/cometbft/process.ts';
import { initNetwork } from '../../src/network/init-network.ts';
import { killNetworkSync, startNetwork, stopNetwork } from '../../src/network/network-control.ts';
import {
  apiUrlOf,
  type NetworkManifest,
  type NetworkNode,
  nodeHome,
  nodePaths,
  readManifest,
  rpcUrlOf,
} from '../../src/network/network-layout.ts';
import { findFreeBasePort } from '../../src/network/ports.ts';
import { Keyring } from '../../src/node/keyring.ts';

export const cometbftBinary = inspectCometbftBinary();
export const inCi = process.env.CI === 'true' || process.env.CI === '1';
/** Locally the network tests are skipped without the binary; in CI they fail instead. */
export const skipNetworkTests = !cometbftBinary.usable && !inCi;

export interface Key {
  publicKey: string;
  privateKey: string;
}

export interface TxAnswer {
  status: number;
  body: { hash?: string; status?: string; height?: number; index?: number; code?: string; detail?: string };
}

export class TestNetwork {
  private readonly nonces = new Map<string, number>();

  private constructor(
    readonly dir: string,
    public manifest: NetworkManifest,
  ) {}

  static async create(validators: number): Promise<TestNetwork> {
    if (!cometbftBinary.usable) throw new Error(`${cometbftBinary.problem} (required when CI=true)`);
    const dir = mkdtempSync(join(tmpdir(), 'kb-net-'));
    // Room for the genesis validators plus one joining node.
    const basePort = await findFreeBasePort(validators + 1);
    const manifest = await initNetwork({ dir, validators, basePort });
    const network = new TestNetwork(dir, manifest);
    killOnExit.add(network);
    return network;
  }

  get chainId(): string {
    return this.manifest.chainId;
  }

  node(name: string): NetworkNode {
    const node = this.manifest.nodes.find((n) => n.name === name);
    if (!node) throw new Error(`no node ${name}`);
    return node;
  }

  get names(): string[] {
    return this.manifest.nodes.map((n) => n.name);
  }

  api(name: string): string {
    return apiUrlOf(this.node(name));
  }

  rpc(name: string): string {
    return rpcUrlOf(this.node(name));
  }

  home(name: string): string {
    return nodeHome(this.dir, name);
  }

  reloadManifest(): void {
    this.manifest = readManifest(this.dir);
  }

  async start(names: string[] = []): Promise<void> {
    await startNetwork(this.dir, { nodes: names, timeoutMs: 120_000 });
  }

  async stop(names: string[] = []): Promise<void> {
    await stopNetwork(this.dir, { nodes: names });
  }

  /** Stops everything and removes the directory (kept with KEEP_NETWORK=1 for debugging). */
  async destroy(): Promise<void> {
    await this.stop();
    killOnExit.delete(this);
    if (!process.env.KEEP_NETWORK) rmSync(this.dir, { recursive: true, force: true });
  }

  orgKey(keyName: string): Key {
    return new Keyring(join(this.dir, 'keys')).get(keyName);
  }

  /** Signs with the next nonce this test has used for `key` (fresh accounts start at 1). */
  sign(key: Key, type: string, body: unknown): Uint8Array {
    const nonce = (this.nonces.get(key.publicKey) ?? 0) + 1;
    this.nonces.set(key.publicKey, nonce);
    const tx = signTx(
      { v: 1, chainId: this.chainId, type, signer: key.publicKey, nonce, body },
      key.privateKey,
    );
    return new TextEncoder().encode(canonicalJson(tx));
  }

  anchor(key: Key, label: string): Uint8Array {
    return this.sign(key, 'anchor.create', { hash: sha256Hex(`${label} ${Math.random()}`), label });
  }

  async post(name: string, tx: Uint8Array, wait = true): Promise<TxAnswer> {
    const response = await fetch(`${this.api(name)}/v1/transactions${wait ? '?wait=commit' : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new TextDecoder().decode(tx),
    });
    return { status: response.status, body: (await response.json()) as TxAnswer['body'] };
  }

  /** Posts and waits for the commit; fails unless the ledger accepted it (201). */
  async send(name: string, tx: Uint8Array): Promise<{ hash: string; height: number }> {
    const answer = await this.post(name, tx);
    if (answer.status !== 201)
      throw new Error(`tx to ${name} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return { hash: answer.body.hash!, height: answer.body.height! };
  }

  async getJson<T>(name: string, path: string): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.api(name)}/v1${path}`);
    return { status: response.status, body: (await response.json()) as T };
  }

  async height(name: string): Promise<number> {
    return (await this.getJson<{ height: number }>(name, '/status')).body.height;
  }

  async block(name: string, height: number): Promise<{ hash: string; appHash: string }> {
    const { status, body } = await this.getJson<{ hash: string; header: { appHash: string } }>(
      name,
      `/blocks/${height}`,
    );
    if (status !== 200) throw new Error(`${name} has no block ${height} (HTTP ${status})`);
    return { hash: body.hash, appHash: body.header.appHash };
  }

  async waitForHeight(names: string[], height: number, timeoutMs = 60_000): Promise<void> {
    await waitFor(`height ${height} on ${names.join(', ')}`, timeoutMs, async () => {
      for (const name of names) if ((await this.height(name).catch(() => -1)) < height) return false;
      return true;
    });
  }

  /** Heights of `names` once they stayed the same for `quietMs` (a halted chain). */
  async stableHeights(names: string[], quietMs: number, timeoutMs = 30_000): Promise<number[]> {
    const deadline = Date.now() + timeoutMs;
    let last = await Promise.all(names.map((n) => this.height(n)));
    while (Date.now() < deadline) {
      await sleep(quietMs);
      const now = await Promise.all(names.map((n) => this.height(n)));
      if (now.every((h, i) => h === last[i])) return now;
      last = now;
    }
    throw new Error(`heights of ${names.join(', ')} kept changing for ${timeoutMs} ms`);
  }

  /** Waits until all `names` have `height`, then returns each node's block hash and app hash there. */
  async blocksAt(names: string[], height: number): Promise<Array<{ hash: string; appHash: string }>> {
    await this.waitForHeight(names, height);
    return Promise.all(names.map((n) => this.block(n, height)));
  }

  async cometStatus(name: string): Promise<{ height: number; catchingUp: boolean }> {
    const s = await cometRpc<{ sync_info: { latest_block_height: string; catching_up: boolean } }>(
      this.rpc(name),
      'status',
    );
    return { height: Number(s.sync_info.latest_block_height), catchingUp: s.sync_info.catching_up };
  }

  logOf(name: string): string {
    const paths = nodePaths(this.home(name));
    const read = (p: string) => {
      try {
        return readFileSync(p, 'utf8');
      } catch {
        return '';
      }
    };
    return `${read(paths.nodeLog)}\n${read(paths.cometbftLog)}`;
  }
}

export function newAccount(): Key {
  return generateKeyPair();
}

export async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(150);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Detached node processes outlive a crashed test run unless killed here.
const killOnExit = new Set<TestNetwork>();
process.on('exit', () => {
  for (const network of killOnExit) killNetworkSync(network.dir);
});
