import type { MessageTable } from '../types.ts';

export const votes = {
  'v.title': {
    nl: 'Stemmen: buurtbudget en raadplegingen',
    en: 'Votes: neighbourhood budgets and consultations',
  },
  'v.intro': {
    nl: 'Stem anoniem over de besteding van een buurtbudget. Uw browser maakt een stembewijs dat de gemeente blind ondertekent: de gemeente weet dat u mag stemmen, maar niet welke stem van u is. Na afloop telt iedereen dezelfde uitslag na.',
    en: 'Vote anonymously on how a neighbourhood budget is spent. Your browser makes a ballot token the municipality signs blindly: it knows you may vote, not which ballot is yours. Afterwards anyone can recount the same result.',
  },
  'v.limits': {
    nl: 'Geschikt voor buurtbudgetten en raadplegingen, niet voor verkiezingen: geen systeem beschermt tegen malware op uw apparaat of tegen dwang.',
    en: 'Suited to neighbourhood budgets and consultations, not to elections: no system protects against malware on your device or coercion.',
  },
  'v.elections': { nl: 'Stemmingen', en: 'Votes' },
  'v.none': { nl: 'Er zijn nog geen stemmingen.', en: 'There are no votes yet.' },
  'v.col.title': { nl: 'Onderwerp', en: 'Subject' },
  'v.col.closes': { nl: 'Stemmen kan tot', en: 'Voting closes' },
  'v.col.cast': { nl: 'Uitgebrachte stemmen', en: 'Ballots cast' },
  'electionState.open': { nl: 'Open', en: 'Open' },
  'electionState.revealing': { nl: 'Stemmen worden geopend', en: 'Ballots being revealed' },
  'electionState.tallied': { nl: 'Uitslag bekend', en: 'Result final' },
  'v.new': { nl: 'Nieuwe stemming (organisator)', en: 'New vote (organiser)' },
  'v.registrarDesk': { nl: 'Balie stembewijzen (registrar)', en: 'Ballot token desk (registrar)' },
  'v.question': { nl: 'Vraag', en: 'Question' },
  'v.budget': { nl: 'Te verdelen budget', en: 'Budget to allocate' },
  'v.projects': { nl: 'Projecten', en: 'Projects' },
  'v.project': { nl: 'Project', en: 'Project' },
  'v.cost': { nl: 'Kosten', en: 'Cost' },
  'v.votes': { nl: 'Stemmen', en: 'Votes' },
  'v.funded': { nl: 'Gehonoreerd', en: 'Funded' },
  'v.windows': { nl: 'Stemmen kan van {from} tot {to}', en: 'Voting is open from {from} to {to}' },
  'v.counts': {
    nl: '{issued} stembewijzen uitgegeven, {cast} stemmen uitgebracht, {revealed} geopend.',
    en: '{issued} tokens issued, {cast} ballots cast, {revealed} revealed.',
  },
  'v.tally': { nl: 'Uitslag', en: 'Result' },
  'v.tallyProvisional': {
    nl: 'Voorlopige uitslag (stemmen worden nog geopend)',
    en: 'Provisional result (ballots still being revealed)',
  },
  'v.tallyNotYet': {
    nl: 'De uitslag volgt na het sluiten van de stemming.',
    en: 'The result follows once voting closes.',
  },
  'v.my': { nl: 'Mijn stem', en: 'My vote' },
  'v.step1': { nl: 'Stap 1: stembewijs aanvragen', en: 'Step 1: request a ballot token' },
  'v.step1.text': {
    nl: 'Uw browser maakt een nieuwe, eenmalige stemsleutel en een geblindeerd verzoek. Geef het verzoek aan de gemeente (in productie na inloggen met DigiD). De gemeente ziet niet welk stembewijs eruit komt.',
    en: 'Your browser makes a fresh, single-use ballot key and a blinded request. Give the request to the municipality (in production after signing in with DigiD). The municipality cannot see which token comes out.',
  },
  'v.step1.button': { nl: 'Stembewijs aanvragen', en: 'Request ballot token' },
  'v.blinded': { nl: 'Geblindeerd verzoek voor de gemeente', en: 'Blinded request for the municipality' },
  'v.step2': {
    nl: 'Stap 2: handtekening van de gemeente invullen',
    en: "Step 2: enter the municipality's signature",
  },
  'v.signature': { nl: 'Blinde handtekening van de gemeente', en: "Municipality's blind signature" },
  'v.step2.button': { nl: 'Stembewijs afmaken', en: 'Finish ballot token' },
  'v.step3': { nl: 'Stap 3: uw keuze', en: 'Step 3: your choice' },
  'v.choose': {
    nl: 'Kies de projecten die u steunt (samen binnen het budget)',
    en: 'Choose the projects you support (together within the budget)',
  },
  'v.overBudget': {
    nl: 'Samen kosten deze projecten {total}; het budget is {budget}.',
    en: 'Together these projects cost {total}; the budget is {budget}.',
  },
  'v.cast': { nl: 'Stem uitbrengen', en: 'Cast vote' },
  'v.step4': { nl: 'Stap 4: is mijn stem meegeteld?', en: 'Step 4: was my vote counted?' },
  'v.received': {
    nl: 'Uw stem is ontvangen en verzegeld opgeslagen (kenmerk {commitment}). Niemand kan hem lezen tot de stemming sluit.',
    en: 'Your vote was received and stored sealed (reference {commitment}). Nobody can read it until voting closes.',
  },
  'v.reveal': { nl: 'Mijn stem openen voor de telling', en: 'Reveal my vote for the count' },
  'v.counted': {
    nl: 'Uw stem is meegeteld: uw kenmerk staat in de lijst van getelde stemmen.',
    en: 'Your vote was counted: your reference is in the list of counted ballots.',
  },
  'v.notCounted': {
    nl: 'Uw kenmerk staat (nog) niet in de lijst van getelde stemmen.',
    en: 'Your reference is not (yet) in the list of counted ballots.',
  },
  'v.check': { nl: 'Controleren', en: 'Check' },
  'v.reg.key': { nl: 'Sleutel voor stembewijzen', en: 'Ballot token key' },
  'v.reg.noKey': {
    nl: 'Er is nog geen sleutel gepubliceerd. Maak er een in deze browser (demo; in productie in de HSM van de gemeente) en publiceer de publieke sleutel met het aantal kiesgerechtigden.',
    en: 'No key is published yet. Make one in this browser (demo; in production in the municipality’s HSM) and publish the public key with the number of eligible voters.',
  },
  'v.reg.quota': { nl: 'Aantal kiesgerechtigden', en: 'Number of eligible voters' },
  'v.reg.publish': { nl: 'Sleutel maken en publiceren', en: 'Make and publish key' },
  'v.reg.keyHere': {
    nl: 'De privésleutel staat in dit tabblad (demo).',
    en: 'The private key is in this tab (demo).',
  },
  'v.reg.keyElsewhere': {
    nl: 'De privésleutel staat niet in dit tabblad; alleen wie hem heeft kan stembewijzen ondertekenen.',
    en: 'The private key is not in this tab; only its holder can sign tokens.',
  },
  'v.reg.sign': { nl: 'Stembewijs ondertekenen', en: 'Sign a ballot token' },
  'v.reg.signNote': {
    nl: 'Controleer eerst (buiten het grootboek) dat de inwoner mag stemmen en nog geen stembewijs kreeg. U ziet alleen een geblindeerd getal, niet het stembewijs.',
    en: 'First check (off the ledger) that the resident may vote and has not had a token yet. You only see a blinded number, not the token.',
  },
  'v.reg.signed': { nl: 'Blinde handtekening voor de inwoner', en: 'Blind signature for the resident' },
  'v.reg.record': {
    nl: 'Uitgegeven stembewijzen vastleggen ({count})',
    en: 'Record issued tokens ({count})',
  },
  'v.reg.recordNote': {
    nl: 'Leg uitgegeven stembewijzen in groepen vast, zodat het tijdstip niets verraadt over wie wanneer stemt.',
    en: 'Record issued tokens in batches, so the timing says nothing about who votes when.',
  },
  'v.new.id': { nl: 'Code van de stemming', en: 'Vote code' },
  'v.new.title': { nl: 'Titel', en: 'Title' },
  'v.new.question': { nl: 'Vraag aan de inwoners', en: 'Question to residents' },
  'v.new.budget': { nl: 'Budget (euro)', en: 'Budget (euro)' },
  'v.new.projects': {
    nl: 'Projecten, één per regel: naam; kosten in euro',
    en: 'Projects, one per line: name; cost in euro',
  },
  'v.new.minutes': { nl: 'Stemmen sluit over (minuten)', en: 'Voting closes in (minutes)' },
  'v.new.create': { nl: 'Stemming aanmaken', en: 'Create vote' },
  'v.new.badProjects': {
    nl: 'Schrijf elk project als: naam; bedrag (bijvoorbeeld "Speeltuin; 35000").',
    en: 'Write each project as: name; amount (e.g. "Playground; 35000").',
  },
} satisfies MessageTable;
