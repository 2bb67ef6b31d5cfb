// Plain-language names for the codes of the published processes (case roles, attestation kinds,
// fields, document kinds) and for the fixed codes of the cases module (timeline actions, dispute
// reasons and answers, erasure reasons). Processes published later fall back to their own codes.
import type { MessageTable } from '../types.ts';

export const caseCodes = {
  // case roles (debt-assistance, wmo-request)
  'caseRole.municipality': { nl: 'gemeente', en: 'municipality' },
  'caseRole.debt_counsellor': { nl: 'schuldhulpverlener', en: 'debt counsellor' },
  'caseRole.benefits_agency': { nl: 'inkomensverstrekker', en: 'benefits agency' },
  'caseRole.creditor': { nl: 'schuldeiser', en: 'creditor' },
  'caseRole.care_provider': { nl: 'zorgaanbieder', en: 'care provider' },
  'caseRole.client_support': { nl: 'cliëntondersteuner', en: 'client support' },
  'caseRole.subject': { nl: 'inwoner', en: 'resident' },
  // attestation kinds
  'caseAtt.consent_given': { nl: 'toestemming van de inwoner', en: 'consent of the resident' },
  'caseAtt.income_verified': { nl: 'inkomen geverifieerd', en: 'income verified' },
  'caseAtt.claim_confirmed': { nl: 'vordering bevestigd', en: 'claim confirmed' },
  'caseAtt.plan_agreed': { nl: 'akkoord met betalingsregeling', en: 'payment plan agreed' },
  'caseAtt.plan_accepted': {
    nl: 'betalingsregeling aanvaard door de inwoner',
    en: 'payment plan accepted by the resident',
  },
  'caseAtt.plan_completed': { nl: 'betalingsregeling voltooid', en: 'payment plan completed' },
  'caseAtt.assessment_done': { nl: 'onderzoek afgerond', en: 'assessment done' },
  'caseAtt.care_offer_made': { nl: 'zorgaanbod gedaan', en: 'care offer made' },
  'caseAtt.care_started': { nl: 'zorg gestart', en: 'care started' },
  // fields
  'caseField.total_debt': { nl: 'totale schuld', en: 'total debt' },
  'caseField.plan_document': { nl: 'kenmerk betalingsregeling', en: 'payment plan reference' },
  'caseField.plan_months': { nl: 'looptijd in maanden', en: 'duration in months' },
  'caseField.assessment_report': { nl: 'kenmerk onderzoeksverslag', en: 'assessment report reference' },
  'caseField.decision': { nl: 'besluit', en: 'decision' },
  'caseField.decision_date': { nl: 'datum besluit', en: 'decision date' },
  'caseValue.granted': { nl: 'toegekend', en: 'granted' },
  'caseValue.partly_granted': { nl: 'deels toegekend', en: 'partly granted' },
  'caseValue.refused': { nl: 'afgewezen', en: 'refused' },
  // document kinds
  'caseDoc.intake_report': { nl: 'intakeverslag', en: 'intake report' },
  'caseDoc.income_statement': { nl: 'inkomensoverzicht', en: 'income statement' },
  'caseDoc.claim_statement': { nl: 'vorderingsoverzicht', en: 'claim statement' },
  'caseDoc.payment_plan': { nl: 'betalingsregeling', en: 'payment plan' },
  'caseDoc.assessment_report': { nl: 'onderzoeksverslag', en: 'assessment report' },
  'caseDoc.decision_letter': { nl: 'beschikking', en: 'decision letter' },
  'caseDoc.care_plan': { nl: 'zorgplan', en: 'care plan' },
  // timeline actions (the module's fixed codes)
  'caseAction.opened': { nl: 'Zaak geopend', en: 'Case opened' },
  'caseAction.invited': { nl: 'Partner uitgenodigd', en: 'Partner invited' },
  'caseAction.attested': { nl: 'Verklaring afgegeven', en: 'Statement given' },
  'caseAction.field_set': { nl: 'Gegeven vastgelegd', en: 'Data recorded' },
  'caseAction.advanced': { nl: 'Naar volgende stap', en: 'Moved to next step' },
  'caseAction.disputed': { nl: 'Bezwaar gemaakt', en: 'Dispute raised' },
  'caseAction.dispute_answered': { nl: 'Bezwaar beantwoord', en: 'Dispute answered' },
  'caseAction.document_attached': { nl: 'Documentkenmerk vastgelegd', en: 'Document reference recorded' },
  'caseAction.erased': { nl: 'Gegevens gewist', en: 'Data erased' },
  // dispute reasons, answers, erasure reasons
  'disputeReason.incorrect': { nl: 'onjuist', en: 'incorrect' },
  'disputeReason.incomplete': { nl: 'onvolledig', en: 'incomplete' },
  'disputeReason.outdated': { nl: 'verouderd', en: 'outdated' },
  'disputeReason.not_verifiable': { nl: 'niet te controleren', en: 'not verifiable' },
  'disputeState.open': { nl: 'open', en: 'open' },
  'disputeState.confirmed': { nl: 'bevestigd', en: 'confirmed' },
  'disputeState.corrected': { nl: 'gecorrigeerd', en: 'corrected' },
  'disputeState.withdrawn': { nl: 'ingetrokken', en: 'withdrawn' },
  'erasureReason.subject_request': { nl: 'verzoek van de inwoner', en: 'request of the resident' },
  'erasureReason.retention_expired': { nl: 'bewaartermijn verlopen', en: 'retention period expired' },
  'erasureReason.unlawful_processing': { nl: 'onrechtmatige verwerking', en: 'unlawful processing' },
  'erasureReason.case_withdrawn': { nl: 'zaak ingetrokken', en: 'case withdrawn' },
} satisfies MessageTable;
