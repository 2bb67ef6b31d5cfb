import { afterEach, describe, expect, it } from 'vitest';
import { identityModule } from '../../modules/identity/index.ts';
import { registryModule } from '../../modules/registry/index.ts';
import { getRecord, listClasses, listHistory } from '../../modules/registry/state.ts';
import { type DemoNode, startDemoNode } from '../../testing/demo-node.ts';
import { registryDemo } from './registry-demo.ts';

let node: DemoNode | undefined;
afterEach(async () => node?.stop());

async function demoNode(): Promise<DemoNode> {
  node = await startDemoNode([identityModule, registryModule]);
  return node;
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
