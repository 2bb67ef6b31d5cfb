import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/hash-node.ts';
import { caseView, partnerOverview } from './queries.ts';
import { DEBT_ASSISTANCE, WMO_REQUEST } from './templates.ts';
import { CaseDriver, type CasesFixture, createCasesFixture, openedCaseId } from './test-fixture.ts';

let f: CasesFixture;
beforeAll(async () => {
  f = await createCasesFixture();
  await f.publish(DEBT_ASSISTANCE);
  await f.publish(WMO_REQUEST);
});
afterAll(async () => f?.chain.stop());

const latestTime = () => f.chain.app.store.block(f.chain.app.lastHeight)!.header.time;

describe('opening a case', () => {
  it('opens a case in the initial step with its deadline in block time, the opener in the opening role', async () => {
    const d = await CaseDriver.open(f, 'debt-assistance');
    const c = d.case;
    expect(c).toMatchObject({
      process: 'debt-assistance',
      processVersion: 1,
      status: 'open',
      step: 'intake',
    });
    expect(c.subject).toEqual({ kind: 'pseudonym', pubKey: d.resident.publicKey });
    expect(Date.parse(c.dueAt!) - Date.parse(c.openedAt)).toBe(28 * 24 * 3600 * 1000);
    expect(d.records.partners).toEqual([
      expect.objectContaining({ oin: f.org('municipality').oin, roles: ['municipality'] }),
    ]);
  });

  it('refuses organisations without the case_partner role and processes that were never published', async () => {
    const subject = { kind: 'pseudonym', pubKey: f.chain.newAccount().publicKey };
    const outsider = await f.chain.trySend(f.org('outsider'), 'cases.open', {
      process: 'debt-assistance',
      subject,
    });
    expect(outsider.error).toBe('identity.missing_role');
    const unknown = await f.chain.trySend(f.org('municipality'), 'cases.open', {
      process: 'verhuizing',
      subject,
    });
    expect(unknown.error).toBe('cases.unknown_process');
  });

  it('refuses a BSN or free text where a salted reference is expected, saying why', async () => {
    const bsn = await f.chain.trySend(f.org('municipality'), 'cases.open', {
      process: 'wmo-request',
      subject: { kind: 'reference', hash: '111222333' },
    });
    expect(bsn.error).toBe('tx.invalid_body');
    expect(bsn.log).toContain('looks like a BSN');
    const name = await f.chain.trySend(f.org('municipality'), 'cases.open', {
      process: 'wmo-request',
      subject: { kind: 'reference', hash: 'J. Fictief, Nepstraat 1' },
    });
    expect(name.error).toBe('tx.invalid_body');
    expect(name.log).toContain('not free text');
  });

  it('accepts a salted reference only for processes in which the resident does not sign', async () => {
    const subject = { kind: 'reference', hash: sha256Hex('geheim-zout|fictieve-registratie-1') };
    const wmo = await f.chain.trySend(f.org('municipality'), 'cases.open', {
      process: 'wmo-request',
      subject,
    });
    expect(wmo.error).toBe('');
    const debt = await f.chain.trySend(f.org('municipality'), 'cases.open', {
      process: 'debt-assistance',
      subject,
    });
    expect(debt.error).toBe('cases.subject_key_required');
  });

  it('refuses an organisation key as the resident', async () => {
    const r = await f.chain.trySend(f.org('municipality'), 'cases.open', {
      process: 'debt-assistance',
      subject: { kind: 'pseudonym', pubKey: f.org('creditorA').publicKey },
    });
    expect(r.error).toBe('cases.subject_is_organisation');
  });

  it('refuses a second open case of the same process for the same resident, but allows one after closing', async () => {
    const d = await CaseDriver.open(f, 'debt-assistance');
    const again = await f.chain.trySend(f.org('counsellor'), 'cases.open', {
      process: 'debt-assistance',
      subject: { kind: 'pseudonym', pubKey: d.resident.publicKey },
    });
    expect(again.error).toBe('cases.duplicate_case');
    expect((await d.advance('withdrawn')).error).toBe('');
    const reopened = await f.chain.send(f.org('municipality'), 'cases.open', {
      process: 'debt-assistance',
      subject: { kind: 'pseudonym', pubKey: d.resident.publicKey },
    });
    expect(Number(openedCaseId(reopened.events))).toBeGreaterThan(Number(d.id));
  });
});

