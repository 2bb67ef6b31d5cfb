// The registry over real HTTP: every flow and refusal through POST /v1/transactions (via the
// client), the reads, and verifications whose proofs check offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KetenboekApiError, KetenboekClient } from '../../client/index.ts';
import { sha256Hex } from '../../core/hash-node.ts';
import { verifyRecordProof } from '../../core/record-proof-verify.ts';
import { identityModule } from '../../modules/identity/index.ts';
import { exportCredential } from '../../modules/registry/credential.ts';
import { registryModule } from '../../modules/registry/index.ts';
import type { TestKey } from '../../testing/test-chain.ts';
import { startTestApi, type TestApi } from '../test-support.ts';
import { registryApi } from './registry.ts';

let t: TestApi;
let client: KetenboekClient;
let registrar: TestKey;
let school: TestKey;
let notary: TestKey;
let bank: TestKey;
let outsider: TestKey;
let seller: TestKey;
let buyer: TestKey;

const doc = (label: string) => sha256Hex(`fake API test document: ${label}`);
const key = (k: TestKey) => ({ kind: 'key' as const, pubKey: k.publicKey });

/** The stable code a write is refused with (check-time 4xx or committed-but-refused 422). */
async function refused(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof KetenboekApiError) return e.code;
    throw e;
  }
  return '';
}

async function json(path: string, status = 200) {
  const res = await t.get(path);
  expect(res.status, path).toBe(status);
  return res.json();
}

beforeAll(async () => {
  t = await startTestApi({
    chain: {
      modules: [identityModule, registryModule],
      genesisTime: new Date().toISOString(),
      orgs: [
        { roles: ['registrar'], member: true },
        { roles: ['issuer'] },
        { roles: ['notary'] },
        { roles: ['case_partner'] },
        { roles: ['issuer'] },
      ],
    },
  });
  [registrar, school, notary, bank, outsider] = t.chain.orgs as [TestKey, TestKey, TestKey, TestKey, TestKey];
  seller = t.chain.newAccount();
  buyer = t.chain.newAccount();
  client = new KetenboekClient({ baseUrl: t.url });
  const deadline = new Date(Date.now() + 3600_000).toISOString();
  for (const registerClass of [
    {
      id: 'eigendom',
      name: 'Eigendomsbewijs (test)',
      kind: 'property_title',
      issuers: [registrar.oin!],
      transferable: true,
      notaries: [notary.oin!],
    },
    {
      id: 'diploma',
      name: 'Diploma (test)',
      kind: 'certificate',
      issuers: [school.oin!],
      transferable: false,
      notaries: [],
    },
  ] as const) {
    await client.identity.submitProposal(registrar, {
      title: `Klasse ${registerClass.id}`,
      action: {
        kind: 'set_register_class',
        registerClass: {
          ...registerClass,
          issuers: [...registerClass.issuers],
          notaries: [...registerClass.notaries],
        },
      },
      deadline,
    });
  }
});
afterAll(() => t.close());

describe('register classes', () => {
  it('lists the classes governance set, and answers 404 with its own code for an unknown one', async () => {
    const page = await client.registry.classes();
    expect(page.items.map((c) => c.id)).toEqual(['diploma', 'eigendom']);
    expect(await client.registry.class('eigendom')).toMatchObject({
      transferable: true,
      notaries: [notary.oin],
    });
    const res = await t.get('/v1/register-classes/onbekend');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'registry.unknown_class' });
  });
});

