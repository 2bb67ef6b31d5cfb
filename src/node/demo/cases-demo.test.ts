import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerApp } from '../../app/ledger-app.ts';
import { utf8 } from '../../core/bytes.ts';
import { canonicalJson } from '../../core/canonical.ts';
import { signTx } from '../../core/tx-node.ts';
import { EmbeddedEngine } from '../../engines/embedded/embedded-engine.ts';
import { casesModule } from '../../modules/cases/index.ts';
import { listCases, listProcesses, partnerOverview } from '../../modules/cases/keeper.ts';
import { identityModule } from '../../modules/identity/index.ts';
import { ensureHome, keyringOf } from '../home.ts';
import { ensureGenesis, loadOrCreateNodeKey } from '../start-node.ts';
import { casesDemo } from './cases-demo.ts';
import type { DemoContext } from './demo-context.ts';

let app: LedgerApp;
let engine: EmbeddedEngine;
let ctx: DemoContext;

beforeAll(async () => {
  const home = mkdtempSync(join(tmpdir(), 'ketenboek-cases-demo-'));
  ensureHome(home);
  const nodeKey = loadOrCreateNodeKey(home);
  const genesis = ensureGenesis(home, nodeKey.publicKey, true, 'ketenboek-demo');
  app = new LedgerApp({ dbPath: ':memory:', modules: [identityModule, casesModule] });
  app.initChain(genesis);
  engine = new EmbeddedEngine({ app, nodeKey, blockIntervalMs: 5 });
  engine.start();
  const keyring = keyringOf(home);
  ctx = {
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
      if (c.result.code !== 0)
        throw new Error(`${type} by ${keyName} failed: ${c.result.error}: ${c.result.log}`);
      return { ...c.result, hash: c.hash, height: c.height };
    },
  };
  await casesDemo.load(ctx);
});
afterAll(async () => {
  await engine?.stop();
  app?.close();
});

describe('the cases demo', () => {
  it('publishes both processes through governance and opens cases in every kind of state', () => {
    expect(listProcesses(app.committed).map((p) => p.id)).toEqual(['debt-assistance', 'wmo-request']);
    const cases = listCases(app.committed).items;
    expect(cases.map((c) => [c.process, c.status, c.step])).toEqual([
      ['debt-assistance', 'open', 'plan'],
      ['debt-assistance', 'open', 'inventory'],
      ['wmo-request', 'open', 'decision'],
      ['wmo-request', 'closed', 'provided'],
      ['wmo-request', 'erased', 'withdrawn'],
    ]);
  });

  it('shows each partner what waits on them', () => {
    const waiting = (key: string) =>
      partnerOverview(app.committed, ctx.key(key).oin!).cases.flatMap((c) =>
        c.waitingOnYou.map((w) => `${c.id}:${w.reason}:${w.item}`),
      );
    expect(waiting('bank-fictief')).toEqual(['2:attestation:claim_confirmed']);
    expect(waiting('zorg-demo')).toEqual(['1:attestation:plan_agreed', '3:attestation:care_offer_made']);
    expect(waiting('gemeente-proefdorp')).toEqual(['2:attestation:income_verified']);
  });
});
