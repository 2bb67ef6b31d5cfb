import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerApp } from '../../app/ledger-app.ts';
import { utf8 } from '../../core/bytes.ts';
import { canonicalJson } from '../../core/canonical.ts';
import { signTx } from '../../core/tx-node.ts';
import { EmbeddedEngine } from '../../engines/embedded/embedded-engine.ts';
import { identityModule } from '../../modules/identity/index.ts';
import { registryModule } from '../../modules/registry/index.ts';
import { getRecord, listClasses, listHistory } from '../../modules/registry/state.ts';
import { ensureHome, keyringOf } from '../home.ts';
import { ensureGenesis, loadOrCreateNodeKey } from '../start-node.ts';
import type { DemoContext } from './demo-context.ts';
import { registryDemo } from './registry-demo.ts';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => stop?.());

/** A demo-consortium node in a temp home, with a DemoContext like the start command's. */
async function demoNode() {
  const home = mkdtempSync(join(tmpdir(), 'ketenboek-registry-demo-'));
  ensureHome(home);
  const nodeKey = loadOrCreateNodeKey(home);
  const genesis = ensureGenesis(home, nodeKey.publicKey, true, 'ketenboek-demo');
  const app = new LedgerApp({ dbPath: ':memory:', modules: [identityModule, registryModule] });
  app.initChain(genesis);
  const engine = new EmbeddedEngine({ app, nodeKey, blockIntervalMs: 5 });
  engine.start();
  stop = async () => {
    await engine.stop();
    app.close();
  };
  const keyring = keyringOf(home);
  const ctx: DemoContext = {
    keyring,
    key: (name) => keyring.get(name),
    now: () => app.store.block(app.lastHeight)?.header.time ?? app.genesis()!.genesisTime,
    log: () => {},
    async send(keyName, type, body) {
      const k = keyring.get(keyName);
      const tx = signTx(
        {
          v: 1,
          chainId: 'ketenboek-demo',
          type,
          signer: k.publicKey,
          nonce: app.nextNonce(k.publicKey),
          body,
        },
        k.privateKey,
      );
      const check = await engine.submit(utf8(canonicalJson(tx)));
      if (check.code !== 0) throw new Error(`${type} by ${keyName} refused: ${check.error}: ${check.log}`);
      const c = await engine.waitForCommit(check.hash);
      if (c.result.code !== 0) throw new Error(`${type} by ${keyName} failed: ${c.result.error}`);
      return { ...c.result, hash: c.hash, height: c.height };
    },
  };
  return { app, ctx };
}

describe('registry demo', () => {
  it('loads classes, parcels with a mortgage and transfers, diplomas and permits', async () => {
    const { app, ctx } = await demoNode();
    await registryDemo.load(ctx);
    const kv = app.committed;
    expect(listClasses(kv).map((c) => c.id)).toEqual([
      'eigendomsbewijs',
      'omgevingsvergunning',
      'parkeervergunning',
      'zwemdiploma',
    ]);
    expect(getRecord(kv, 'perceel-vbs-a-0001')?.encumbrances.map((e) => e.creditor)).toEqual([
      ctx.key('bank-fictief').oin,
    ]);
    expect(getRecord(kv, 'perceel-vbs-a-0002')?.holder).toEqual({
      kind: 'key',
      pubKey: ctx.key('bewoner-3').publicKey,
    });
    expect(listHistory(kv, 'perceel-vbs-a-0002').at(-1)?.action).toBe('transferred');
    expect(getRecord(kv, 'perceel-vbs-b-0107')?.pendingTransfer?.acceptedAt).toBeDefined();
    expect(getRecord(kv, 'zwem-b-0001')?.issuer).toBe(ctx.key('sportclub-de-testers').oin);
    expect(getRecord(kv, 'omgv-vbs-2026-002')?.status).toBe('revoked');
    expect(getRecord(kv, 'parkeer-vbs-0002')?.status).toBe('suspended');
  });
});
