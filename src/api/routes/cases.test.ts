import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KetenboekApiError } from '../../client/errors.ts';
import { KetenboekClient } from '../../client/index.ts';
import { CASE_EVENT_TYPES } from '../../client/modules/cases.ts';
import { type CaseDocumentsClient, caseDocuments } from '../../client/modules/cases-documents.ts';
import { requestSigningBytes, SIGNATURE_HEADERS } from '../../client/modules/cases-signed-request.ts';
import { utf8 } from '../../core/bytes.ts';
import { sign } from '../../core/ed25519-node.ts';
import { closeDocstoreOf } from '../../docstore/node-docstore.ts';
import { casesModule } from '../../modules/cases/index.ts';
import { DEBT_ASSISTANCE, WMO_REQUEST } from '../../modules/cases/templates.ts';
import {
  CASES_FIXTURE_ORGS,
  CaseDriver,
  type CasesFixture,
  casesFixtureOn,
  type ORG,
} from '../../modules/cases/test-fixture.ts';
import { tempDbPath } from '../../testing/test-chain.ts';
import { openEvents, startTestApi, type TestApi } from '../test-support.ts';
import { casesApi } from './cases.ts';

let t: TestApi;
let f: CasesFixture;
let client: KetenboekClient;
let d: CaseDriver;
const LETTER = utf8('Fictieve inkomensverklaring: Jantje Fictief-Testpersoon, netto 1.234,56 per maand.');

const docsFor = (
  name: keyof typeof ORG,
  extra: Partial<Parameters<typeof caseDocuments>[0]> = {},
): CaseDocumentsClient =>
  caseDocuments({ baseUrl: t.url, signer: f.org(name), sign, chainId: t.chain.chainId, ...extra });

async function problemOf(p: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof KetenboekApiError) return { status: e.status, code: e.code };
    throw e;
  }
  return { status: 200, code: 'none' };
}

beforeAll(async () => {
  t = await startTestApi({ chain: { orgs: CASES_FIXTURE_ORGS, dbPath: tempDbPath('ketenboek-cases-api-') } });
  f = casesFixtureOn(t.chain);
  client = new KetenboekClient({ baseUrl: t.url });
  await f.publish(DEBT_ASSISTANCE);
  await f.publish(WMO_REQUEST);
  d = await CaseDriver.open(f, 'debt-assistance');
  await d.inviteAll();
});
afterAll(async () => {
  if (t) closeDocstoreOf(t.chain.app);
  await t?.close();
});

/** Checks an answer against the route's documented 200 schema. */
function documented(path: string, body: unknown) {
  const route = casesApi.routes.find((r) => r.path === path && r.method === 'get')!;
  const parsed = route.responses[200]!.schema!.safeParse(body);
  expect(parsed.success ? [] : parsed.error.issues, path).toEqual([]);
}

