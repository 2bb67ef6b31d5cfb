// The demo consortium. Every organisation, OIN and key here is fake and exists only for the demo.
import { fakeOin } from '../genesis-builder.ts';

export interface DemoOrg {
  /** Key name in the node's keyring. */
  keyName: string;
  oin: string;
  name: string;
  roles: string[];
  member: boolean;
}

export const DEMO_ORGS: DemoOrg[] = [
  {
    keyName: 'gemeente-voorbeeldstad',
    oin: fakeOin(1),
    name: 'Gemeente Voorbeeldstad (demo)',
    roles: ['sponsor', 'eligibility_validator', 'registrar', 'issuer', 'organiser', 'case_partner'],
    member: true,
  },
  {
    keyName: 'gemeente-proefdorp',
    oin: fakeOin(2),
    name: 'Gemeente Proefdorp (demo)',
    roles: ['sponsor', 'issuer', 'organiser', 'case_partner'],
    member: true,
  },
  {
    keyName: 'sportclub-de-testers',
    oin: fakeOin(3),
    name: 'Sportclub De Testers (demo)',
    roles: ['provider', 'issuer'],
    member: false,
  },
  {
    keyName: 'museum-nepstad',
    oin: fakeOin(4),
    name: 'Museum Nepstad (demo)',
    roles: ['provider'],
    member: false,
  },
  {
    keyName: 'zorg-demo',
    oin: fakeOin(5),
    name: 'Zorgaanbieder Demo BV (demo)',
    roles: ['provider', 'case_partner'],
    member: false,
  },
  {
    keyName: 'notaris-voorbeeld',
    oin: fakeOin(6),
    name: 'Notariskantoor Voorbeeld (demo)',
    roles: ['notary'],
    member: true,
  },
  {
    keyName: 'bank-fictief',
    oin: fakeOin(7),
    name: 'Bank Fictief (demo)',
    roles: ['case_partner', 'auditor'],
    member: false,
  },
  {
    keyName: 'schuldhulp-demo',
    oin: fakeOin(8),
    name: 'Schuldhulp Demo (demo)',
    roles: ['case_partner'],
    member: false,
  },
];

/** Fake residents: just keys, no personal data at all. */
export const DEMO_RESIDENTS = ['bewoner-1', 'bewoner-2', 'bewoner-3', 'bewoner-4'];
