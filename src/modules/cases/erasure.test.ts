import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/hash-node.ts';
import { caseTimeline, partnerOverview } from './queries.ts';
import { keys } from './state.ts';
import { DEBT_ASSISTANCE } from './templates.ts';
import { CaseDriver, type CasesFixture, createCasesFixture } from './test-fixture.ts';

let f: CasesFixture;
beforeAll(async () => {
  f = await createCasesFixture();
  await f.publish(DEBT_ASSISTANCE);
});
afterAll(async () => f?.chain.stop());

describe('erasure', () => {
  it('is recorded only by the opening partner (the controller)', async () => {
    const d = await CaseDriver.open(f, 'debt-assistance');
    await d.inviteAll();
    const r = await d.send('counsellor', 'cases.record_erasure', { caseId: d.id, reason: 'subject_request' });
    expect(r.error).toBe('cases.not_controller');
    const stranger = await d.send('stranger', 'cases.record_erasure', {
      caseId: d.id,
      reason: 'subject_request',
    });
    expect(stranger.error).toBe('cases.not_invited');
    expect(d.case.status).toBe('open');
  });

  it('removes the subject from state, ends the case, and refuses every later change', async () => {
    const d = await CaseDriver.open(f, 'debt-assistance');
    await d.inviteAll();
    await d.driveTo('inventory');
    const doc = sha256Hex('zout|fictief inkomensoverzicht');
    await d.send('benefits', 'cases.attach_document', { caseId: d.id, hash: doc, kind: 'income_statement' });
    const erased = await d.send('municipality', 'cases.record_erasure', {
      caseId: d.id,
      reason: 'subject_request',
    });
    expect(erased.error).toBe('');
    const c = d.case;
    expect(c.status).toBe('erased');
    expect(c.subject).toBeNull();
    expect(c.erasure).toMatchObject({ by: f.org('municipality').oin, reason: 'subject_request' });
    expect(JSON.stringify(f.chain.app.committed.get(keys.case(d.id)))).not.toContain(d.resident.publicKey);
    // The ledger stays verifiable: the hash and the history of who did what remain.
    expect(d.records.documents.map((x) => x.hash)).toEqual([doc]);
    expect(caseTimeline(f.chain.app.committed, d.id)!.at(-1)).toMatchObject({
      action: 'erased',
      details: { reason: 'subject_request' },
    });
    for (const name of ['municipality', 'counsellor', 'creditorA'] as const) {
      expect(partnerOverview(f.chain.app.committed, f.org(name).oin).cases.map((x) => x.id)).not.toContain(
        d.id,
      );
    }
    const refusals = [
      await d.send('benefits', 'cases.attest', { caseId: d.id, kind: 'income_verified' }),
      await d.send('counsellor', 'cases.advance', { caseId: d.id, to: 'withdrawn' }),
      await d.send('counsellor', 'cases.invite', {
        caseId: d.id,
        oin: f.org('stranger').oin,
        role: 'creditor',
      }),
      await d.send('creditorA', 'cases.attach_document', {
        caseId: d.id,
        hash: sha256Hex('nog een'),
        kind: 'claim_statement',
      }),
      await d.send('municipality', 'cases.record_erasure', { caseId: d.id, reason: 'subject_request' }),
    ];
    expect(refusals.map((r) => r.error)).toEqual(Array(5).fill('cases.case_erased'));
  });

  it('also erases a closed case, and frees the resident for a new case', async () => {
    const d = await CaseDriver.open(f, 'debt-assistance');
    await d.advance('rejected');
    expect(
      (await d.send('municipality', 'cases.record_erasure', { caseId: d.id, reason: 'retention_expired' }))
        .error,
    ).toBe('');
    expect(d.case.status).toBe('erased');
    const again = await f.chain.trySend(f.org('municipality'), 'cases.open', {
      process: 'debt-assistance',
      subject: { kind: 'pseudonym', pubKey: d.resident.publicKey },
    });
    expect(again.error).toBe('');
  });
});
