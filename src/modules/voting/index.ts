// Civic votes: participatory budgets and consultations with blind-signed eligibility tokens,
// committed ballots revealed after closing, and a tally anyone can recompute. See README.md.
import type { Module } from '../../app/module.ts';
import { VotingErrors } from './errors.ts';
import { castBallot, createElection, publishRegistrarKey, recordIssuance, revealBallot } from './messages.ts';
import { votingQueries } from './queries.ts';
import { advancePhases } from './tally.ts';

export const votingModule: Module = {
  name: 'voting',
  messages: [createElection, publishRegistrarKey, recordIssuance, castBallot, revealBallot],
  endBlock: advancePhases,
  queries: votingQueries,
  errors: [VotingErrors],
};

export { VotingErrors } from './errors.ts';
export { getTally, recomputeTally } from './queries.ts';
export type { Ballot, Election, IssuanceRecord } from './state.ts';
export { getBallot, getElection, listBallots, listElections, listIssuance } from './state.ts';
export type { Tally, TallyRecord } from './tally.ts';
