import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/hash-node.ts';
import { caseTimeline, caseView } from './queries.ts';
import { DEBT_ASSISTANCE } from './templates.ts';
import { CaseDriver, type CasesFixture, createCasesFixture } from './test-fixture.ts';

let f: CasesFixture;
let d: CaseDriver;
beforeAll(async () => {
  f = await createCasesFixture();
  await f.publish(DEBT_ASSISTANCE);
});
afterAll(async () => f?.chain.stop());

/** A debt case in the inventory step with every requirement present. */
beforeEach(async () => {
  d = await CaseDriver.open(f, 'debt-assistance');
  await d.inviteAll();
  await d.driveTo('inventory');
  await d.completeStep();
});

const dispute = (
  who: Parameters<CaseDriver['send']>[0],
  target: Record<string, string>,
  reason = 'incorrect',
) => d.send(who, 'cases.dispute', { caseId: d.id, target, reason });
const answer = (
  who: Parameters<CaseDriver['send']>[0],
  disputeId: string,
  resolution: string,
  extra: Record<string, string> = {},
) => d.send(who, 'cases.answer_dispute', { caseId: d.id, disputeId, resolution, ...extra });

describe('disputes about fields', () => {
  it('holds the case until the owner corrects the field, and shows it all to every partner', async () => {
    const raised = await dispute('creditorA', { kind: 'field', field: 'total_debt' }, 'incomplete');
    expect(raised.error).toBe('');
    expect(raised.result!.participants).toEqual(expect.arrayContaining(d.records.partners.map((p) => p.oin)));
    const blocked = await d.advance('plan');
    expect(blocked.error).toBe('cases.dispute_open');
    const view = caseView(f.chain.app.committed, d.id)!;
    expect(view.disputes).toEqual([
      expect.objectContaining({
        id: '1',
        owner: f.org('counsellor').oin,
        raisedBy: f.org('creditorA').oin,
        status: 'open',
        reason: 'incomplete',
      }),
    ]);
    expect(view.progress.waitingOn).toEqual([
      { oin: f.org('counsellor').oin, role: 'debt_counsellor', reason: 'dispute_answer', item: '1' },
    ]);
    // While disputed, the owner answers instead of silently overwriting.
    const overwrite = await d.send('counsellor', 'cases.set_field', {
      caseId: d.id,
      field: 'total_debt',
      value: '1300000',
    });
    expect(overwrite.error).toBe('cases.dispute_open');
    expect((await answer('creditorA', '1', 'confirmed')).error).toBe('cases.not_owner');
    expect((await answer('counsellor', '1', 'corrected')).error).toBe('cases.bad_answer');
    expect((await answer('counsellor', '1', 'corrected', { value: '1375000' })).error).toBe('');
    expect(d.records.fields.find((x) => x.name === 'total_debt')!.value).toBe('1375000');
    expect(d.records.disputes[0]!.status).toBe('corrected');
    expect((await answer('counsellor', '1', 'confirmed')).error).toBe('cases.dispute_closed');
    expect((await d.advance('plan')).error).toBe('');
    const actions = caseTimeline(f.chain.app.committed, d.id)!.map((e) => e.action);
    expect(actions.slice(-3)).toEqual(['disputed', 'dispute_answered', 'advanced']);
  });

  it('refuses disputing your own item, a value that was never set, and a second dispute on the same item', async () => {
    expect((await dispute('counsellor', { kind: 'field', field: 'total_debt' })).error).toBe(
      'cases.own_item',
    );
    expect((await dispute('creditorA', { kind: 'field', field: 'plan_months' })).error).toBe(
      'cases.unknown_field',
    );
    expect((await dispute('stranger', { kind: 'field', field: 'total_debt' })).error).toBe(
      'cases.not_invited',
    );
    expect((await dispute('creditorA', { kind: 'field', field: 'total_debt' })).error).toBe('');
    expect((await dispute('creditorB', { kind: 'field', field: 'total_debt' })).error).toBe(
      'cases.dispute_open',
    );
  });
});

describe('disputes about attestations', () => {
  it('lets the attester confirm it, after which the case proceeds', async () => {
    const target = { kind: 'attestation', attestation: 'income_verified', oin: f.org('benefits').oin };
    expect((await dispute('counsellor', target, 'outdated')).error).toBe('');
    expect((await d.send('benefits', 'cases.attest', { caseId: d.id, kind: 'income_verified' })).error).toBe(
      'cases.dispute_open',
    );
    expect((await answer('counsellor', '1', 'confirmed')).error).toBe('cases.not_owner');
    expect((await answer('benefits', '1', 'confirmed', { evidence: sha256Hex('x') })).error).toBe(
      'cases.bad_answer',
    );
    expect((await answer('benefits', '1', 'confirmed')).error).toBe('');
    expect((await d.advance('plan')).error).toBe('');
  });

  it('lets the attester correct it with new evidence', async () => {
    const target = { kind: 'attestation', attestation: 'claim_confirmed', oin: f.org('creditorB').oin };
    await dispute('counsellor', target);
    expect((await answer('creditorB', '1', 'corrected', { value: '100' })).error).toBe('cases.bad_answer');
    const evidence = sha256Hex('zout|gecorrigeerde vordering');
    expect((await answer('creditorB', '1', 'corrected', { evidence })).error).toBe('');
    const a = d.records.attestations.find(
      (x) => x.kind === 'claim_confirmed' && x.oin === f.org('creditorB').oin,
    )!;
    expect(a.evidence).toBe(evidence);
  });

  it('makes the requirement missing again when the attester withdraws it', async () => {
    await dispute('counsellor', {
      kind: 'attestation',
      attestation: 'claim_confirmed',
      oin: f.org('creditorA').oin,
    });
    expect((await answer('creditorA', '1', 'withdrawn')).error).toBe('');
    const blocked = await d.advance('plan');
    expect(blocked.error).toBe('cases.requirements_missing');
    expect(blocked.log).toContain(f.org('creditorA').oin);
  });

  it('refuses a dispute about an attestation that was not given', async () => {
    const r = await dispute('counsellor', {
      kind: 'attestation',
      attestation: 'plan_agreed',
      oin: f.org('creditorA').oin,
    });
    expect(r.error).toBe('cases.unknown_attestation');
  });
});
