// Texts of the case actions (what a chain partner does in a case) and of opening a new case.
import type { MessageTable } from '../types.ts';

export const caseActions = {
  'ca.title': { nl: 'Wat kunt u doen', en: 'What you can do' },
  'ca.notInvited': {
    nl: 'Uw organisatie neemt niet deel aan deze zaak. U kunt meekijken; een partner in de zaak kan u uitnodigen.',
    en: 'Your organisation does not take part in this case. You can follow it; a partner in the case can invite you.',
  },
  'ca.closed': {
    nl: 'Deze zaak is niet meer open: er kan niets meer aan veranderen.',
    en: 'This case is no longer open: nothing in it can change.',
  },
  'ca.nothing': {
    nl: 'Uw organisatie hoeft in deze stap niets te doen.',
    en: 'Your organisation has nothing to do in this step.',
  },
  'ca.yourRoles': { nl: 'Uw rol in deze zaak: {roles}', en: 'Your role in this case: {roles}' },
  'ca.done': { nl: 'Vastgelegd in blok {height}.', en: 'Recorded in block {height}.' },
  'ca.viewTx': { nl: 'Bekijk de transactie', en: 'View the transaction' },
  'ca.hashHelp': {
    nl: 'Optioneel. Een gezouten kenmerk (64 tekens 0-9 en a-f) van het bewijs in uw eigen dossier of documentopslag. Nooit een naam of BSN.',
    en: 'Optional. A salted reference (64 characters 0-9 and a-f) of the evidence in your own file or document store. Never a name or BSN.',
  },
  'ca.hashRequiredHelp': {
    nl: 'Een gezouten kenmerk (64 tekens 0-9 en a-f) uit uw eigen dossier of documentopslag. Nooit een naam of BSN.',
    en: 'A salted reference (64 characters 0-9 and a-f) from your own file or document store. Never a name or BSN.',
  },
  // attest
  'ca.attest.title': { nl: 'Verklaring afgeven', en: 'Give a statement' },
  'ca.attest.kind': { nl: 'Verklaring', en: 'Statement' },
  'ca.attest.awaited': { nl: '{kind} (wordt op gewacht)', en: '{kind} (awaited)' },
  'ca.attest.submit': { nl: 'Verklaring afgeven', en: 'Give statement' },
  // set field
  'ca.field.title': { nl: 'Gegeven vastleggen', en: 'Record data' },
  'ca.field.name': { nl: 'Gegeven', en: 'Data item' },
  'ca.field.value': { nl: 'Waarde', en: 'Value' },
  'ca.field.cents': { nl: 'Bedrag in euro, bijvoorbeeld 1250,00', en: 'Amount in euros, e.g. 1250.00' },
  'ca.field.count': { nl: 'Een heel getal van 0 tot 999999', en: 'A whole number from 0 to 999999' },
  'ca.field.hash': {
    nl: 'Een gezouten kenmerk van 64 tekens (0-9 en a-f). Nooit een naam of BSN.',
    en: 'A salted reference of 64 characters (0-9 and a-f). Never a name or BSN.',
  },
  'ca.field.bad': {
    nl: 'Deze waarde past niet bij het gegeven.',
    en: 'This value does not fit the data item.',
  },
  'ca.field.submit': { nl: 'Gegeven vastleggen', en: 'Record data' },
  // advance
  'ca.advance.title': { nl: 'Zaak verder zetten', en: 'Move the case on' },
  'ca.advance.intro': {
    nl: 'Uw organisatie voert de stap "{step}" uit en zet de zaak verder.',
    en: 'Your organisation performs the step "{step}" and moves the case on.',
  },
  'ca.advance.to': { nl: 'Naar: {step}', en: 'To: {step}' },
  'ca.advance.incomplete': {
    nl: 'Nog niet compleet. Ontbreekt: {missing}.',
    en: 'Not complete yet. Missing: {missing}.',
  },
  'ca.advance.exit': { nl: '(kan altijd)', en: '(always possible)' },
  // invite
  'ca.invite.title': { nl: 'Partner uitnodigen', en: 'Invite a partner' },
  'ca.invite.role': { nl: 'Rol in de zaak', en: 'Role in the case' },
  'ca.invite.org': { nl: 'Organisatie', en: 'Organisation' },
  'ca.invite.none': {
    nl: 'Er is geen andere ketenpartner om uit te nodigen.',
    en: 'There is no other chain partner to invite.',
  },
  'ca.invite.submit': { nl: 'Uitnodigen', en: 'Invite' },
  // disputes
  'ca.dispute.title': { nl: 'Bezwaar maken', en: 'Raise a dispute' },
  'ca.dispute.intro': {
    nl: 'Klopt een verklaring of gegeven van een andere partner niet? Maak bezwaar; de zaak wacht tot de eigenaar antwoordt.',
    en: 'Is a statement or data item of another partner wrong? Raise a dispute; the case waits until its owner answers.',
  },
  'ca.dispute.item': { nl: 'Onderdeel', en: 'Item' },
  'ca.dispute.reason': { nl: 'Reden', en: 'Reason' },
  'ca.dispute.submit': { nl: 'Bezwaar maken', en: 'Raise dispute' },
  'ca.answer.title': { nl: 'Bezwaar {id} beantwoorden', en: 'Answer dispute {id}' },
  'ca.answer.about': {
    nl: '{org} maakt bezwaar tegen {item}: {reason}.',
    en: '{org} disputes {item}: {reason}.',
  },
  'ca.answer.resolution': { nl: 'Uw antwoord', en: 'Your answer' },
  'ca.answer.confirmed': { nl: 'Klopt wel: bevestigen', en: 'It is right: confirm' },
  'ca.answer.corrected': { nl: 'Corrigeren', en: 'Correct it' },
  'ca.answer.withdrawn': { nl: 'Intrekken', en: 'Withdraw it' },
  'ca.answer.newEvidence': { nl: 'Nieuw bewijskenmerk', en: 'New evidence reference' },
  'ca.answer.submit': { nl: 'Antwoord versturen', en: 'Send answer' },
  // documents
  'ca.doc.title': { nl: 'Documentkenmerk vastleggen', en: 'Record a document reference' },
  'ca.doc.intro': {
    nl: 'Het document zelf blijft in uw eigen documentopslag; het grootboek legt alleen het gezouten kenmerk vast.',
    en: 'The document itself stays in your own document store; the ledger records only its salted reference.',
  },
  'ca.doc.kind': { nl: 'Soort document', en: 'Kind of document' },
  'ca.doc.submit': { nl: 'Kenmerk vastleggen', en: 'Record reference' },
  // erasure
  'ca.erase.title': { nl: 'Gegevens wissen (AVG)', en: 'Erase data (GDPR)' },
  'ca.erase.intro': {
    nl: 'Als opener van de zaak bent u verwerkingsverantwoordelijke. Na het vastleggen vernietigen de documentopslagen van alle partners de gegevens van deze zaak. Dit kan niet ongedaan worden gemaakt.',
    en: 'As the opener of the case you are the controller. Once recorded, every partner’s document store destroys this case’s data. This cannot be undone.',
  },
  'ca.erase.reason': { nl: 'Reden', en: 'Reason' },
  'ca.erase.confirm': {
    nl: 'Ik begrijp dat dit niet ongedaan kan worden gemaakt',
    en: 'I understand that this cannot be undone',
  },
  'ca.erase.submit': { nl: 'Wissen vastleggen', en: 'Record erasure' },
  // the resident signs in this browser
  'ca.subject.title': { nl: 'De inwoner tekent zelf', en: 'The resident signs' },
  'ca.subject.intro': {
    nl: 'De sleutel van de inwoner van deze zaak staat in deze browser (portemonnee). De inwoner kan hier zelf tekenen.',
    en: 'The key of this case’s resident is in this browser (wallet). The resident can sign here.',
  },
  'ca.subject.submit': { nl: 'Inwoner tekent: {kind}', en: 'Resident signs: {kind}' },
  // a new case
  'nc.title': { nl: 'Nieuwe zaak openen', en: 'Open a new case' },
  'nc.intro': {
    nl: 'Open een zaak van een vastgesteld ketenproces. De inwoner staat in het grootboek alleen als pseudonieme sleutel of gezouten kenmerk: vul nooit een naam, adres of BSN in.',
    en: 'Open a case of an agreed chain process. On the ledger the resident is only a pseudonymous key or a salted reference: never enter a name, address or BSN.',
  },
  'nc.process': { nl: 'Proces', en: 'Process' },
  'nc.noProcesses': {
    nl: 'Er zijn nog geen processen vastgesteld. Het samenwerkingsverband publiceert processen via een voorstel.',
    en: 'No processes have been agreed yet. The consortium publishes processes through a proposal.',
  },
  'nc.subjectKind': { nl: 'De inwoner aanduiden met', en: 'Identify the resident by' },
  'nc.subject.pseudonym': {
    nl: 'Pseudonieme sleutel van de inwoner',
    en: 'Pseudonymous key of the resident',
  },
  'nc.subject.reference': {
    nl: 'Gezouten kenmerk uit uw eigen registratie',
    en: 'Salted reference from your own records',
  },
  'nc.pubKey': { nl: 'Pseudonieme sleutel (64 tekens)', en: 'Pseudonymous key (64 characters)' },
  'nc.pubKeyHelp': {
    nl: 'De publieke sleutel die de inwoner in de portemonnee-app heeft gemaakt; de inwoner tekent daarmee zelf (bijvoorbeeld toestemming).',
    en: 'The public key the resident made in the wallet app; the resident signs with it (e.g. consent).',
  },
  'nc.reference': { nl: 'Gezouten kenmerk (64 tekens)', en: 'Salted reference (64 characters)' },
  'nc.referenceHelp': {
    nl: 'HMAC-SHA-256 van uw dossiernummer met het geheime zout van uw organisatie. Een ongezouten hash van een BSN is terug te rekenen en mag niet.',
    en: 'HMAC-SHA-256 of your file number with your organisation’s secret salt. An unsalted hash of a BSN can be reversed and is not allowed.',
  },
  'nc.needsKey': {
    nl: 'In dit proces tekent de inwoner zelf; gebruik de pseudonieme sleutel.',
    en: 'In this process the resident signs; use the pseudonymous key.',
  },
  'nc.steps': { nl: 'Stappen: {steps}', en: 'Steps: {steps}' },
  'nc.submit': { nl: 'Zaak openen', en: 'Open case' },
} satisfies MessageTable;
