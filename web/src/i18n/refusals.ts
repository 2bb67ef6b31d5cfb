// Why the ledger refused something, in plain Dutch for the cashier, the civil servant and the
// resident. Keyed by the stable error code the node sends. {0}, {1}... are the euro amounts in the
// node's own sentence, in order (e.g. what is left on a pass and what was needed); a template whose
// amounts are missing falls back to its short form. English falls back to the node's own sentence.
export const REFUSALS_NL: Record<string, { text: string; short?: string }> = {
  // payments: what a cashier reads when a scan fails
  'budgets.insufficient_budget': {
    text: 'Het tegoed op deze pas is niet genoeg. Er staat nog {0} op, en er is {1} nodig.',
    short: 'Het tegoed op deze pas is niet genoeg voor dit bedrag.',
  },
  'budgets.payment_limit': {
    text: 'Dit bedrag is te hoog: per betaling mag maximaal {0} van deze regeling worden betaald (dit was {1}).',
    short: 'Dit bedrag is hoger dan het maximum per betaling van deze regeling.',
  },
  'budgets.person_limit': { text: 'De inwoner heeft het maximum per persoon van deze regeling bereikt.' },
  'budgets.voucher_expired': { text: 'Deze pas is verlopen en kan niet meer worden gebruikt.' },
  'budgets.voucher_deactivated': {
    text: 'Deze pas is geblokkeerd door de gemeente. De inwoner kan contact opnemen met de gemeente.',
  },
  'budgets.voucher_not_claimed': {
    text: 'Deze pas is nog niet geactiveerd. De inwoner activeert hem eerst met de code op de brief of kaart.',
  },
  'budgets.voucher_used': { text: 'Deze productvoucher is al gebruikt.' },
  'budgets.unknown_voucher': { text: 'Deze pascode is onbekend. Controleer de code op de pas of in de app.' },
  'budgets.wrong_voucher_kind': {
    text: 'Dit is een productvoucher; die wordt ingewisseld, niet afgerekend met een bedrag.',
  },
  'budgets.provider_not_accepted': {
    text: 'Uw organisatie is (nog) niet toegelaten tot deze regeling. Meld u aan bij de gemeente.',
  },
  'budgets.provider_category_not_allowed': {
    text: 'Uw organisatie is voor deze regeling niet toegelaten voor deze categorie.',
  },
  'budgets.unknown_category': { text: 'Deze regeling betaalt niet voor deze categorie.' },
  'budgets.fund_not_active': {
    text: 'De regeling is niet actief (nog niet gestart, gepauzeerd of afgelopen). Er kan nu niet mee betaald worden.',
  },
  'budgets.fund_closed': { text: 'De regeling is gesloten.' },
  'budgets.fund_not_started': { text: 'De regeling is nog niet begonnen.' },
  'budgets.fund_insufficient': { text: 'Het budget van de regeling is op. De gemeente kan het aanvullen.' },
  'budgets.fund_total_limit': { text: 'Het totaalbedrag dat deze regeling mag uitgeven is bereikt.' },
  'budgets.offer_sold_out': { text: 'Dit aanbod is uitverkocht.' },
  'budgets.offer_person_limit': {
    text: 'De inwoner heeft dit aanbod al zo vaak gebruikt als is toegestaan.',
  },
  'budgets.offer_not_available': { text: 'Dit aanbod is niet (meer) beschikbaar.' },
  'budgets.unknown_offer': { text: 'Dit aanbod bestaat niet bij deze regeling.' },
  'budgets.not_offer_provider': { text: 'Dit aanbod is van een andere aanbieder.' },
  'budgets.not_voucher_holder': { text: 'Alleen de houder van de pas kan dit doen.' },
  'budgets.payment_exists': { text: 'Deze betaling is al geregistreerd.' },
  'budgets.payment_request_closed': { text: 'Dit betaalverzoek is al afgehandeld.' },
  'budgets.payment_request_expired': {
    text: 'Dit betaalverzoek is verlopen. Vraag de aanbieder om een nieuw verzoek.',
  },
  'budgets.unknown_payment_request': { text: 'Dit betaalverzoek bestaat niet.' },
  'budgets.refund_too_large': {
    text: 'Het terug te betalen bedrag is groter dan wat er van de betaling over is.',
  },
  'budgets.payment_in_settlement': { text: 'Deze betaling zit al in een afrekening.' },
  // vouchers and codes
  'budgets.unknown_code': {
    text: 'Deze activeringscode is onbekend. Controleer de code op de brief of kaart.',
  },
  'budgets.code_used': { text: 'Deze activeringscode is al gebruikt.' },
  'budgets.code_exists': { text: 'Deze activeringscode is al geregistreerd.' },
  'budgets.holder_has_voucher': { text: 'U heeft al een pas van deze regeling.' },
  'budgets.bearer_not_allowed': { text: 'Deze regeling geeft geen passen op naam van de drager uit.' },
  'budgets.amount_not_allowed': { text: 'Dit bedrag past niet bij de regeling.' },
  'budgets.voucher_exists': { text: 'Er bestaat al een pas met dit nummer. Kies een ander nummer.' },
  'budgets.bad_expiry': { text: 'De einddatum valt buiten de looptijd van de regeling.' },
  // funds and providers
  'budgets.fund_exists': { text: 'Er bestaat al een regeling met deze code. Kies een andere code.' },
  'budgets.unknown_fund': { text: 'Deze regeling bestaat niet.' },
  'budgets.bad_fund_state': { text: 'De regeling staat in een toestand waarin dit niet kan.' },
  'budgets.not_fund_sponsor': { text: 'Alleen de gemeente die de regeling beheert kan dit doen.' },
  'budgets.invalid_fund': { text: 'De instellingen van de regeling kloppen niet.' },
  'budgets.application_exists': { text: 'Uw organisatie heeft zich al aangemeld voor deze regeling.' },
  'budgets.unknown_application': { text: 'Deze aanbieder heeft zich niet aangemeld voor deze regeling.' },
  // eligibility, reimbursements, settlements
  'budgets.reimbursements_not_allowed': { text: 'Bij deze regeling kunt u geen declaraties indienen.' },
  'budgets.reimbursement_exists': { text: 'Deze declaratie is al ingediend.' },
  'budgets.reimbursement_decided': { text: 'Over deze declaratie is al besloten.' },
  'budgets.request_decided': { text: 'Over deze aanvraag is al besloten.' },
  'budgets.criteria_not_met': { text: 'Niet alle voorwaarden van de regeling zijn vervuld.' },
  'budgets.criteria_mismatch': {
    text: 'De beoordeelde voorwaarden komen niet overeen met die van de regeling.',
  },
  'budgets.not_fund_validator': { text: 'Uw organisatie beoordeelt geen aanvragen voor deze regeling.' },
  'budgets.nothing_to_settle': { text: 'Er zijn geen betalingen om af te rekenen.' },
  'budgets.missing_bank_account': {
    text: 'Van een of meer partijen is nog geen rekeningnummer (IBAN) bekend.',
  },
  'budgets.four_eyes': { text: 'Hiervoor is een tweede medewerker nodig (vier-ogenprincipe).' },
  'budgets.bad_settlement_state': { text: 'De afrekening staat in een toestand waarin dit niet kan.' },
  'budgets.invalid_iban': { text: 'Dit rekeningnummer (IBAN) is ongeldig.' },
  'budgets.bad_execution_date': { text: 'De uitvoerdatum ligt in het verleden.' },
  // care budgets and eligibility requests: what a budget holder or care provider reads
  'budgets.care_budget_contract_only': {
    text: 'Dit is een zorgbudget: het betaalt alleen zorg onder een zorgovereenkomst.',
  },
  'budgets.not_a_care_budget': {
    text: 'Dit is geen zorgbudget; zorgovereenkomsten horen bij een zorgbudget.',
  },
  'budgets.outside_contract': {
    text: 'Dit valt buiten de looptijd van de overeenkomst of de regeling, of de maand is nog niet begonnen.',
  },
  'budgets.contract_units_exceeded': {
    text: 'Dit is meer zorg dan de overeenkomst per maand toestaat.',
  },
  'budgets.contract_not_active': { text: 'Deze zorgovereenkomst is niet (meer) actief.' },
  'budgets.unknown_contract': { text: 'Deze zorgovereenkomst bestaat niet.' },
  'budgets.declaration_decided': { text: 'Over deze declaratie is al besloten.' },
  'budgets.not_party': { text: 'U bent geen partij bij deze overeenkomst of betaling.' },
  'budgets.wrong_payment_type': {
    text: 'Dit aanbod heeft korting van de gemeente en wordt aan de kassa afgerekend; reserveren kan niet.',
  },
  'budgets.request_exists': { text: 'Deze aanvraag is al ingediend.' },
  // cases: what a civil servant of a chain partner reads when a case action is refused
  'cases.unknown_process': {
    text: 'Dit proces is (nog) niet gepubliceerd. Processen worden via het samenwerkingsverband vastgesteld.',
  },
  'cases.unknown_case': { text: 'Deze zaak bestaat niet. Controleer het zaaknummer.' },
  'cases.not_case_partner': {
    text: 'Deze organisatie is geen ketenpartner en kan niet aan zaken deelnemen. Het samenwerkingsverband kan die rol toekennen.',
  },
  'cases.not_invited': {
    text: 'Uw organisatie is niet uitgenodigd voor deze zaak. Een partner in de zaak kan u uitnodigen.',
  },
  'cases.wrong_role': { text: 'Uw rol in deze zaak staat dit niet toe.' },
  'cases.case_closed': { text: 'Deze zaak is gesloten en kan niet meer veranderen.' },
  'cases.case_erased': { text: 'De gegevens van deze zaak zijn gewist; de zaak kan niet meer veranderen.' },
  'cases.transition_not_allowed': { text: 'Vanuit deze stap kan de zaak niet naar de gekozen stap.' },
  'cases.requirements_missing': {
    text: 'Deze stap is nog niet compleet: er ontbreken nog verklaringen of gegevens. Bij "Wacht op" staat wie nog aan zet is.',
  },
  'cases.dispute_open': {
    text: 'Er staat een bezwaar open. De zaak gaat pas verder als de eigenaar van het betwiste onderdeel het heeft beantwoord.',
  },
  'cases.unknown_attestation': {
    text: 'Deze verklaring bestaat niet (of is nog niet afgegeven) in deze zaak.',
  },
  'cases.unknown_field': { text: 'Dit gegeven bestaat niet (of is nog niet ingevuld) in deze zaak.' },
  'cases.invalid_field_value': {
    text: 'Deze waarde past niet bij het gegeven (bedrag, aantal, datum, kenmerk of keuze).',
  },
  'cases.already_invited': { text: 'Deze organisatie heeft deze rol al in de zaak.' },
  'cases.too_many_partners': {
    text: 'Deze rol is in de zaak al bezet; meer partners in deze rol zijn niet toegestaan.',
  },
  'cases.unknown_dispute': { text: 'Dit bezwaar bestaat niet in deze zaak.' },
  'cases.dispute_closed': { text: 'Dit bezwaar is al beantwoord.' },
  'cases.not_owner': {
    text: 'Alleen de organisatie van wie het betwiste onderdeel is, beantwoordt dit bezwaar.',
  },
  'cases.own_item': {
    text: 'Dit onderdeel is van uw eigen organisatie. U maakt er geen bezwaar tegen, maar past het zelf aan.',
  },
  'cases.bad_answer': {
    text: 'Dit antwoord past niet bij het bezwaar: alleen bij "gecorrigeerd" stuurt u een nieuwe waarde of een nieuw bewijskenmerk mee.',
  },
  'cases.document_exists': { text: 'Dit document is al aan de zaak gekoppeld.' },
  'cases.unknown_document_kind': { text: 'Dit soort document hoort niet bij dit proces.' },
  'cases.duplicate_case': {
    text: 'Voor deze inwoner loopt al een open zaak van dit proces. Sluit bij die zaak aan in plaats van een tweede te openen.',
  },
  'cases.not_controller': {
    text: 'Alleen de organisatie die de zaak opende (de verwerkingsverantwoordelijke) legt het wissen vast.',
  },
  'cases.subject_is_organisation': {
    text: 'Dit is de sleutel van een organisatie. Een zaak gaat over een inwoner: gebruik de pseudonieme sleutel van de inwoner.',
  },
  'cases.subject_key_required': {
    text: 'In dit proces tekent de inwoner zelf (bijvoorbeeld toestemming). Gebruik daarom de pseudonieme sleutel van de inwoner, geen kenmerk.',
  },
  // envelope and identity
  'tx.bad_signature': {
    text: 'De digitale handtekening klopt niet. Laad de juiste sleutel en probeer het opnieuw.',
  },
  'tx.bad_nonce': { text: 'Er liep tegelijk een andere opdracht met dezelfde sleutel. Probeer het opnieuw.' },
  'tx.invalid_body': { text: 'Niet alle velden zijn goed ingevuld.' },
  'tx.duplicate': { text: 'Deze opdracht is al ontvangen.' },
  'tx.mempool_full': { text: 'Het grootboek is even erg druk. Probeer het over een paar seconden opnieuw.' },
  'identity.not_organisation_key': { text: 'Deze sleutel hoort niet bij een aangesloten organisatie.' },
  'identity.missing_role': { text: 'Uw organisatie heeft niet de rol die hiervoor nodig is.' },
  'identity.not_member': { text: 'Alleen leden van het samenwerkingsverband kunnen dit doen.' },
  // registers and votes
  'registry.unknown_record': { text: 'Er is geen registratie met dit kenmerk.' },
  'voting.token_used': { text: 'Met dit stembewijs is al gestemd.' },
  'voting.outside_window': { text: 'De stemming is op dit moment niet open voor deze stap.' },
  'voting.election_closed': { text: 'De stemming is gesloten.' },
  'voting.bad_token_signature': { text: 'Het stembewijs is niet geldig.' },
  'api.not_found': { text: 'Niet gevonden.' },
  'api.unavailable': { text: 'De node is even niet bereikbaar. Probeer het opnieuw.' },
};

