import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerApp } from '../../app/ledger-app.ts';
import { utf8 } from '../../core/bytes.ts';
import { canonicalJson } from '../../core/canonical.ts';
import { signTx } from '../../core/tx-node.ts';
import { EmbeddedEngine } from '../../engines/embedded/embedded-engine.ts';
import { budgetsModule } from '../../modules/budgets/index.ts';
import {
  careStatement,
  fundView,
  listPayments,
  listSettlements,
  listVouchers,
} from '../../modules/budgets/queries.ts';
import { getTotals } from '../../modules/budgets/state.ts';
import { identityModule } from '../../modules/identity/index.ts';
import { ensureHome, keyringOf } from '../home.ts';
import { ensureGenesis, loadOrCreateNodeKey } from '../start-node.ts';
import { budgetsDemo } from './budgets-demo.ts';
import type { DemoContext } from './demo-context.ts';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => stop?.());

async function demoNode() {
  const home = mkdtempSync(join(tmpdir(), 'ketenboek-budgets-demo-'));
  ensureHome(home);
  const nodeKey = loadOrCreateNodeKey(home);
  const genesis = ensureGenesis(home, nodeKey.publicKey, true, 'ketenboek-demo');
  const app = new LedgerApp({ dbPath: ':memory:', modules: [identityModule, budgetsModule] });
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

describe('budgets demo', () => {
  it('loads a city pass, a children’s package and a care budget with vouchers, history and a paid batch', async () => {
    const { app, ctx } = await demoNode();
    await budgetsDemo.load(ctx);
    const kv = app.committed;
    expect(fundView(kv, 'stadspas-voorbeeldstad')).toMatchObject({
      state: 'active',
      categories: ['sport', 'culture'],
    });
    expect(fundView(kv, 'kindpakket-proefdorp')!.state).toBe('active');
    expect(fundView(kv, 'pgb-voorbeeldstad')!.kind).toBe('care');
    expect(listVouchers(kv, { holder: ctx.key('bewoner-3').publicKey })[0]).toMatchObject({
      amountCents: '55000',
      origin: 'request',
    });
    expect(listPayments(kv, { fundId: 'stadspas-voorbeeldstad' }).length).toBeGreaterThanOrEqual(4);
    expect(listSettlements(kv).map((s) => [s.id, s.state])).toEqual([
      ['afrekening-demo-1', 'paid'],
      ['afrekening-demo-2', 'draft'],
    ]);
    const statement = careStatement(kv, ctx.key('bewoner-4').publicKey, ctx.now().slice(0, 7));
    expect(statement.budgets[0]).toMatchObject({ carePaidCents: '51000', closingCents: '549000' });
    for (const f of ['stadspas-voorbeeldstad', 'kindpakket-proefdorp', 'pgb-voorbeeldstad']) {
      const t = getTotals(kv, f);
      expect(BigInt(t.funded)).toBe(
        BigInt(t.balance) + BigInt(t.held) + BigInt(t.paid) + BigInt(t.reimbursed) + BigInt(t.returned),
      );
    }
  });
});