describe('inviting partners', () => {
  it('lets only the roles a process names invite, only case partners join, and keeps role limits', async () => {
    const d = await CaseDriver.open(f, 'debt-assistance');
    const invite = (
      who: Parameters<CaseDriver['send']>[0],
      org: Parameters<CasesFixture['org']>[0],
      role: string,
    ) => d.send(who, 'cases.invite', { caseId: d.id, oin: f.org(org).oin, role });
    expect((await invite('stranger', 'stranger', 'creditor')).error).toBe('cases.not_invited');
    expect((await invite('municipality', 'outsider', 'creditor')).error).toBe('cases.not_case_partner');
    expect((await invite('municipality', 'counsellor', 'notary')).error).toBe('cases.wrong_role');
    expect((await invite('municipality', 'counsellor', 'debt_counsellor')).error).toBe('');
    expect((await invite('municipality', 'counsellor', 'debt_counsellor')).error).toBe(
      'cases.already_invited',
    );
    expect((await invite('municipality', 'creditorB', 'debt_counsellor')).error).toBe(
      'cases.too_many_partners',
    );
    expect((await invite('counsellor', 'creditorA', 'creditor')).error).toBe('');
    const byCreditor = await invite('creditorA', 'creditorB', 'creditor');
    expect(byCreditor.error).toBe('cases.wrong_role');
    expect(d.records.partners.map((p) => [p.oin, p.roles])).toEqual(
      [
        [f.org('municipality').oin, ['municipality']],
        [f.org('counsellor').oin, ['debt_counsellor']],
        [f.org('creditorA').oin, ['creditor']],
      ].sort(),
    );
  });
});

describe('attestations and fields', () => {
  it('accepts an attestation only from an invited partner in the attesting role', async () => {
    const d = await CaseDriver.open(f, 'debt-assistance');
    await d.inviteAll();
    const attest = (who: Parameters<CaseDriver['send']>[0], kind: string) =>
      d.send(who, 'cases.attest', { caseId: d.id, kind });
    expect((await attest('stranger', 'income_verified')).error).toBe('cases.not_invited');
    expect((await attest('benefits', 'claim_confirmed')).error).toBe('cases.wrong_role');
    expect((await attest('benefits', 'rent_paid')).error).toBe('cases.unknown_attestation');
    const ok = await attest('benefits', 'income_verified');
    expect(ok.error).toBe('');
    // Every invited partner is a participant of every case tx: they all see it in their streams.
    expect(ok.result!.participants).toEqual(expect.arrayContaining(d.records.partners.map((p) => p.oin)));
  });

  it('takes consent only from the resident’s own pseudonymous key', async () => {
    const d = await CaseDriver.open(f, 'debt-assistance');
    await d.inviteAll();
    const consent = (who: Parameters<CaseDriver['send']>[0]) =>
      d.send(who, 'cases.attest', { caseId: d.id, kind: 'consent_given' });
    expect((await consent('municipality')).error).toBe('cases.wrong_role');
    expect((await consent(f.chain.newAccount())).error).toBe('cases.wrong_role');
    expect((await consent(d.resident)).error).toBe('');
    expect(d.records.attestations).toEqual([
      expect.objectContaining({ kind: 'consent_given', oin: 'subject', role: 'subject' }),
    ]);
  });

  it('sets fields only by their owner role and only with values of the field type', async () => {
    const d = await CaseDriver.open(f, 'debt-assistance');
    await d.inviteAll();
    const set = (who: Parameters<CaseDriver['send']>[0], field: string, value: string) =>
      d.send(who, 'cases.set_field', { caseId: d.id, field, value });
    expect((await set('creditorA', 'total_debt', '500000')).error).toBe('cases.wrong_role');
    expect((await set('counsellor', 'total_debt', '12.50')).error).toBe('tx.invalid_body');
    expect((await set('counsellor', 'total_debt', '0012')).error).toBe('cases.invalid_field_value');
    expect((await set('counsellor', 'plan_months', '111222333')).error).toBe('cases.invalid_field_value');
    const bsnAsHash = await set('counsellor', 'plan_document', '111222333');
    expect(bsnAsHash.error).toBe('cases.invalid_field_value');
    expect(bsnAsHash.log).toContain('looks like a BSN');
    expect((await set('counsellor', 'notes', 'x')).error).toBe('cases.unknown_field');
    expect((await set('counsellor', 'total_debt', '1250000')).error).toBe('');
    expect(d.records.fields).toEqual([
      expect.objectContaining({ name: 'total_debt', value: '1250000', by: f.org('counsellor').oin }),
    ]);
  });
});