describe('processes and cases over HTTP', () => {
  it('lists the published processes and shows one, as documented', async () => {
    const list = await client.cases.processes();
    documented('/processes', list);
    expect(list.items.map((p) => p.id).sort()).toEqual(['debt-assistance', 'wmo-request']);
    const one = await client.cases.process('wmo-request');
    documented('/processes/{id}', one);
    expect(one.steps.find((s) => s.id === 'investigation')?.deadlineSeconds).toBe(42 * 24 * 3600);
    expect(await problemOf(client.cases.process('verhuizing'))).toEqual({
      status: 404,
      code: 'cases.unknown_process',
    });
  });

  it('shows a case with its progress, its timeline and the partner overview, as documented', async () => {
    const c = await client.cases(d.id);
    documented('/cases/{id}', c);
    expect(c.progress.waitingOn).toEqual([{ role: 'subject', reason: 'attestation', item: 'consent_given' }]);
    const timeline = await client.cases.timeline(d.id);
    documented('/cases/{id}/timeline', timeline);
    expect(timeline.items.map((e) => e.action)).toEqual([
      'opened',
      'invited',
      'invited',
      'invited',
      'invited',
    ]);
    const overview = await client.cases.partnerCases(f.org('creditorA').oin);
    documented('/partners/{oin}/cases', overview);
    expect(overview.cases.map((x) => x.id)).toContain(d.id);
    expect(overview.now).toBe(t.chain.app.store.block(t.chain.app.lastHeight)!.header.time);
    const list = await client.cases.list({ process: 'debt-assistance', status: 'open' });
    documented('/cases', list);
    expect(list.items.map((x) => x.id)).toContain(d.id);
  });

  it('documents every case route and the publish_process proposal in the OpenAPI document', async () => {
    const doc = await (await t.get('/v1/openapi.json')).json();
    for (const r of casesApi.routes)
      expect(doc.paths[r.path]?.[r.method], `${r.method} ${r.path}`).toBeDefined();
    expect(
      doc.paths['/cases/{id}/documents/{hash}'].get.parameters.map((p: { name: string }) => p.name),
    ).toEqual(
      expect.arrayContaining(['purpose', 'Ketenboek-Key', 'Ketenboek-Timestamp', 'Ketenboek-Signature']),
    );
    expect(doc.components.schemas['TxBody.cases.open']).toBeDefined();
    expect(JSON.stringify(doc.components.schemas['TxBody.identity.submit_proposal'])).toContain(
      'publish_process',
    );
    // The client's list of case tx types (for ?types=) follows the module's messages.
    expect([...CASE_EVENT_TYPES].sort()).toEqual(casesModule.messages.map((m) => m.type).sort());
  });

  it('answers 404 for unknown cases and partners, and 400 for malformed ids', async () => {
    expect(await problemOf(client.cases('99999'))).toEqual({ status: 404, code: 'cases.unknown_case' });
    expect(await problemOf(client.cases.timeline('99999'))).toEqual({
      status: 404,
      code: 'cases.unknown_case',
    });
    expect(await problemOf(client.cases.partnerCases('00000004999999099999'))).toEqual({
      status: 404,
      code: 'api.not_found',
    });
    const bad = await t.get('/v1/cases/jan-fictief');
    expect(bad.status).toBe(400);
    expect((await bad.json()).invalidParams[0].name).toBe('id');
  });
});

