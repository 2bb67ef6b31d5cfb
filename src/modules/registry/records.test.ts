import { afterEach, describe, expect, it } from 'vitest';
import { listRecords, recordByDocument } from './queries.ts';
import {
  diplomaClass,
  doc,
  type RegistryFixture,
  refusal,
  registryFixture,
  setClass,
} from './registry-fixture.ts';
import { getRecord, listHistory } from './state.ts';

let f: RegistryFixture;
afterEach(async () => f?.chain.stop());

const today = () => new Date().toISOString().slice(0, 10);

async function withDiplomaClass() {
  f = await registryFixture();
  await setClass(f, diplomaClass(f));
  return f;
}

const diploma = (id: string, holder: string, extra: Record<string, unknown> = {}) => ({
  id,
  classId: 'diploma',
  holder: { kind: 'key', pubKey: holder },
  attributes: { programme: 'Testopleiding', level: '4' },
  documentHash: doc(id),
  validFrom: '2026-01-01',
  ...extra,
});

describe('issuing records', () => {
  it('stores an issued record with its issuer, holder, status, indexes and first history entry', async () => {
    await withDiplomaClass();
    const holder = f.chain.newAccount().publicKey;
    const r = await f.chain.send(f.school, 'registry.issue', diploma('dipl-1', holder));
    expect(r.code).toBe(0);
    const kv = f.chain.app.committed;
    expect(getRecord(kv, 'dipl-1')).toMatchObject({
      id: 'dipl-1',
      classId: 'diploma',
      issuer: f.school.oin,
      holder: { kind: 'key', pubKey: holder },
      status: 'active',
      version: 1,
      issuedHeight: r.height,
      encumbrances: [],
    });
    expect(r.participants).toContain(holder);
    expect(r.participants).toContain(f.school.oin);
    expect(listRecords(kv, { classId: 'diploma', limit: 10 }).map((x) => x.id)).toEqual(['dipl-1']);
    expect(listRecords(kv, { holder: { kind: 'key', pubKey: holder }, limit: 10 }).map((x) => x.id)).toEqual([
      'dipl-1',
    ]);
    expect(recordByDocument(kv, doc('dipl-1'))?.id).toBe('dipl-1');
    expect(listHistory(kv, 'dipl-1')).toEqual([
      expect.objectContaining({
        version: 1,
        action: 'issued',
        height: r.height,
        txHash: r.hash,
        organisation: f.school.oin,
      }),
    ]);
  });

  it('refuses an issuer the class does not name, and keys of no organisation', async () => {
    await withDiplomaClass();
    const holder = f.chain.newAccount().publicKey;
    expect(await refusal(f, f.outsider, 'registry.issue', diploma('dipl-x', holder))).toBe(
      'registry.issuer_not_authorised',
    );
    expect(await refusal(f, f.chain.newAccount(), 'registry.issue', diploma('dipl-x', holder))).toBe(
      'registry.issuer_not_authorised',
    );
    expect(getRecord(f.chain.app.committed, 'dipl-x')).toBeUndefined();
  });

  it('refuses an unknown class, a duplicate id and a document already registered', async () => {
    await withDiplomaClass();
    const holder = f.chain.newAccount().publicKey;
    expect(
      await refusal(f, f.school, 'registry.issue', { ...diploma('dipl-1', holder), classId: 'geen-klasse' }),
    ).toBe('registry.unknown_class');
    await f.chain.send(f.school, 'registry.issue', diploma('dipl-1', holder));
    expect(
      await refusal(f, f.school, 'registry.issue', diploma('dipl-1', holder, { documentHash: doc('ander') })),
    ).toBe('registry.duplicate_id');
    expect(
      await refusal(
        f,
        f.school,
        'registry.issue',
        diploma('dipl-2', holder, { documentHash: doc('dipl-1') }),
      ),
    ).toBe('registry.duplicate_document');
  });

  it('refuses a validity period that ends before it starts or has already ended', async () => {
    await withDiplomaClass();
    const holder = f.chain.newAccount().publicKey;
    expect(
      await refusal(
        f,
        f.school,
        'registry.issue',
        diploma('d', holder, { validFrom: '2027-02-01', validUntil: '2027-01-31' }),
      ),
    ).toBe('registry.bad_validity');
    expect(
      await refusal(
        f,
        f.school,
        'registry.issue',
        diploma('d', holder, { validFrom: '2020-01-01', validUntil: '2020-12-31' }),
      ),
    ).toBe('registry.bad_validity');
  });

  it('refuses an organisation holder that is not registered, and personal-looking junk attributes', async () => {
    await withDiplomaClass();
    expect(
      await refusal(f, f.school, 'registry.issue', {
        ...diploma('d', ''),
        holder: { kind: 'organisation', oin: '00000004999999999999' },
      }),
    ).toBe('identity.unknown_organisation');
    const bad = await f.chain.trySend(f.school, 'registry.issue', {
      ...diploma('d', f.seller.publicKey),
      attributes: { 'naam van': 'x' },
    });
    expect(bad.error).toBe('tx.invalid_body');
  });
});

