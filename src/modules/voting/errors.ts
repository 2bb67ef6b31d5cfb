import { defineErrors } from '../../core/errors.ts';

// Codes are stable (clients switch on them); numbers are never reused within the codespace.
export const VotingErrors = defineErrors('voting', {
  unknown_election: [1, 404, 'Unknown election'],
  election_exists: [2, 409, 'Election already exists'],
  bad_windows: [3, 400, 'Election windows out of order'],
  registrar_not_eligible: [4, 400, 'Registrar organisation lacks the registrar role'],
  not_registrar: [5, 403, 'Signer is not the election’s registrar'],
  registrar_key_published: [6, 409, 'Registrar key already published'],
  registrar_key_missing: [7, 409, 'Registrar key not yet published'],
  bad_registrar_key: [8, 400, 'Registrar key is not a usable RSA key'],
  outside_window: [9, 409, 'Outside the window for this step'],
  election_closed: [10, 409, 'Election closed for this step'],
  over_quota: [11, 409, 'Registrar over its quota'],
  token_used: [12, 409, 'Token already used'],
  bad_token_signature: [13, 403, 'Bad token signature'],
  tokens_exhausted: [14, 409, 'More ballots than tokens recorded as issued'],
  replacement_not_allowed: [15, 409, 'Ballot replacement not allowed'],
  invalid_ballot: [16, 400, 'Invalid ballot'],
  unknown_ballot: [17, 404, 'Unknown ballot'],
  already_revealed: [18, 409, 'Ballot already revealed'],
  commitment_mismatch: [19, 400, 'Reveal does not match the committed ballot'],
  tally_not_ready: [20, 409, 'Tally not available before voting closes'],
  not_a_fresh_key: [21, 400, 'Ballot signed by an organisation key'],
});
