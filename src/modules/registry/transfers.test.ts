import { afterEach, describe, expect, it } from 'vitest';
import { listRecords } from './queries.ts';
import {
  doc,
  type RegistryFixture,
  refusal,
  registryFixture,
  setClass,
  titleClass,
  withTitle,
} from './registry-fixture.ts';
import { getRecord, listHistory } from './state.ts';

let f: RegistryFixture;
afterEach(async () => f?.chain.stop());

const buyerHolder = () => ({ kind: 'key' as const, pubKey: f.buyer.publicKey });

describe('transfers', () => {
  it('moves a title only after seller, buyer and notary have all signed', async () => {
    f = await registryFixture();
    const id = await withTitle(f);
    await f.chain.send(f.seller, 'registry.propose_transfer', {
      recordId: id,
      to: buyerHolder(),
      deedHash: doc('akte'),
    });
    expect(getRecord(f.chain.app.committed, id)?.holder).toEqual({ kind: 'key', pubKey: f.seller.publicKey });
    await f.chain.send(f.buyer, 'registry.accept_transfer', { recordId: id });
    expect(getRecord(f.chain.app.committed, id)?.holder).toEqual({ kind: 'key', pubKey: f.seller.publicKey });
    const done = await f.chain.send(f.notary, 'registry.confirm_transfer', { recordId: id });
    expect(done.code).toBe(0);
    const kv = f.chain.app.committed;
    const r = getRecord(kv, id)!;
    expect(r.holder).toEqual(buyerHolder());
    expect(r.pendingTransfer).toBeUndefined();
    expect(done.participants).toEqual(
      expect.arrayContaining([f.seller.publicKey, f.buyer.publicKey, f.notary.oin]),
    );
    expect(listRecords(kv, { holder: buyerHolder(), limit: 5 }).map((x) => x.id)).toEqual([id]);
    expect(listRecords(kv, { holder: { kind: 'key', pubKey: f.seller.publicKey }, limit: 5 })).toEqual([]);
    expect(listHistory(kv, id).map((e) => e.action)).toEqual([
      'issued',
      'transfer_proposed',
      'transfer_accepted',
      'transferred',
    ]);
    expect(listHistory(kv, id)[3]?.details).toMatchObject({ notary: f.notary.oin, deedHash: doc('akte') });
  });

  it('refuses the notary while the buyer has not signed: missing co-signature', async () => {
    f = await registryFixture();
    const id = await withTitle(f);
    await f.chain.send(f.seller, 'registry.propose_transfer', { recordId: id, to: buyerHolder() });
    expect(await refusal(f, f.notary, 'registry.confirm_transfer', { recordId: id })).toBe(
      'registry.missing_cosignature',
    );
    expect(getRecord(f.chain.app.committed, id)?.holder).toEqual({ kind: 'key', pubKey: f.seller.publicKey });
  });

  it('refuses anyone but the holder as seller and anyone but the named buyer as buyer', async () => {
    f = await registryFixture();
    const id = await withTitle(f);
    expect(await refusal(f, f.buyer, 'registry.propose_transfer', { recordId: id, to: buyerHolder() })).toBe(
      'registry.holder_mismatch',
    );
    await f.chain.send(f.seller, 'registry.propose_transfer', { recordId: id, to: buyerHolder() });
    expect(await refusal(f, f.chain.newAccount(), 'registry.accept_transfer', { recordId: id })).toBe(
      'registry.holder_mismatch',
    );
    expect(await refusal(f, f.seller, 'registry.propose_transfer', { recordId: id, to: buyerHolder() })).toBe(
      'registry.transfer_pending',
    );
  });

  it('accepts only a notary the class names', async () => {
    f = await registryFixture();
    const id = await withTitle(f);
    await f.chain.send(f.seller, 'registry.propose_transfer', { recordId: id, to: buyerHolder() });
    await f.chain.send(f.buyer, 'registry.accept_transfer', { recordId: id });
    expect(await refusal(f, f.registrar, 'registry.confirm_transfer', { recordId: id })).toBe(
      'registry.notary_not_authorised',
    );
    expect(await refusal(f, f.buyer, 'registry.confirm_transfer', { recordId: id })).toBe(
      'registry.notary_not_authorised',
    );
  });

  it('transfers on the buyer’s acceptance when the class names no notary', async () => {
    f = await registryFixture();
    await setClass(f, { ...titleClass(f), id: 'ligplaats', notaries: [] });
    await f.chain.send(f.registrar, 'registry.issue', {
      id: 'ligplaats-1',
      classId: 'ligplaats',
      holder: { kind: 'organisation', oin: f.bank.oin! },
      attributes: { berth: 'Testhaven 7' },
      documentHash: doc('ligplaats-1'),
      validFrom: '2026-01-01',
    });
    // An organisation holder signs with one of its keys.
    await f.chain.send(f.bank, 'registry.propose_transfer', { recordId: 'ligplaats-1', to: buyerHolder() });
    await f.chain.send(f.buyer, 'registry.accept_transfer', { recordId: 'ligplaats-1' });
    expect(getRecord(f.chain.app.committed, 'ligplaats-1')?.holder).toEqual(buyerHolder());
  });

  it('refuses transfers of non-transferable, revoked, suspended or not-yet-valid records', async () => {
    f = await registryFixture();
    const id = await withTitle(f);
    await setClass(f, {
      id: 'diploma',
      name: 'Diploma',
      kind: 'certificate',
      issuers: [f.registrar.oin!],
      transferable: false,
      notaries: [],
    });
    const record = (rid: string, classId: string, validFrom = '2026-01-01') => ({
      id: rid,
      classId,
      holder: { kind: 'key', pubKey: f.seller.publicKey },
      attributes: {},
      documentHash: doc(rid),
      validFrom,
    });
    await f.chain.send(f.registrar, 'registry.issue', record('dipl-1', 'diploma'));
    expect(
      await refusal(f, f.seller, 'registry.propose_transfer', { recordId: 'dipl-1', to: buyerHolder() }),
    ).toBe('registry.not_transferable');
    await f.chain.send(f.registrar, 'registry.issue', record('later-1', 'eigendom', '2999-01-01'));
    expect(
      await refusal(f, f.seller, 'registry.propose_transfer', { recordId: 'later-1', to: buyerHolder() }),
    ).toBe('registry.record_not_yet_valid');
    await f.chain.send(f.registrar, 'registry.suspend', { recordId: id, reason: 'Geschil' });
    expect(await refusal(f, f.seller, 'registry.propose_transfer', { recordId: id, to: buyerHolder() })).toBe(
      'registry.record_suspended',
    );
    await f.chain.send(f.registrar, 'registry.revoke', { recordId: id, reason: 'Perceel samengevoegd' });
    expect(await refusal(f, f.seller, 'registry.propose_transfer', { recordId: id, to: buyerHolder() })).toBe(
      'registry.record_revoked',
    );
  });

  it('refuses to complete a transfer when the record was suspended after the buyer signed', async () => {
    f = await registryFixture();
    const id = await withTitle(f);
    await f.chain.send(f.seller, 'registry.propose_transfer', { recordId: id, to: buyerHolder() });
    await f.chain.send(f.buyer, 'registry.accept_transfer', { recordId: id });
    await f.chain.send(f.registrar, 'registry.suspend', { recordId: id, reason: 'Beslag aangekondigd' });
    expect(await refusal(f, f.notary, 'registry.confirm_transfer', { recordId: id })).toBe(
      'registry.record_suspended',
    );
  });

  it('lets seller, buyer or notary cancel a pending transfer, and nobody else', async () => {
    f = await registryFixture();
    const id = await withTitle(f);
    for (const canceller of [f.seller, f.buyer, f.notary]) {
      await f.chain.send(f.seller, 'registry.propose_transfer', { recordId: id, to: buyerHolder() });
      expect(await refusal(f, f.chain.newAccount(), 'registry.cancel_transfer', { recordId: id })).toBe(
        'registry.holder_mismatch',
      );
      expect(await refusal(f, canceller, 'registry.cancel_transfer', { recordId: id })).toBe('');
      expect(getRecord(f.chain.app.committed, id)?.pendingTransfer).toBeUndefined();
    }
    expect(await refusal(f, f.buyer, 'registry.accept_transfer', { recordId: id })).toBe(
      'registry.no_pending_transfer',
    );
  });

  it('refuses a transfer to the current holder', async () => {
    f = await registryFixture();
    const id = await withTitle(f);
    expect(
      await refusal(f, f.seller, 'registry.propose_transfer', {
        recordId: id,
        to: { kind: 'key', pubKey: f.seller.publicKey },
      }),
    ).toBe('registry.bad_transfer');
  });
});

