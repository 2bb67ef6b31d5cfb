import type { MessageTable } from '../types.ts';

export const identity = {
  'id.orgTitle': { nl: 'Inloggen als organisatie', en: 'Sign in as an organisation' },
  'id.eherkenning': { nl: 'Inloggen met eHerkenning', en: 'Sign in with eHerkenning' },
  'id.eherkenningNote': {
    nl: 'In productie logt een medewerker in met eHerkenning en ondertekent de eigen ondertekenservice (HSM) van de organisatie. De sleutel van een organisatie verlaat die service nooit, ook niet naar de node.',
    en: "In production an employee signs in with eHerkenning and the organisation's own signing service (HSM) signs. An organisation's key never leaves that service, not even to the node.",
  },
  'id.demoImport': { nl: 'Demo: sleutelbestand importeren', en: 'Demo: import a key file' },
  'id.demoImportNote': {
    nl: 'Alleen voor de demo. Kies het sleutelbestand uit de map keys van de demo-node (bijvoorbeeld gemeente-voorbeeldstad.json) of plak de inhoud. De sleutel blijft alleen in dit tabblad.',
    en: 'Demo only. Choose the key file from the demo node’s keys folder (for example gemeente-voorbeeldstad.json) or paste its contents. The key stays in this tab only.',
  },
  'id.keyFile': { nl: 'Sleutelbestand', en: 'Key file' },
  'id.paste': { nl: 'Of plak de inhoud van het sleutelbestand', en: 'Or paste the contents of the key file' },
  'id.import': { nl: 'Sleutel importeren', en: 'Import key' },
  'id.signedInAs': { nl: 'Ingelogd als', en: 'Signed in as' },
  'id.switch': { nl: 'Andere organisatie', en: 'Other organisation' },
  'id.forget': { nl: 'Uitloggen (sleutel vergeten)', en: 'Sign out (forget key)' },
  'id.needsRole': {
    nl: 'Voor dit portaal heeft u een organisatie met de rol "{role}" nodig.',
    en: 'This portal needs an organisation with the role "{role}".',
  },
  'id.lacksRole': {
    nl: '{name} heeft de rol "{role}" niet. Importeer de sleutel van een andere organisatie.',
    en: '{name} does not have the role "{role}". Import the key of another organisation.',
  },
  'id.organisation': { nl: 'Organisatie', en: 'Organisation' },
  'role.sponsor': { nl: 'gemeente (financier)', en: 'municipality (sponsor)' },
  'role.provider': { nl: 'aanbieder', en: 'provider' },
  'role.case_partner': { nl: 'ketenpartner', en: 'chain partner' },
  'role.organiser': { nl: 'organisator van stemmingen', en: 'vote organiser' },
  'role.registrar': { nl: 'registrar (stembewijzen)', en: 'registrar (ballot tokens)' },
  'role.issuer': { nl: 'uitgever van registraties', en: 'register issuer' },
  'role.eligibility_validator': { nl: 'beoordelaar van aanvragen', en: 'eligibility validator' },
  'role.notary': { nl: 'notaris', en: 'notary' },
  'role.auditor': { nl: 'auditor', en: 'auditor' },
} satisfies MessageTable;
