// Two ready-made process definitions, to be published through governance (publish_process):
// debt assistance (schuldhulpverlening) and a social support request (Wmo). Ids and codes are
// English like the rest of the API; titles are Dutch, as the user interface is.
import type { ProcessDefinitionInput } from './process-schema.ts';

const DAY = 24 * 3600;

export const DEBT_ASSISTANCE: ProcessDefinitionInput = {
  id: 'debt-assistance',
  title: 'Schuldhulpverlening',
  roles: [
    { role: 'municipality', invitedBy: [], maxPartners: 1 },
    { role: 'debt_counsellor', invitedBy: ['municipality'], maxPartners: 1 },
    { role: 'benefits_agency', invitedBy: ['municipality', 'debt_counsellor'], maxPartners: 1 },
    { role: 'creditor', invitedBy: ['municipality', 'debt_counsellor'] },
  ],
  openerRole: 'municipality',
  attestations: [
    { kind: 'consent_given', by: 'subject' },
    { kind: 'income_verified', by: 'benefits_agency' },
    { kind: 'claim_confirmed', by: 'creditor' },
    { kind: 'plan_agreed', by: 'creditor' },
    { kind: 'plan_accepted', by: 'subject' },
    { kind: 'plan_completed', by: 'debt_counsellor' },
  ],
  fields: [
    { name: 'total_debt', type: 'cents', owner: 'debt_counsellor' },
    { name: 'plan_document', type: 'hash', owner: 'debt_counsellor' },
    { name: 'plan_months', type: 'count', owner: 'debt_counsellor' },
  ],
  documentKinds: ['intake_report', 'income_statement', 'claim_statement', 'payment_plan'],
  initialStep: 'intake',
  steps: [
    {
      id: 'intake',
      title: 'Aanmelding en eerste gesprek',
      performer: 'municipality',
      requires: [{ attestation: 'consent_given', quorum: 'one' }],
      deadlineSeconds: 28 * DAY,
    },
    {
      id: 'inventory',
      title: 'Inventarisatie van inkomen en schulden',
      performer: 'debt_counsellor',
      requires: [
        { attestation: 'income_verified', quorum: 'one' },
        { attestation: 'claim_confirmed', quorum: 'each' },
      ],
      requiredFields: ['total_debt'],
      deadlineSeconds: 56 * DAY,
    },
    {
      id: 'plan',
      title: 'Betalingsregeling voorstellen en akkoord',
      performer: 'debt_counsellor',
      requires: [
        { attestation: 'plan_agreed', quorum: 'each' },
        { attestation: 'plan_accepted', quorum: 'one' },
      ],
      requiredFields: ['plan_document', 'plan_months'],
      deadlineSeconds: 120 * DAY,
    },
    {
      id: 'repayment',
      title: 'Looptijd van de betalingsregeling',
      performer: 'debt_counsellor',
      requires: [{ attestation: 'plan_completed', quorum: 'one' }],
      deadlineSeconds: 548 * DAY,
    },
    { id: 'completed', title: 'Afgerond: schone lei', performer: 'debt_counsellor', terminal: true },
    { id: 'rejected', title: 'Niet toegelaten', performer: 'municipality', terminal: true },
    { id: 'withdrawn', title: 'Beëindigd', performer: 'debt_counsellor', terminal: true },
  ],
  transitions: [
    { from: 'intake', to: 'inventory' },
    { from: 'intake', to: 'rejected', requiresComplete: false },
    { from: 'intake', to: 'withdrawn', requiresComplete: false },
    { from: 'inventory', to: 'plan' },
    { from: 'inventory', to: 'withdrawn', requiresComplete: false },
    { from: 'plan', to: 'repayment' },
    { from: 'plan', to: 'inventory', requiresComplete: false },
    { from: 'plan', to: 'withdrawn', requiresComplete: false },
    { from: 'repayment', to: 'completed' },
    { from: 'repayment', to: 'withdrawn', requiresComplete: false },
  ],
};

export const WMO_REQUEST: ProcessDefinitionInput = {
  id: 'wmo-request',
  title: 'Wmo-aanvraag maatwerkvoorziening',
  roles: [
    { role: 'municipality', invitedBy: [], maxPartners: 1 },
    { role: 'care_provider', invitedBy: ['municipality'] },
    { role: 'client_support', invitedBy: ['municipality'], maxPartners: 1 },
  ],
  openerRole: 'municipality',
  attestations: [
    { kind: 'assessment_done', by: 'municipality' },
    { kind: 'care_offer_made', by: 'care_provider' },
    { kind: 'care_started', by: 'care_provider' },
  ],
  fields: [
    { name: 'assessment_report', type: 'hash', owner: 'municipality' },
    {
      name: 'decision',
      type: 'code',
      values: ['granted', 'partly_granted', 'refused'],
      owner: 'municipality',
    },
    { name: 'decision_date', type: 'date', owner: 'municipality' },
  ],
  documentKinds: ['assessment_report', 'decision_letter', 'care_plan'],
  initialStep: 'investigation',
  steps: [
    {
      // The Wmo 2015 gives the municipality six weeks after a report to investigate.
      id: 'investigation',
      title: 'Onderzoek na melding',
      performer: 'municipality',
      requires: [{ attestation: 'assessment_done', quorum: 'one' }],
      requiredFields: ['assessment_report'],
      deadlineSeconds: 42 * DAY,
    },
    {
      // ...and two weeks after the application to decide.
      id: 'decision',
      title: 'Aanvraag en beschikking',
      performer: 'municipality',
      requires: [{ attestation: 'care_offer_made', quorum: 'one' }],
      requiredFields: ['decision', 'decision_date'],
      deadlineSeconds: 14 * DAY,
    },
    {
      id: 'delivery',
      title: 'Levering van de voorziening',
      performer: 'care_provider',
      requires: [{ attestation: 'care_started', quorum: 'one' }],
      deadlineSeconds: 28 * DAY,
    },
    { id: 'provided', title: 'Voorziening geleverd', performer: 'care_provider', terminal: true },
    { id: 'refused', title: 'Afgewezen', performer: 'municipality', terminal: true },
    { id: 'withdrawn', title: 'Ingetrokken', performer: 'municipality', terminal: true },
  ],
  transitions: [
    { from: 'investigation', to: 'decision' },
    { from: 'investigation', to: 'withdrawn', requiresComplete: false },
    { from: 'decision', to: 'delivery' },
    { from: 'decision', to: 'refused', requiresComplete: false },
    { from: 'decision', to: 'withdrawn', requiresComplete: false },
    { from: 'delivery', to: 'provided' },
    { from: 'delivery', to: 'withdrawn', requiresComplete: false },
  ],
};

export const PROCESS_TEMPLATES = [DEBT_ASSISTANCE, WMO_REQUEST];
