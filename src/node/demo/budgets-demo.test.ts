import { afterEach, describe, expect, it } from 'vitest';
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
import { type DemoNode, startDemoNode } from '../../testing/demo-node.ts';
import { budgetsDemo } from './budgets-demo.ts';

let node: DemoNode | undefined;
afterEach(async () => node?.stop());

async function demoNode(): Promise<DemoNode> {
  node = await startDemoNode([identityModule, budgetsModule]);
  return node;
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
