import { afterEach, describe, expect, it } from 'vitest';
import { identityModule } from '../../modules/identity/index.ts';
import {
  getElection,
  getTally,
  listBallots,
  listIssuance,
  votingModule,
} from '../../modules/voting/index.ts';
import { type DemoNode, startDemoNode } from '../../testing/demo-node.ts';
import { DEMO_ORGS } from './demo-orgs.ts';
import { votingDemo } from './voting-demo.ts';

let node: DemoNode | undefined;
afterEach(async () => node?.stop());

async function demoNode(): Promise<DemoNode> {
  node = await startDemoNode([identityModule, votingModule]);
  return node;
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
