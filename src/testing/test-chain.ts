// A throwaway chain for tests: an in-memory (or temp-file) app with an embedded engine and a few
// organisations whose keys the test holds. Everything here is fake test data.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LedgerApp } from '../app/ledger-app.ts';
import type { Module } from '../app/module.ts';
import type { TxResult } from '../app/types.ts';
import { generateKeyPair } from '../core/ed25519-node.ts';
import { encodeSignedTx } from '../core/tx.ts';
import { signTx } from '../core/tx-node.ts';
import { EmbeddedEngine } from '../engines/embedded/embedded-engine.ts';
import { ALL_MODULES } from '../modules/registry.ts';
import { buildGenesis, fakeOin, type GenesisOrg } from '../node/genesis-builder.ts';

export interface TestKey {
  publicKey: string;
  privateKey: string;
  oin?: string;
}

export interface TestChainOptions {
  /** Roles per organisation; one organisation is made per entry. The first is a member and the validator. */
  orgs?: Array<{ roles: string[]; member?: boolean; name?: string }>;
  modules?: Module[];
  dbPath?: string;
  blockIntervalMs?: number;
  genesisTime?: string;
  chainId?: string;
  extraGenesis?: Record<string, unknown>;
  /** Clock for block times (tests that need time to pass, e.g. voting windows). */
  now?: () => number;
  /** Write blocks on a worker thread as a node does (needs a file dbPath). */
  backgroundWrites?: boolean;
}

export interface TestChain {
  app: LedgerApp;
  engine: EmbeddedEngine;
  chainId: string;
  nodeKey: TestKey;
  orgs: TestKey[];
  dbPath: string;
  newAccount(): TestKey;
  /** Signs `type`/`body` with `key` using the next free nonce. */
  sign(key: TestKey, type: string, body: unknown, nonce?: number): Uint8Array;
  /** Submits and waits for commit; throws if the node refuses it at check time. */
  send(key: TestKey, type: string, body: unknown): Promise<TxResult & { hash: string; height: number }>;
  /** Submits, returning the check refusal or the committed result. */
  trySend(
    key: TestKey,
    type: string,
    body: unknown,
  ): Promise<{ code: number; error: string; log: string; result?: TxResult }>;
  stop(): Promise<void>;
}

export function tempDbPath(prefix = 'ketenboek-test-'): string {
  return join(mkdtempSync(join(tmpdir(), prefix)), 'app.db');
}

export async function createTestChain(opts: TestChainOptions = {}): Promise<TestChain> {
  const chainId = opts.chainId ?? 'ketenboek-test';
  const nodeKey = generateKeyPair();
  const orgSpecs = opts.orgs ?? [{ roles: ['sponsor'] }];
  const orgs: TestKey[] = [];
  const genesisOrgs: GenesisOrg[] = orgSpecs.map((spec, i) => {
    const k = generateKeyPair();
    const oin = fakeOin(i + 1);
    orgs.push({ ...k, oin });
    return {
      oin,
      name: spec.name ?? `Testorganisatie ${i + 1}`,
      roles: spec.roles,
      keys: [k.publicKey],
      member: spec.member ?? i === 0,
      ...(i === 0 ? { validator: { pubKey: nodeKey.publicKey, power: 10 } } : {}),
    };
  });
  const genesis = buildGenesis({
    chainId,
    genesisTime: opts.genesisTime ?? new Date(Math.floor(Date.now() / 1000) * 1000).toISOString(),
    organisations: genesisOrgs,
    minVotingSeconds: 0,
    ...(opts.extraGenesis ? { extra: opts.extraGenesis } : {}),
  });
  const dbPath = opts.dbPath ?? ':memory:';
  const app = new LedgerApp({ dbPath, modules: opts.modules ?? ALL_MODULES });
  if (!app.initialised) app.initChain(genesis);
  const engine = new EmbeddedEngine({
    app,
    nodeKey,
    blockIntervalMs: opts.blockIntervalMs ?? 10,
    emptyBlockIntervalMs: 3_600_000,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.backgroundWrites ? { backgroundWrites: true } : {}),
  });
  engine.start();
  const sign = (key: TestKey, type: string, body: unknown, nonce?: number) =>
    encodeSignedTx(
      signTx(
        { v: 1, chainId, type, signer: key.publicKey, nonce: nonce ?? app.nextNonce(key.publicKey), body },
        key.privateKey,
      ),
    );
  const trySend: TestChain['trySend'] = async (key, type, body) => {
    const check = await engine.submit(sign(key, type, body));
    if (check.code !== 0) return { code: check.code, error: check.error, log: check.log };
    const c = await engine.waitForCommit(check.hash);
    return { code: c.result.code, error: c.result.error, log: c.result.log, result: c.result };
  };
  return {
    app,
    engine,
    chainId,
    nodeKey,
    orgs,
    dbPath,
    newAccount: () => generateKeyPair(),
    sign,
    trySend,
    async send(key, type, body) {
      const check = await engine.submit(sign(key, type, body));
      if (check.code !== 0) throw new Error(`${type} refused: ${check.error}: ${check.log}`);
      const c = await engine.waitForCommit(check.hash);
      return { ...c.result, hash: c.hash, height: c.height };
    },
    async stop() {
      await engine.stop();
      app.close();
    },
  };
}
