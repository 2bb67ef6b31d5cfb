import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerApp } from '../../app/ledger-app.ts';
import { casesModule } from '../../modules/cases/index.ts';
import { listCases, listProcesses, partnerOverview } from '../../modules/cases/keeper.ts';
import { identityModule } from '../../modules/identity/index.ts';
import { type DemoNode, startDemoNode } from '../../testing/demo-node.ts';
import { casesDemo } from './cases-demo.ts';
import type { DemoContext } from './demo-context.ts';

let node: DemoNode;
let app: LedgerApp;
let ctx: DemoContext;

beforeAll(async () => {
  node = await startDemoNode([identityModule, casesModule]);
  ({ app, ctx } = node);
  await casesDemo.load(ctx);
});
afterAll(async () => node?.stop());

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