describe('records over the API', () => {
  it('issues, reads, lists and shows the history of a record', async () => {
    const issued = await client.registry.issue(school, {
      id: 'api-dipl-1',
      classId: 'diploma',
      holder: key(seller),
      attributes: { programme: 'Testopleiding' },
      documentHash: doc('api-dipl-1'),
      validFrom: '2026-01-01',
    });
    expect(issued.status).toBe('committed');
    const r = await client.registry.record('api-dipl-1');
    expect(r).toMatchObject({
      id: 'api-dipl-1',
      issuer: school.oin,
      status: 'active',
      effectiveStatus: 'active',
      version: 1,
    });
    expect((await client.registry.records({ holderKey: seller.publicKey })).items.map((x) => x.id)).toContain(
      'api-dipl-1',
    );
    expect((await client.registry.records({ classId: 'diploma' })).items.map((x) => x.id)).toEqual([
      'api-dipl-1',
    ]);
    await client.registry.suspend(school, { recordId: 'api-dipl-1', reason: 'Onderzoek' });
    await client.registry.reinstate(school, { recordId: 'api-dipl-1', reason: 'Afgerond' });
    await client.registry.amend(school, {
      recordId: 'api-dipl-1',
      attributes: { programme: 'Testopleiding', level: '4' },
      reason: 'Niveau',
    });
    const history = await client.registry.history('api-dipl-1');
    expect(history.items.map((h) => h.action)).toEqual(['issued', 'suspended', 'reinstated', 'amended']);
    expect(history.items[0]?.txHash).toBe(issued.hash);
  });

  it('pages records with a next link', async () => {
    for (const n of [2, 3, 4]) {
      await client.registry.issue(school, {
        id: `api-page-${n}`,
        classId: 'diploma',
        holder: key(buyer),
        attributes: {},
        documentHash: doc(`api-page-${n}`),
        validFrom: '2026-01-01',
      });
    }
    const first = await json(`/v1/records?holderKey=${buyer.publicKey}&limit=2`);
    expect(first.items.map((r: { id: string }) => r.id)).toEqual(['api-page-2', 'api-page-3']);
    const second = await json(first.next);
    expect(second.items.map((r: { id: string }) => r.id)).toEqual(['api-page-4']);
    expect(second.next).toBeNull();
  });

  it('answers every refusal with its own code', async () => {
    const body = (id: string, extra: object = {}) => ({
      id,
      classId: 'diploma',
      holder: key(seller),
      attributes: {},
      documentHash: doc(id),
      validFrom: '2026-01-01',
      ...extra,
    });
    expect(await refused(client.registry.issue(outsider, body('x-1')))).toBe(
      'registry.issuer_not_authorised',
    );
    expect(await refused(client.registry.issue(school, body('x-1', { classId: 'geen' })))).toBe(
      'registry.unknown_class',
    );
    await client.registry.issue(school, body('x-1'));
    expect(await refused(client.registry.issue(school, body('x-1', { documentHash: doc('x-1b') })))).toBe(
      'registry.duplicate_id',
    );
    expect(await refused(client.registry.issue(school, body('x-2', { documentHash: doc('x-1') })))).toBe(
      'registry.duplicate_document',
    );
    expect(await refused(client.registry.issue(school, body('x-3', { validUntil: '2020-01-01' })))).toBe(
      'registry.bad_validity',
    );
    await client.registry.revoke(school, { recordId: 'x-1', reason: 'Ingetrokken' });
    expect(await refused(client.registry.suspend(school, { recordId: 'x-1', reason: 'Te laat' }))).toBe(
      'registry.record_revoked',
    );
    expect(
      await refused(client.registry.proposeTransfer(seller, { recordId: 'api-dipl-1', to: key(buyer) })),
    ).toBe('registry.not_transferable');
    const res = await t.get('/v1/records/bestaat-niet');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'registry.unknown_record' });
    expect((await t.get('/v1/records/bestaat-niet/history')).status).toBe(404);
  });
});

describe('transfers and encumbrances over the API', () => {
  it('needs seller, buyer and notary; a mortgage blocks until the bank releases it', async () => {
    await client.registry.issue(registrar, {
      id: 'api-perceel-1',
      classId: 'eigendom',
      holder: key(seller),
      attributes: { parcel: 'TESTSTAD A 1' },
      documentHash: doc('api-perceel-1'),
      validFrom: '2026-01-01',
    });
    const mortgage = {
      recordId: 'api-perceel-1',
      encumbranceId: 'hyp-1',
      kind: 'mortgage' as const,
      creditor: bank.oin!,
      amountCents: '10000000',
    };
    expect(await refused(client.registry.encumber(bank, mortgage))).toBe('registry.holder_mismatch');
    await client.registry.encumber(seller, mortgage);
    expect(
      await refused(client.registry.proposeTransfer(seller, { recordId: 'api-perceel-1', to: key(buyer) })),
    ).toBe('registry.encumbered');
    expect(
      await refused(
        client.registry.releaseEncumbrance(seller, { recordId: 'api-perceel-1', encumbranceId: 'hyp-1' }),
      ),
    ).toBe('registry.not_creditor');
    await client.registry.releaseEncumbrance(bank, { recordId: 'api-perceel-1', encumbranceId: 'hyp-1' });
    expect(
      await refused(client.registry.proposeTransfer(buyer, { recordId: 'api-perceel-1', to: key(buyer) })),
    ).toBe('registry.holder_mismatch');
    await client.registry.proposeTransfer(seller, {
      recordId: 'api-perceel-1',
      to: key(buyer),
      deedHash: doc('koopakte'),
    });
    expect(
      await refused(client.registry.proposeTransfer(seller, { recordId: 'api-perceel-1', to: key(buyer) })),
    ).toBe('registry.transfer_pending');
    expect(await refused(client.registry.confirmTransfer(notary, { recordId: 'api-perceel-1' }))).toBe(
      'registry.missing_cosignature',
    );
    expect(await refused(client.registry.acceptTransfer(seller, { recordId: 'api-perceel-1' }))).toBe(
      'registry.holder_mismatch',
    );
    await client.registry.acceptTransfer(buyer, { recordId: 'api-perceel-1' });
    expect(await refused(client.registry.confirmTransfer(registrar, { recordId: 'api-perceel-1' }))).toBe(
      'registry.notary_not_authorised',
    );
    await client.registry.confirmTransfer(notary, { recordId: 'api-perceel-1' });
    expect((await client.registry.record('api-perceel-1')).holder).toEqual(key(buyer));
    expect(await refused(client.registry.cancelTransfer(buyer, { recordId: 'api-perceel-1' }))).toBe(
      'registry.no_pending_transfer',
    );
  });
});

