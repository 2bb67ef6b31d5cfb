// The CometBFT engine in this process with one real CometBFT validator: what the REST API and CLI
// rely on (submit, waitForCommit, 'block' events, refusals with their stable codes). Skipped
// without the binary locally; fails in CI.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { StoredBlock } from '../../app/app-store.ts';
import { LedgerApp } from '../../app/ledger-app.ts';
import { buildReceipt } from '../../app/receipt.ts';
import { canonicalJson } from '../../core/canonical.ts';
import { generateKeyPair } from '../../core/ed25519-node.ts';
import { sha256Hex } from '../../core/hash-node.ts';
import { verifyReceipt } from '../../core/receipt-verify.ts';
import { signTx } from '../../core/tx-node.ts';
import { ALL_MODULES } from '../../modules/registry.ts';
import { buildGenesis, fakeOin } from '../../node/genesis-builder.ts';
import { CometbftEngine } from './cometbft-engine.ts';
import { writeCometbftGenesis } from './cometbft-genesis.ts';
import { writePrivValidatorKey } from './cometbft-keys.ts';
import { setTomlValues } from './config-toml.ts';
import {
  type CometbftNode,
  FAST_LOCAL_CONSENSUS,
  findFreePort,
  initCometbftHome,
  inspectCometbftBinary,
  startCometbft,
  waitForHeight,
} from './process.ts';

const binary = inspectCometbftBinary();
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const chainId = 'engine-test';

describe.skipIf(!binary.usable && !inCi)('CometbftEngine with one CometBFT validator', () => {
  const validator = generateKeyPair();
  const dir = mkdtempSync(join(tmpdir(), 'kb-engine-'));
  const app = new LedgerApp({ dbPath: join(dir, 'app.db'), modules: ALL_MODULES });
  let engine: CometbftEngine;
  let cometbft: CometbftNode;
  const fatal: Error[] = [];

  beforeAll(async () => {
    if (!binary.usable) throw new Error(`${binary.problem} (required when CI=true)`);
    const home = join(dir, 'cometbft');
    await initCometbftHome(home);
    writePrivValidatorKey(home, validator);
    writeCometbftGenesis(
      home,
      buildGenesis({
        chainId,
        genesisTime: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString(),
        organisations: [
          {
            oin: fakeOin(1),
            name: 'Gemeente Test',
            roles: ['sponsor'],
            keys: [generateKeyPair().publicKey],
            member: true,
            validator: { pubKey: validator.publicKey, power: 10 },
          },
        ],
      }),
    );
    setTomlValues(join(home, 'config', 'config.toml'), FAST_LOCAL_CONSENSUS);
    const [rpcPort, p2pPort, abciPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
    engine = new CometbftEngine({
      app,
      nodeKey: validator,
      rpcUrl: `http://127.0.0.1:${rpcPort}`,
      abciAddress: `tcp://127.0.0.1:${abciPort}`,
      signatureWorkers: 1, // as network nodes run: CheckTx signatures checked on a worker thread
      onFatal: (e) => fatal.push(e),
      log: () => {},
    });
    const abci = await engine.start();
    cometbft = startCometbft({ home, proxyApp: abci, rpcPort, p2pPort, logLevel: 'error' });
    await waitForHeight(cometbft, 1);
  }, 120_000);

  afterAll(async () => {
    await cometbft?.stop();
    await engine?.stop();
    app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const alice = generateKeyPair();
  const anchor = (nonce: number, label: string) =>
    new TextEncoder().encode(
      canonicalJson(
        signTx(
          {
            v: 1,
            chainId,
            type: 'anchor.create',
            signer: alice.publicKey,
            nonce,
            body: { hash: sha256Hex(label), label },
          },
          alice.privateKey,
        ),
      ),
    );

  it('commits a submitted tx, marks the store as CometBFT-driven and emits the block', async () => {
    expect(app.store.getMeta('engine')).toBe('cometbft');
    const blocks: StoredBlock[] = [];
    engine.events.on('block', (b: StoredBlock) => blocks.push(b));
    const preverified = vi.spyOn(app, 'notePreverified');
    const check = await engine.submit(anchor(1, 'eerste'));
    expect(check).toMatchObject({ code: 0, signer: alice.publicKey, nonce: 1 });
    // The worker thread checked the signature before CheckTx ran the tx.
    expect(preverified).toHaveBeenCalledWith(check.hash);
    preverified.mockRestore();
    const committed = await engine.waitForCommit(check.hash, 20_000);
    expect(committed.result.code).toBe(0);
    expect(app.store.txByHash(check.hash)?.height).toBe(committed.height);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(blocks.map((b) => b.height)).toContain(committed.height);
    // The header names the proposer by its validator key, like the embedded engine does.
    expect(app.store.block(committed.height)?.header.proposer).toBe(validator.publicKey);
    expect(engine.engine).toBe('cometbft');
    expect(fatal).toEqual([]);
  });

  it('refuses with the stable code: wrong nonce, replay, malformed bytes', async () => {
    expect(await engine.submit(anchor(7, 'gat'))).toMatchObject({ error: 'tx.bad_nonce', codespace: 'tx' });
    const replayed = await engine.submit(anchor(1, 'eerste'));
    expect(replayed.error).toBe('tx.duplicate');
    expect(await engine.submit(new TextEncoder().encode('{"v":1}'))).toMatchObject({ error: 'tx.malformed' });
  });

  it('gives receipts that verify: the validator signs the app blocks through vote extensions', async () => {
    const check = await engine.submit(anchor(2, 'ontvangstbewijs'));
    expect(check.code).toBe(0);
    const committed = await engine.waitForCommit(check.hash, 20_000);
    // The signatures of block h arrive with block h + 2.
    await waitForHeight(cometbft, committed.height + 3);
    expect(app.store.block(committed.height)?.signatures.map((s) => s.pubKey)).toEqual([validator.publicKey]);
    const verdict = verifyReceipt(buildReceipt(app, check.hash));
    expect(verdict.checks.filter((c) => !c.ok)).toEqual([]);
    expect(verdict.valid).toBe(true);
    // The signatures tx is CometBFT's, not a ledger tx: the app's block has only the anchor.
    expect(app.store.txsOfBlock(committed.height).map((t) => t.hash)).toEqual([check.hash]);
  });

  it('resolves waitForCommit at once for a committed tx and times out for an unknown one', async () => {
    const check = await engine.submit(anchor(3, 'tweede'));
    expect(check.code).toBe(0);
    const committed = await engine.waitForCommit(check.hash, 20_000);
    await expect(engine.waitForCommit(check.hash, 1)).resolves.toEqual(committed);
    await expect(engine.waitForCommit('ab'.repeat(32), 300)).rejects.toThrow(/not committed within 300 ms/);
  });
});