describe('managing records', () => {
  it('amends attributes and document; the old document hash still finds the record', async () => {
    await withDiplomaClass();
    await f.chain.send(f.school, 'registry.issue', diploma('dipl-1', f.seller.publicKey));
    const r = await f.chain.send(f.school, 'registry.amend', {
      recordId: 'dipl-1',
      attributes: { programme: 'Testopleiding', level: '5' },
      documentHash: doc('dipl-1 herzien'),
      validUntil: '2099-12-31',
      reason: 'Correctie niveau',
    });
    expect(r.code).toBe(0);
    const kv = f.chain.app.committed;
    expect(getRecord(kv, 'dipl-1')).toMatchObject({
      attributes: { level: '5' },
      documentHash: doc('dipl-1 herzien'),
      validUntil: '2099-12-31',
      version: 2,
    });
    expect(recordByDocument(kv, doc('dipl-1'))?.id).toBe('dipl-1');
    expect(recordByDocument(kv, doc('dipl-1 herzien'))?.id).toBe('dipl-1');
    expect(listHistory(kv, 'dipl-1')[1]).toMatchObject({
      action: 'amended',
      details: { documentHash: doc('dipl-1 herzien'), validUntil: '2099-12-31', reason: 'Correctie niveau' },
    });
    const removed = await f.chain.send(f.school, 'registry.amend', {
      recordId: 'dipl-1',
      validUntil: null,
      reason: 'Onbeperkt geldig',
    });
    expect(removed.code).toBe(0);
    expect(getRecord(kv, 'dipl-1')?.validUntil).toBeUndefined();
  });

  it('lets only the issuing organisation manage a record, even when another issuer is added to the class', async () => {
    await withDiplomaClass();
    await setClass(f, { ...diplomaClass(f), issuers: [f.school.oin!, f.outsider.oin!] });
    await f.chain.send(f.school, 'registry.issue', diploma('dipl-1', f.seller.publicKey));
    expect(await refusal(f, f.outsider, 'registry.suspend', { recordId: 'dipl-1', reason: 'Fraude' })).toBe(
      'registry.issuer_not_authorised',
    );
    expect(await refusal(f, f.seller, 'registry.revoke', { recordId: 'dipl-1', reason: 'Zelf' })).toBe(
      'registry.issuer_not_authorised',
    );
    expect(
      await refusal(f, f.school, 'registry.amend', { recordId: 'nergens', reason: 'x', attributes: {} }),
    ).toBe('registry.unknown_record');
  });

  it('suspends, reinstates and revokes, refusing changes that do not fit the status', async () => {
    await withDiplomaClass();
    await f.chain.send(f.school, 'registry.issue', diploma('dipl-1', f.seller.publicKey));
    expect(await refusal(f, f.school, 'registry.reinstate', { recordId: 'dipl-1', reason: 'x' })).toBe(
      'registry.not_suspended',
    );
    await f.chain.send(f.school, 'registry.suspend', { recordId: 'dipl-1', reason: 'Onderzoek loopt' });
    expect(getRecord(f.chain.app.committed, 'dipl-1')).toMatchObject({
      status: 'suspended',
      statusReason: 'Onderzoek loopt',
    });
    expect(await refusal(f, f.school, 'registry.suspend', { recordId: 'dipl-1', reason: 'x' })).toBe(
      'registry.not_active',
    );
    await f.chain.send(f.school, 'registry.reinstate', { recordId: 'dipl-1', reason: 'Onderzoek afgerond' });
    expect(getRecord(f.chain.app.committed, 'dipl-1')?.status).toBe('active');
    await f.chain.send(f.school, 'registry.revoke', {
      recordId: 'dipl-1',
      reason: 'Ten onrechte uitgereikt',
    });
    expect(getRecord(f.chain.app.committed, 'dipl-1')?.status).toBe('revoked');
    for (const type of ['registry.suspend', 'registry.reinstate', 'registry.revoke']) {
      expect(await refusal(f, f.school, type, { recordId: 'dipl-1', reason: 'x' })).toBe(
        'registry.record_revoked',
      );
    }
    expect(
      await refusal(f, f.school, 'registry.amend', { recordId: 'dipl-1', reason: 'x', attributes: {} }),
    ).toBe('registry.record_revoked');
    expect(listHistory(f.chain.app.committed, 'dipl-1').map((e) => e.action)).toEqual([
      'issued',
      'suspended',
      'reinstated',
      'revoked',
    ]);
  });

  it('keeps every change in the history, even two changes in one block', async () => {
    await withDiplomaClass();
    await f.chain.send(
      f.school,
      'registry.issue',
      diploma('dipl-1', f.seller.publicKey, { validUntil: today() }),
    );
    // Submitted in one go (the embedded engine admits synchronously), so both land in one block.
    const [a, b] = await Promise.all([
      f.chain.engine.submit(
        f.chain.sign(f.school, 'registry.suspend', { recordId: 'dipl-1', reason: 'Eerste' }),
      ),
      f.chain.engine.submit(
        f.chain.sign(f.school, 'registry.reinstate', { recordId: 'dipl-1', reason: 'Tweede' }),
      ),
    ]);
    const [ca, cb] = await Promise.all([
      f.chain.engine.waitForCommit(a.hash),
      f.chain.engine.waitForCommit(b.hash),
    ]);
    expect(ca.height).toBe(cb.height);
    const history = listHistory(f.chain.app.committed, 'dipl-1');
    expect(history.map((e) => [e.version, e.action])).toEqual([
      [1, 'issued'],
      [2, 'suspended'],
      [3, 'reinstated'],
    ]);
    expect(history[1]?.txHash).toBe(a.hash);
    expect(history[2]?.txHash).toBe(b.hash);
  });
});
