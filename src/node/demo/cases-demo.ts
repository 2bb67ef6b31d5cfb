// Demo cases: the debt-assistance and Wmo processes published through governance, and cases in
// several states (waiting on creditors, a dispute that was answered, a completed Wmo request, an
// erased case). Residents are demo keys or salted demo references; documents are hashes of
// made-up texts (store real files with "ketenboek cases upload"). In this demo Gemeente Proefdorp
// plays the regional social service that verifies income (the benefits agency).
import type { TxResult } from '../../app/types.ts';
import { sha256Hex } from '../../core/hash-node.ts';
import { DEBT_ASSISTANCE, WMO_REQUEST } from '../../modules/cases/templates.ts';
import type { DemoContext, DemoLoader } from './demo-context.ts';
import { DEMO_ORGS } from './demo-orgs.ts';

const MUNICIPALITY = 'gemeente-voorbeeldstad';
const BENEFITS = 'gemeente-proefdorp';
const COUNSELLOR = 'schuldhulp-demo';
const BANK = 'bank-fictief';
const CARE = 'zorg-demo';

const demoDoc = (label: string) => sha256Hex(`demo salt|demo document: ${label}`);
const eventAttr = (r: TxResult, type: string, key: string) =>
  r.events.find((e) => e.type === type)?.attributes.find((a) => a.key === key)?.value;

/** Proposes to publish a process and lets the other demo members approve until it passes. */
async function publish(ctx: DemoContext, process: unknown, title: string): Promise<void> {
  const deadline = new Date(Date.parse(ctx.now()) + 7 * 24 * 3600 * 1000).toISOString();
  const submitted = await ctx.send(MUNICIPALITY, 'identity.submit_proposal', {
    title,
    action: { kind: 'publish_process', process },
    deadline,
  });
  if (eventAttr(submitted, 'identity.proposal_passed', 'proposal')) return;
  const proposalId = eventAttr(submitted, 'identity.proposal_submitted', 'proposal')!;
  for (const member of DEMO_ORGS.filter((o) => o.member && o.keyName !== MUNICIPALITY)) {
    const vote = await ctx.send(member.keyName, 'identity.vote', { proposalId, approve: true });
    if (eventAttr(vote, 'identity.proposal_passed', 'proposal')) return;
  }
  throw new Error(`demo process "${title}" did not pass`);
}

/** A small helper per case: every step is a signed tx by the named demo key. */
function caseSteps(ctx: DemoContext, caseId: string) {
  const oin = (key: string) => ctx.key(key).oin!;
  return {
    invite: (by: string, key: string, role: string) =>
      ctx.send(by, 'cases.invite', { caseId, oin: oin(key), role }),
    attest: (by: string, kind: string, evidence?: string) =>
      ctx.send(by, 'cases.attest', { caseId, kind, ...(evidence ? { evidence } : {}) }),
    set: (by: string, field: string, value: string) =>
      ctx.send(by, 'cases.set_field', { caseId, field, value }),
    attach: (by: string, kind: string, label: string) =>
      ctx.send(by, 'cases.attach_document', { caseId, hash: demoDoc(`${caseId} ${label}`), kind }),
    advance: (by: string, to: string) => ctx.send(by, 'cases.advance', { caseId, to }),
  };
}

async function open(ctx: DemoContext, process: string, subject: unknown): Promise<string> {
  const r = await ctx.send(MUNICIPALITY, 'cases.open', { process, subject });
  return eventAttr(r, 'cases.opened', 'case')!;
}

const pseudonym = (ctx: DemoContext, resident: string) => ({
  kind: 'pseudonym',
  pubKey: ctx.key(resident).publicKey,
});