describe('case documents over HTTP', () => {
  it('stores for an invited partner, reads only after the hash is on the ledger, and logs the purpose', async () => {
    const { document, attach } = await docsFor('benefits').store(d.id, LETTER, {
      kind: 'income_statement',
      mediaType: 'text/plain',
    });
    expect(document).toMatchObject({
      caseId: d.id,
      kind: 'income_statement',
      size: LETTER.length,
      storedBy: f.org('benefits').oin,
    });
    const early = await problemOf(docsFor('counsellor').read(d.id, document.hash, 'inkomen beoordelen'));
    expect(early).toEqual({ status: 409, code: 'docstore.not_attached' });
    await client.cases.attachDocument(f.org('benefits'), attach.body);

    const doc = await docsFor('counsellor').read(
      d.id,
      document.hash,
      'inkomen beoordelen voor betalingsregeling',
    );
    expect(doc.content).toEqual(LETTER);
    expect(doc.verified).toBe(true);
    expect(doc.mediaType).toBe('text/plain');
    const listed = await client.cases.documents(d.id);
    documented('/cases/{id}/documents', listed);
    expect(listed.items).toEqual([
      expect.objectContaining({ hash: document.hash, owner: f.org('benefits').oin, heldHere: true }),
    ]);

    const log = await docsFor('creditorA').processingLog(d.id);
    expect(log.verification.ok).toBe(true);
    expect(log.items.map((e) => [e.action, e.actor.oin, e.purpose])).toEqual([
      ['store', f.org('benefits').oin, 'store income_statement'],
      ['read', f.org('counsellor').oin, 'inkomen beoordelen voor betalingsregeling'],
    ]);
    const head = await (await t.get('/v1/processing-log/head')).json();
    expect(head).toEqual({ seq: log.verification.count, hash: log.verification.head });
  });

  it('refuses unsigned, wrongly signed, stale and replayed requests with 401', async () => {
    const path = `/v1/cases/${d.id}/processing-log`;
    const unsigned = await t.get(path);
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get('WWW-Authenticate')).toMatch(/^ketenboek-request-v1/);
    expect((await unsigned.json()).code).toBe('docstore.unauthenticated');

    const key = f.org('counsellor');
    const signed = (timestamp: string, signedPath = path) => ({
      [SIGNATURE_HEADERS.key]: key.publicKey,
      [SIGNATURE_HEADERS.timestamp]: timestamp,
      [SIGNATURE_HEADERS.signature]: sign(
        key.privateKey,
        requestSigningBytes({
          chainId: t.chain.chainId,
          method: 'GET',
          pathAndQuery: signedPath,
          timestamp,
          body: new Uint8Array(),
        }),
      ),
    });
    const now = new Date().toISOString();
    const otherPath = await t.get(path, signed(now, `/v1/cases/${d.id}/documents`));
    expect((await otherPath.json()).code).toBe('docstore.bad_signature');
    const stale = await t.get(path, signed(new Date(Date.now() - 10 * 60_000).toISOString()));
    expect((await stale.json()).code).toBe('docstore.stale_request');
    const headers = signed(now);
    expect((await t.get(path, headers)).status).toBe(200);
    const replay = await t.get(path, headers);
    expect(replay.status).toBe(401);
    expect((await replay.json()).code).toBe('docstore.replayed_request');
    const citizen = t.chain.newAccount();
    const notOrg = await problemOf(
      caseDocuments({ baseUrl: t.url, signer: citizen, sign, chainId: t.chain.chainId }).processingLog(d.id),
    );
    expect(notOrg).toEqual({ status: 401, code: 'docstore.not_organisation' });
  });

  it('refuses partners that are not invited, and reads without a purpose', async () => {
    expect(await problemOf(docsFor('stranger').store(d.id, LETTER, { kind: 'claim_statement' }))).toEqual({
      status: 403,
      code: 'docstore.not_invited',
    });
    expect(await problemOf(docsFor('stranger').processingLog(d.id))).toEqual({
      status: 403,
      code: 'docstore.not_invited',
    });
    const hash = (await client.cases.documents(d.id)).items[0]!.hash;
    expect(await problemOf(docsFor('stranger').read(d.id, hash, 'nieuwsgierig'))).toEqual({
      status: 403,
      code: 'docstore.not_invited',
    });
    expect(await problemOf(docsFor('counsellor').read(d.id, hash, ''))).toEqual({
      status: 400,
      code: 'api.invalid_request',
    });
  });

  it('streams the case’s events to each invited partner, and refuses reads once the data is erased', async () => {
    const creditor = f.org('creditorA').oin;
    const events = await openEvents(
      `${t.url}/v1/events?types=${CASE_EVENT_TYPES.join(',')}&participant=${creditor}`,
    );
    await client.cases.attest(d.resident, { caseId: d.id, kind: 'consent_given' });
    const consent = JSON.parse((await events.next()).data);
    expect(consent).toMatchObject({ type: 'cases.attest', signer: d.resident.publicKey, code: 0 });
    expect(consent.events[0]).toMatchObject({ type: 'cases.attested' });

    const hash = (await client.cases.documents(d.id)).items[0]!.hash;
    await client.cases.recordErasure(f.org('municipality'), { caseId: d.id, reason: 'subject_request' });
    const erased = JSON.parse((await events.next()).data);
    expect(erased).toMatchObject({ type: 'cases.record_erasure', code: 0 });
    events.close();
    // The node follows its blocks: the key is gone before anyone asks.
    expect((await client.cases.documents(d.id)).items).toEqual([
      expect.objectContaining({ hash, heldHere: false }),
    ]);
    expect(await problemOf(docsFor('counsellor').read(d.id, hash, 'controle'))).toEqual({
      status: 410,
      code: 'docstore.erased',
    });
    const log = await docsFor('municipality').processingLog(d.id);
    expect(log.items.at(-1)).toMatchObject({ action: 'erase', actor: { oin: f.org('municipality').oin } });
    expect(log.verification.ok).toBe(true);
  });
});
