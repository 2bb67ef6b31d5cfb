import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { fromHex } from '../../core/bytes.ts';
import { getOrg } from '../identity/state.ts';
import {
  type CredentialLedgerView,
  credentialRefs,
  exportCredential,
  verifyCredential,
} from './credential.ts';
import { diplomaClass, doc, type RegistryFixture, registryFixture, setClass } from './registry-fixture.ts';
import { getRecord } from './state.ts';

let f: RegistryFixture;
afterEach(async () => f?.chain.stop());

async function diploma() {
  f = await registryFixture();
  await setClass(f, diplomaClass(f));
  await f.chain.send(f.school, 'registry.issue', {
    id: 'dipl-1',
    classId: 'diploma',
    holder: { kind: 'key', pubKey: f.seller.publicKey },
    attributes: { programme: 'Testopleiding', level: '4' },
    documentHash: doc('dipl-1'),
    validFrom: '2026-01-01',
    validUntil: '2099-12-31',
  });
  const jwt = exportCredential(getRecord(f.chain.app.committed, 'dipl-1')!, {
    issuerPrivateKey: f.school.privateKey,
    chainId: f.chain.chainId,
    statusBaseUrl: 'http://127.0.0.1:8080/v1/',
    issuedAt: new Date().toISOString(),
    name: 'Diploma (test)',
  });
  return jwt;
}

/** What a verifier reads from the ledger for a credential: the record and the issuer's keys. */
function ledgerView(jwt: string): CredentialLedgerView {
  const kv = f.chain.app.committed;
  const refs = credentialRefs(jwt);
  const org = getOrg(kv, refs.issuerOin);
  return {
    record: getRecord(kv, refs.recordId),
    issuerKeys: org?.keys.filter((k) => k.revokedAtHeight === undefined).map((k) => k.pubKey) ?? [],
    time: f.chain.app.store.block(f.chain.app.lastHeight)!.header.time,
    chainId: f.chain.chainId,
  };
}

describe('verifiable credentials', () => {
  it('exports a W3C credential whose EdDSA signature an independent JOSE library verifies', async () => {
    const jwt = await diploma();
    const key = await importJWK(
      { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(fromHex(f.school.publicKey)).toString('base64url') },
      'EdDSA',
    );
    const { payload, protectedHeader } = await jwtVerify(jwt, key, {
      typ: 'vc+jwt',
      issuer: `urn:oin:${f.school.oin}`,
    });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt' });
    expect(payload).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential', 'KetenboekRecordCredential'],
      issuer: { id: `urn:oin:${f.school.oin}` },
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: '2099-12-31T23:59:59Z',
      credentialSubject: {
        id: `urn:ketenboek:key:${f.seller.publicKey}`,
        record: { id: 'dipl-1', class: 'diploma', documentHash: doc('dipl-1') },
      },
      credentialStatus: {
        id: 'http://127.0.0.1:8080/v1/verifications?recordId=dipl-1',
        type: 'KetenboekLedgerStatus',
        recordId: 'dipl-1',
      },
    });
    // jose refuses the credential under another key.
    const other = await importJWK(
      { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(fromHex(f.outsider.publicKey)).toString('base64url') },
      'EdDSA',
    );
    await expect(jwtVerify(jwt, other)).rejects.toThrow();
    expect(decodeProtectedHeader(jwt).kid).toBe(`urn:oin:${f.school.oin}#${f.school.publicKey}`);
  });

  it('verifies signature, issuer key and ledger status of a credential in force', async () => {
    const jwt = await diploma();
    const v = verifyCredential(jwt, ledgerView(jwt));
    expect(v.checks.filter((c) => !c.ok)).toEqual([]);
    expect(v).toMatchObject({ valid: true, status: 'active' });
  });

  it('fails once the record is suspended or revoked on the ledger, with a valid signature', async () => {
    const jwt = await diploma();
    await f.chain.send(f.school, 'registry.suspend', { recordId: 'dipl-1', reason: 'Onderzoek' });
    const suspended = verifyCredential(jwt, ledgerView(jwt));
    expect(suspended).toMatchObject({ valid: false, status: 'suspended' });
    expect(suspended.checks.find((c) => c.name === 'signature')?.ok).toBe(true);
    await f.chain.send(f.school, 'registry.revoke', { recordId: 'dipl-1', reason: 'Fraude' });
    expect(verifyCredential(jwt, ledgerView(jwt))).toMatchObject({ valid: false, status: 'revoked' });
  });

  it('fails when the record was amended, or a tampered payload, or a key that is not the issuer’s', async () => {
    const jwt = await diploma();
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.credentialSubject.record.attributes.level = '6';
    const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    expect(
      verifyCredential(tampered, ledgerView(tampered)).checks.find((c) => c.name === 'signature')?.ok,
    ).toBe(false);
    const forged = exportCredential(getRecord(f.chain.app.committed, 'dipl-1')!, {
      issuerPrivateKey: f.outsider.privateKey,
      chainId: f.chain.chainId,
      statusBaseUrl: 'http://127.0.0.1:8080/v1',
      issuedAt: new Date().toISOString(),
    });
    const forgedVerdict = verifyCredential(forged, ledgerView(forged));
    expect(forgedVerdict.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['issuer key']);
    await f.chain.send(f.school, 'registry.amend', {
      recordId: 'dipl-1',
      attributes: { programme: 'Testopleiding', level: '5' },
      reason: 'Correctie',
    });
    const stale = verifyCredential(jwt, ledgerView(jwt));
    expect(stale.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['ledger record']);
    expect(verifyCredential('geen.jwt', ledgerView(jwt)).valid).toBe(false);
  });

  it('refuses to export a record that is not in force', async () => {
    await diploma();
    await f.chain.send(f.school, 'registry.revoke', { recordId: 'dipl-1', reason: 'Ingetrokken' });
    expect(() =>
      exportCredential(getRecord(f.chain.app.committed, 'dipl-1')!, {
        issuerPrivateKey: f.school.privateKey,
        chainId: f.chain.chainId,
        statusBaseUrl: 'http://127.0.0.1:8080/v1',
        issuedAt: new Date().toISOString(),
      }),
    ).toThrow(/revoked/);
  });
});
