import type { MessageTable } from '../types.ts';

export const home = {
  'home.title': { nl: 'Welkom bij Ketenboek', en: 'Welcome to Ketenboek' },
  'home.intro': {
    nl: 'Gemeenten, aanbieders, ketenpartners en inwoners werken hier samen op één gedeeld, controleerbaar grootboek. Kies wat u wilt doen.',
    en: 'Municipalities, providers, chain partners and residents work together here on one shared, verifiable ledger. Choose what you want to do.',
  },
  'home.explorer': {
    nl: 'Bekijk live wat er wordt vastgelegd en controleer ontvangstbewijzen.',
    en: 'Watch what is recorded, live, and check receipts.',
  },
  'home.sponsor': {
    nl: 'Regelingen beheren, aanbieders toelaten, declaraties en afrekeningen.',
    en: 'Manage schemes, accept providers, reimbursements and settlements.',
  },
  'home.provider': {
    nl: 'Afrekenen met een pas, aanbod beheren, opbrengsten bekijken.',
    en: 'Charge a pass, manage offers, see earnings.',
  },
  'home.wallet': {
    nl: 'Uw passen en tegoed, betalen met een QR-code, declareren.',
    en: 'Your passes and balance, pay with a QR code, claim expenses.',
  },
  'home.registers': {
    nl: 'Een registratie of certificaat opzoeken en controleren.',
    en: 'Look up and verify a record or certificate.',
  },
  'home.votes': {
    nl: 'Stemmen over de wijkbegroting, anoniem en controleerbaar.',
    en: 'Vote on the neighbourhood budget, anonymously and verifiably.',
  },
  'home.cases': {
    nl: 'Open zaken, wie waarop wacht en de tijdlijn.',
    en: 'Open cases, who waits on whom, and the timeline.',
  },
  'home.demoRoles': { nl: 'Demo: zo wisselt u van rol', en: 'Demo: switching roles' },
  'home.demoRolesText': {
    nl: 'Open het portaal van een rol. Organisaties loggen in de demo in door het sleutelbestand van de demo-node te importeren (map keys in de home-map van de node). Inwoners maken hun sleutel in de portemonnee zelf aan; die blijft in deze browser.',
    en: "Open a role's portal. In the demo, organisations sign in by importing the demo node's key file (keys folder in the node's home). Residents create their key in the wallet; it stays in this browser.",
  },
} satisfies MessageTable;
