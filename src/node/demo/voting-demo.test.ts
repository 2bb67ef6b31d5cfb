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
import {
  getElection,
  getTally,
  listBallots,
  listIssuance,
  votingModule,
} from '../../modules/voting/index.ts';
import { ensureHome, keyringOf } from '../home.ts';
import { ensureGenesis, loadOrCreateNodeKey } from '../start-node.ts';
import type { DemoContext } from './demo-context.ts';
import { DEMO_ORGS } from './demo-orgs.ts';
import { votingDemo } from './voting-demo.ts';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => stop?.());

/** A demo-consortium node in a temp home, with a DemoContext like the start command's. */
async function demoNode() {
  const home = mkdtempSync(join(tmpdir(), 'ketenboek-voting-demo-'));
  ensureHome(home);
  const nodeKey = loadOrCreateNodeKey(home);
  const genesis = ensureGenesis(home, nodeKey.publicKey, true, 'ketenboek-demo');
  const app = new LedgerApp({ dbPath: ':memory:', modules: [identityModule, votingModule] });
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
      if (c.result.code !== 0)
        throw new Error(`${type} by ${keyName} failed: ${c.result.error}: ${c.result.log}`);
      return { ...c.result, hash: c.hash, height: c.height };
    },
  };
  return { app, ctx };
}

describe('voting demo', () => {
  it('opens Buurtbudget Voorbeeldwijk with fake projects and three sealed ballots from ballot keys', async () => {
    const { app, ctx } = await demoNode();
    await votingDemo.load(ctx);
    const kv = app.committed;
    const e = getElection(kv, 'buurtbudget-voorbeeldwijk-2026')!;
    expect(e.title).toMatch(/Buurtbudget Voorbeeldwijk/);
    expect(e.ballot.kind === 'budget' && e.ballot.projects.every((p) => p.title.endsWith('(demo)'))).toBe(
      true,
    );
    expect(e).toMatchObject({ status: 'open', tokensIssued: 3, ballotsCast: 3, voterQuota: 25 });
    expect(listIssuance(kv, e.id).map((r) => r.count)).toEqual([3]);
    expect(listBallots(kv, e.id)).toHaveLength(3);
    // Results stay hidden while voting is open.
    expect(getTally(kv, e.id)).toBeNull();
    // Ballot keys are fresh: none is a demo organisation's key.
    const orgKeys = DEMO_ORGS.map((o) => ctx.key(o.keyName).publicKey);
    for (const i of [1, 2, 3]) expect(orgKeys).not.toContain(ctx.key(`demo-stembiljet-${i}`).publicKey);
  });
});