/** Debt assistance for bewoner-1, now in the plan step: one creditor agreed, one still to answer. */
async function debtCaseInPlan(ctx: DemoContext): Promise<void> {
  const id = await open(ctx, 'debt-assistance', pseudonym(ctx, 'bewoner-1'));
  const s = caseSteps(ctx, id);
  await s.invite(MUNICIPALITY, COUNSELLOR, 'debt_counsellor');
  await s.invite(MUNICIPALITY, BENEFITS, 'benefits_agency');
  await s.attest('bewoner-1', 'consent_given');
  await s.attach(MUNICIPALITY, 'intake_report', 'intakeverslag');
  await s.advance(MUNICIPALITY, 'inventory');
  await s.invite(COUNSELLOR, BANK, 'creditor');
  await s.invite(COUNSELLOR, CARE, 'creditor');
  await s.attach(BENEFITS, 'income_statement', 'inkomensoverzicht');
  await s.attest(BENEFITS, 'income_verified', demoDoc(`${id} inkomensoverzicht`));
  await s.attest(BANK, 'claim_confirmed', demoDoc(`${id} vordering bank`));
  await s.attest(CARE, 'claim_confirmed', demoDoc(`${id} vordering zorg`));
  await s.set(COUNSELLOR, 'total_debt', '1245000');
  // Joint quality: the bank finds the total too low; the counsellor corrects it.
  const dispute = await ctx.send(BANK, 'cases.dispute', {
    caseId: id,
    target: { kind: 'field', field: 'total_debt' },
    reason: 'incomplete',
  });
  const disputeId = eventAttr(dispute, 'cases.disputed', 'dispute')!;
  await ctx.send(COUNSELLOR, 'cases.answer_dispute', {
    caseId: id,
    disputeId,
    resolution: 'corrected',
    value: '1389000',
  });
  await s.advance(COUNSELLOR, 'plan');
  await s.attach(COUNSELLOR, 'payment_plan', 'betalingsregeling');
  await s.set(COUNSELLOR, 'plan_document', demoDoc(`${id} betalingsregeling`));
  await s.set(COUNSELLOR, 'plan_months', '18');
  await s.attest(BANK, 'plan_agreed');
}

/** Debt assistance for bewoner-2, in the inventory step: waiting on income and claims. */
async function debtCaseInInventory(ctx: DemoContext): Promise<void> {
  const id = await open(ctx, 'debt-assistance', pseudonym(ctx, 'bewoner-2'));
  const s = caseSteps(ctx, id);
  await s.invite(MUNICIPALITY, COUNSELLOR, 'debt_counsellor');
  await s.attest('bewoner-2', 'consent_given');
  await s.advance(MUNICIPALITY, 'inventory');
  await s.invite(COUNSELLOR, BENEFITS, 'benefits_agency');
  await s.invite(COUNSELLOR, BANK, 'creditor');
}

/** Wmo for bewoner-3 (by salted reference): investigated, waiting on the care provider's offer. */
async function wmoCaseAwaitingOffer(ctx: DemoContext): Promise<void> {
  const id = await open(ctx, 'wmo-request', { kind: 'reference', hash: demoDoc('referentie bewoner-3') });
  const s = caseSteps(ctx, id);
  await s.invite(MUNICIPALITY, CARE, 'care_provider');
  await s.attach(MUNICIPALITY, 'assessment_report', 'gespreksverslag');
  await s.set(MUNICIPALITY, 'assessment_report', demoDoc(`${id} gespreksverslag`));
  await s.attest(MUNICIPALITY, 'assessment_done');
  await s.advance(MUNICIPALITY, 'decision');
}

/** Wmo for bewoner-4: granted and delivered; the case is closed. */
async function wmoCaseProvided(ctx: DemoContext): Promise<void> {
  const id = await open(ctx, 'wmo-request', pseudonym(ctx, 'bewoner-4'));
  const s = caseSteps(ctx, id);
  await s.invite(MUNICIPALITY, CARE, 'care_provider');
  await s.set(MUNICIPALITY, 'assessment_report', demoDoc(`${id} gespreksverslag`));
  await s.attest(MUNICIPALITY, 'assessment_done');
  await s.advance(MUNICIPALITY, 'decision');
  await s.attest(CARE, 'care_offer_made');
  await s.set(MUNICIPALITY, 'decision', 'granted');
  await s.set(MUNICIPALITY, 'decision_date', ctx.now().slice(0, 10));
  await s.advance(MUNICIPALITY, 'delivery');
  await s.attest(CARE, 'care_started');
  await s.advance(CARE, 'provided');
}

/** A withdrawn Wmo request whose off-ledger data was erased at the resident's request. */
async function erasedCase(ctx: DemoContext): Promise<void> {
  const id = await open(ctx, 'wmo-request', {
    kind: 'reference',
    hash: demoDoc('referentie ingetrokken melding'),
  });
  await caseSteps(ctx, id).advance(MUNICIPALITY, 'withdrawn');
  await ctx.send(MUNICIPALITY, 'cases.record_erasure', { caseId: id, reason: 'subject_request' });
}

export const casesDemo: DemoLoader = {
  name: 'shared cases (debt assistance, Wmo)',
  async load(ctx) {
    await publish(ctx, DEBT_ASSISTANCE, 'Ketenproces schuldhulpverlening');
    await publish(ctx, WMO_REQUEST, 'Ketenproces Wmo-aanvraag');
    await debtCaseInPlan(ctx);
    await debtCaseInInventory(ctx);
    await wmoCaseAwaitingOffer(ctx);
    await wmoCaseProvided(ctx);
    await erasedCase(ctx);
    ctx.log('cases: 2 processes, 5 demo cases');
  },
};