describe('encumbrances', () => {
  const mortgage = (id: string) => ({
    recordId: id,
    encumbranceId: 'hypotheek-1',
    kind: 'mortgage',
    creditor: f.bank.oin!,
    amountCents: '25000000',
  });

  it('blocks a transfer until the creditor releases the mortgage', async () => {
    f = await registryFixture();
    const id = await withTitle(f);
    const enc = await f.chain.send(f.seller, 'registry.encumber', mortgage(id));
    expect(enc.participants).toContain(f.bank.oin);
    expect(getRecord(f.chain.app.committed, id)?.encumbrances).toEqual([
      expect.objectContaining({
        id: 'hypotheek-1',
        kind: 'mortgage',
        creditor: f.bank.oin,
        amountCents: '25000000',
      }),
    ]);
    expect(await refusal(f, f.seller, 'registry.propose_transfer', { recordId: id, to: buyerHolder() })).toBe(
      'registry.encumbered',
    );
    expect(
      await refusal(f, f.seller, 'registry.release_encumbrance', {
        recordId: id,
        encumbranceId: 'hypotheek-1',
      }),
    ).toBe('registry.not_creditor');
    await f.chain.send(f.bank, 'registry.release_encumbrance', {
      recordId: id,
      encumbranceId: 'hypotheek-1',
    });
    expect(getRecord(f.chain.app.committed, id)?.encumbrances).toEqual([]);
    expect(await refusal(f, f.seller, 'registry.propose_transfer', { recordId: id, to: buyerHolder() })).toBe(
      '',
    );
  });

  it('blocks the notary’s confirmation when a mortgage was registered during the transfer', async () => {
    f = await registryFixture();
    const id = await withTitle(f);
    await f.chain.send(f.seller, 'registry.propose_transfer', { recordId: id, to: buyerHolder() });
    await f.chain.send(f.buyer, 'registry.accept_transfer', { recordId: id });
    await f.chain.send(f.seller, 'registry.encumber', mortgage(id));
    expect(await refusal(f, f.notary, 'registry.confirm_transfer', { recordId: id })).toBe(
      'registry.encumbered',
    );
    expect(getRecord(f.chain.app.committed, id)?.holder).toEqual({ kind: 'key', pubKey: f.seller.publicKey });
  });

  it('lets only the holder encumber, refuses duplicate and unknown encumbrances', async () => {
    f = await registryFixture();
    const id = await withTitle(f);
    expect(await refusal(f, f.bank, 'registry.encumber', mortgage(id))).toBe('registry.holder_mismatch');
    await f.chain.send(f.seller, 'registry.encumber', mortgage(id));
    expect(await refusal(f, f.seller, 'registry.encumber', mortgage(id))).toBe('registry.encumbrance_exists');
    expect(
      await refusal(f, f.bank, 'registry.release_encumbrance', { recordId: id, encumbranceId: 'onbekend' }),
    ).toBe('registry.unknown_encumbrance');
    expect(
      await refusal(f, f.seller, 'registry.encumber', {
        ...mortgage(id),
        encumbranceId: 'x',
        creditor: '00000004999999999999',
      }),
    ).toBe('identity.unknown_organisation');
  });
});