describe('moving a case', () => {
  it('refuses transitions the process does not allow and names the allowed ones', async () => {
    const d = await CaseDriver.open(f, 'debt-assistance');
    const r = await d.advance('repayment');
    expect(r.error).toBe('cases.transition_not_allowed');
    expect(r.log).toContain('inventory, rejected, withdrawn');
  });

  it('waits for each creditor’s confirmation and names the creditor still pending', async () => {
    const d = await CaseDriver.open(f, 'debt-assistance');
    await d.inviteAll();
    await d.driveTo('inventory');
    await d.send('benefits', 'cases.attest', { caseId: d.id, kind: 'income_verified' });
    await d.send('counsellor', 'cases.set_field', { caseId: d.id, field: 'total_debt', value: '1250000' });
    await d.send('creditorA', 'cases.attest', { caseId: d.id, kind: 'claim_confirmed' });
    const early = await d.advance('plan');
    expect(early.error).toBe('cases.requirements_missing');
    expect(early.log).toContain(f.org('creditorB').oin);
    expect(early.log).not.toContain(f.org('creditorA').oin);
    await d.send('creditorB', 'cases.attest', { caseId: d.id, kind: 'claim_confirmed' });
    expect((await d.advance('plan')).error).toBe('');
  });

  it('refuses every change to a closed case', async () => {
    const d = await CaseDriver.open(f, 'debt-assistance');
    await d.inviteAll();
    await d.advance('withdrawn');
    expect((await d.send('benefits', 'cases.attest', { caseId: d.id, kind: 'income_verified' })).error).toBe(
      'cases.case_closed',
    );
    expect((await d.send('municipality', 'cases.advance', { caseId: d.id, to: 'inventory' })).error).toBe(
      'cases.case_closed',
    );
  });
});

describe('overview of open cases per partner', () => {
  it('says what each case waits on and whom, including invitations still to make', async () => {
    const d = await CaseDriver.open(f, 'debt-assistance');
    await d.send('municipality', 'cases.invite', {
      caseId: d.id,
      oin: f.org('counsellor').oin,
      role: 'debt_counsellor',
    });
    await d.send(d.resident, 'cases.attest', { caseId: d.id, kind: 'consent_given' });
    const mine = partnerOverview(f.chain.app.committed, f.org('municipality').oin).cases.find(
      (c) => c.id === d.id,
    )!;
    expect(mine.waitingOnYou).toEqual([
      { oin: f.org('municipality').oin, role: 'municipality', reason: 'advance', item: 'intake' },
    ]);
    await d.advance('inventory');

    const view = caseView(f.chain.app.committed, d.id)!;
    expect(view.progress.waitingOn).toEqual(
      expect.arrayContaining([
        {
          oin: f.org('municipality').oin,
          role: 'municipality',
          reason: 'invitation',
          item: 'benefits_agency',
        },
        { oin: f.org('counsellor').oin, role: 'debt_counsellor', reason: 'invitation', item: 'creditor' },
        { oin: f.org('counsellor').oin, role: 'debt_counsellor', reason: 'field', item: 'total_debt' },
      ]),
    );
    await d.send('counsellor', 'cases.invite', {
      caseId: d.id,
      oin: f.org('creditorA').oin,
      role: 'creditor',
    });
    const creditor = partnerOverview(f.chain.app.committed, f.org('creditorA').oin).cases.find(
      (c) => c.id === d.id,
    )!;
    expect(creditor.roles).toEqual(['creditor']);
    expect(creditor.waitingOnYou).toEqual([
      { oin: f.org('creditorA').oin, role: 'creditor', reason: 'attestation', item: 'claim_confirmed' },
    ]);
    expect(creditor.overdue).toBe(false);
    expect(partnerOverview(f.chain.app.committed, f.org('stranger').oin).cases).toEqual([]);
  });

  it('marks a step overdue once the latest block time passes its deadline', async () => {
    await f.publish({
      id: 'snelle-toets',
      title: 'Snelle toets (test)',
      roles: [{ role: 'worker', invitedBy: [] }],
      openerRole: 'worker',
      steps: [
        { id: 'check', title: 'Controleren', performer: 'worker', deadlineSeconds: 1 },
        { id: 'done', title: 'Klaar', performer: 'worker', terminal: true },
      ],
      initialStep: 'check',
      transitions: [{ from: 'check', to: 'done' }],
    });
    const r = await f.chain.send(f.org('counsellor'), 'cases.open', {
      process: 'snelle-toets',
      subject: { kind: 'reference', hash: sha256Hex('zout|snelle-toets') },
    });
    const id = openedCaseId(r.events);
    const oin = f.org('counsellor').oin;
    expect(
      partnerOverview(f.chain.app.committed, oin, { now: latestTime() }).cases.find((c) => c.id === id)!
        .overdue,
    ).toBe(false);
    await new Promise((done) => setTimeout(done, 1100));
    await f.chain.send(f.org('counsellor'), 'anchor.create', { hash: sha256Hex(`tik ${id}`), label: 'tik' });
    const later = partnerOverview(f.chain.app.committed, oin, { now: latestTime() }).cases.find(
      (c) => c.id === id,
    )!;
    expect(later.overdue).toBe(true);
    expect(later.dueAt! < latestTime()).toBe(true);
  });
});