const EURO = /€\s?-?[\d.,]+/g;

/** The Dutch sentence for a refusal code, with the amounts from the node's sentence filled in. */
export function refusalInDutch(code: string, nodeSentence: string): string | undefined {
  const entry = REFUSALS_NL[code];
  if (!entry) return undefined;
  // A sentence-ending period is not part of the amount.
  const amounts = (nodeSentence.match(EURO) ?? []).map((a) => a.replace(/[.,]$/, ''));
  const needed = [...entry.text.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]));
  if (needed.some((i) => amounts[i] === undefined))
    return entry.short ?? entry.text.replace(/\s*\{\d+\}/g, '');
  return entry.text.replace(/\{(\d+)\}/g, (_, i: string) => amounts[Number(i)]!);
}

/**
 * Why one field of a tx was refused, in plain Dutch, for the reasons a person can fix: above all
 * the ledger's refusal of personal data (a BSN or free text where a hash or key belongs).
 */
export function invalidParamInDutch(reason: string): { text: string; personalData: boolean } | undefined {
  if (/looks like a BSN/.test(reason))
    return {
      text: 'Dit lijkt op een BSN. Een BSN mag nooit in het grootboek komen: het blijft bij de bron. Vul in plaats daarvan een gezouten kenmerk in (HMAC-SHA-256 met het geheime zout van uw organisatie, 64 tekens 0-9 en a-f).',
      personalData: true,
    };
  if (/not free text/.test(reason))
    return {
      text: 'Vrije tekst, zoals een naam, mag niet in het grootboek: persoonsgegevens blijven bij de bron. Vul een kenmerk van 64 tekens (0-9 en a-f) in.',
      personalData: true,
    };
  if (/64 lowercase hex/.test(reason))
    return { text: 'Vul een kenmerk van precies 64 tekens in, alleen 0-9 en a-f.', personalData: false };
  if (/never free text/.test(reason))
    return {
      text: 'Vul een bedrag, aantal, datum, kenmerk of keuze in; vrije tekst mag niet in het grootboek.',
      personalData: true,
    };
  return undefined;
}
