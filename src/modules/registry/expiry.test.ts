import { afterEach, describe, expect, it } from 'vitest';
import { type ClockedEngine, clockedEngine } from './clocked-engine.ts';
import { recordStatus } from './keeper.ts';
import {
  diplomaClass,
  doc,
  type RegistryFixture,
  registryFixture,
  setClass,
  titleClass,
} from './registry-fixture.ts';
import { getRecord, listHistory, registryKeys } from './state.ts';

let f: RegistryFixture;
let clocked: ClockedEngine | undefined;
afterEach(async () => {
  await clocked?.stop();
  clocked = undefined;
  await f?.chain.stop();
});

const today = () => new Date().toISOString().slice(0, 10);

async function permitValidUntil(validUntil: string, classId = 'diploma') {
  f = await registryFixture();
  await setClass(f, diplomaClass(f));
  await setClass(f, { ...titleClass(f), issuers: [f.school.oin!] });
  await f.chain.send(f.school, 'registry.issue', {
    id: 'vergunning-1',
    classId,
    holder: { kind: 'key', pubKey: f.seller.publicKey },
    attributes: { kind: 'test' },
    documentHash: doc('vergunning-1'),
    validFrom: '2026-01-01',
    validUntil,
  });
  clocked = await clockedEngine(f.chain);
  return clocked;
}

describe('expiry', () => {
  it('expires a record the day after validUntil and writes the expiry into state and history', async () => {
    const c = await permitValidUntil(today());
    const kv = f.chain.app.committed;
    await c.nextBlock();
    expect(getRecord(kv, 'vergunning-1')?.status).toBe('active');
    c.advanceDays(1);
    const h = await c.nextBlock();
    const r = getRecord(kv, 'vergunning-1')!;
    expect(r.status).toBe('expired');
    expect(r.updatedHeight).toBe(h);
    const last = listHistory(kv, 'vergunning-1').at(-1)!;
    expect(last).toMatchObject({ action: 'expired', height: h, details: { validUntil: today() } });
    expect(last.txHash).toBeUndefined();
    expect(kv.get(registryKeys.expiry(today(), 'vergunning-1'))).toBeUndefined();
  });

  it('treats a record as expired from the next day even before a block records it, and refuses changes', async () => {
    const c = await permitValidUntil(today(), 'eigendom');
    c.advanceDays(1);
    // The first tx of the new day runs before the end-block sweep: read-time expiry refuses it.
    const amend = await c.send(f.school, 'registry.amend', {
      recordId: 'vergunning-1',
      reason: 'Verlengen',
      validUntil: '2099-01-01',
    });
    expect(amend.error).toBe('registry.record_expired');
    const transfer = await c.send(f.seller, 'registry.propose_transfer', {
      recordId: 'vergunning-1',
      to: { kind: 'key', pubKey: f.buyer.publicKey },
    });
    expect(transfer.error).toBe('registry.record_expired');
    const later = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString();
    expect(recordStatus(getRecord(f.chain.app.committed, 'vergunning-1')!, later)).toBe('expired');
  });

  it('follows an amended validUntil and never expires a revoked record', async () => {
    const c = await permitValidUntil(today());
    await c.send(f.school, 'registry.amend', {
      recordId: 'vergunning-1',
      reason: 'Verlengd',
      validUntil: '2099-12-31',
    });
    c.advanceDays(2);
    await c.nextBlock();
    expect(getRecord(f.chain.app.committed, 'vergunning-1')?.status).toBe('active');
    await c.send(f.school, 'registry.revoke', { recordId: 'vergunning-1', reason: 'Ingetrokken' });
    expect(f.chain.app.committed.get(registryKeys.expiry('2099-12-31', 'vergunning-1'))).toBeUndefined();
    expect(listHistory(f.chain.app.committed, 'vergunning-1').map((e) => e.action)).toEqual([
      'issued',
      'amended',
      'revoked',
    ]);
  });
});