describe('verifications', () => {
  it('returns status and a proof by record id that verifies offline, and fails when tampered', async () => {
    const v = await client.registry.verify({ recordId: 'api-dipl-1' });
    expect(v).toMatchObject({ status: 'active', recordId: 'api-dipl-1', height: t.chain.app.lastHeight });
    const trust = {
      trustedValidators: [{ pubKey: t.chain.nodeKey.publicKey, power: 10 }],
      chainId: t.chain.chainId,
    };
    expect(verifyRecordProof(v.proof, { ...trust, recordId: 'api-dipl-1' }).valid).toBe(true);
    const tampered = JSON.parse(JSON.stringify(v.proof));
    tampered.record.value = tampered.record.value.replace(school.oin!, outsider.oin!);
    expect(verifyRecordProof(tampered, trust).valid).toBe(false);
  });

  it('proves the status at an earlier height and by document hash', async () => {
    const history = await client.registry.history('api-dipl-1');
    const suspendedAt = history.items.find((h) => h.action === 'suspended')!.height;
    const then = await client.registry.verify({ recordId: 'api-dipl-1' }, { height: suspendedAt });
    expect(then).toMatchObject({ status: 'suspended', height: suspendedAt });
    expect(verifyRecordProof(then.proof, { height: suspendedAt }).valid).toBe(true);
    const byDoc = await client.registry.verify({ documentHash: doc('api-dipl-1') });
    expect(byDoc).toMatchObject({ recordId: 'api-dipl-1', documentCurrent: true, status: 'active' });
    expect(verifyRecordProof(byDoc.proof, { documentHash: doc('api-dipl-1') }).valid).toBe(true);
    const none = await client.registry.verify({ documentHash: doc('nooit uitgegeven') });
    expect(none.status).toBe('unknown');
  });

  it('refuses neither-or-both queries and heights beyond the chain', async () => {
    const neither = await t.get('/v1/verifications');
    expect(neither.status).toBe(400);
    expect(await neither.json()).toMatchObject({
      code: 'api.invalid_request',
      invalidParams: [{ name: 'recordId' }],
    });
    expect((await t.get(`/v1/verifications?recordId=a&documentHash=${doc('a')}`)).status).toBe(400);
    const high = await t.get(`/v1/verifications?recordId=api-dipl-1&height=${t.chain.app.lastHeight + 50}`);
    expect(high.status).toBe(404);
    const bad = await t.get('/v1/verifications?documentHash=XYZ&height=0');
    expect((await bad.json()).invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      'documentHash',
      'height',
    ]);
  });

  it('verifies a credential: valid while in force, invalid once revoked', async () => {
    await client.registry.issue(school, {
      id: 'api-vc-1',
      classId: 'diploma',
      holder: key(buyer),
      attributes: { programme: 'Testopleiding' },
      documentHash: doc('api-vc-1'),
      validFrom: '2026-01-01',
    });
    const record = await client.registry.record('api-vc-1');
    const credential = exportCredential(record, {
      issuerPrivateKey: school.privateKey,
      chainId: t.chain.chainId,
      statusBaseUrl: `${t.url}/v1`,
      issuedAt: new Date().toISOString(),
    });
    const check = async () =>
      (
        await t.post('/v1/credential-verifications', JSON.stringify({ credential }), {
          'Content-Type': 'application/json',
        })
      ).json();
    expect(await check()).toMatchObject({ valid: true, status: 'active' });
    await client.registry.revoke(school, { recordId: 'api-vc-1', reason: 'Ingetrokken' });
    expect(await check()).toMatchObject({ valid: false, status: 'revoked' });
  });
});

describe('documented answers', () => {
  it('every registry GET answers with a body matching its documented schema', async () => {
    const samples: Record<string, string> = {
      '/register-classes': '',
      '/register-classes/{id}': '/register-classes/eigendom',
      '/records': `/records?classId=diploma`,
      '/records/{id}': '/records/api-perceel-1',
      '/records/{id}/history': '/records/api-perceel-1/history',
      '/verifications': `/verifications?documentHash=${doc('api-perceel-1')}`,
    };
    for (const route of registryApi.routes.filter((r) => r.method === 'get')) {
      const path = samples[route.path] || route.path;
      const body = await json(`/v1${path}`);
      const parsed = route.responses[200]!.schema!.safeParse(body);
      expect(parsed.success ? [] : parsed.error.issues, route.path).toEqual([]);
    }
  });
});
