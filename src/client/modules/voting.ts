// Client helpers of the voting module: elections, issuance, ballots and the tally. Reads are plain
// GETs; writes are the module's signed messages. Token blinding and sealed ballots, which never
// reach the node, are in voting-tokens.ts.
//   await client.voting.election('buurtbudget')                       GET /v1/elections/{id}
//   await client.voting.tally('buurtbudget')                          GET /v1/elections/{id}/tally
//   await client.voting.castBallot(ballotKey, { electionId, ... })     voting.cast_ballot
import type { z } from 'zod';
import type { Ballot, Election, IssuanceRecord, Tally } from '../../modules/voting/index.ts';
import type {
  castBallotSchema,
  createElectionSchema,
  publishRegistrarKeySchema,
  recordIssuanceSchema,
  revealBallotSchema,
} from '../../modules/voting/schemas.ts';
import { type MessageSender, type ModuleClientContext, messageSender } from '../message-sender.ts';
import type { Page } from '../types.ts';

export type { Ballot, Election, IssuanceRecord, Tally };
export type VotingTally = Tally & { matchesRecount: boolean };

export interface VotingClient {
  elections(opts?: { after?: string; limit?: number }): Promise<Page<Election>>;
  /** One election; throws KetenboekApiError (404 voting.unknown_election) when unknown. */
  election(id: string): Promise<Election>;
  issuances(id: string): Promise<Page<IssuanceRecord>>;
  ballots(id: string, opts?: { after?: string; limit?: number }): Promise<Page<Ballot>>;
  /** A voter's own ballot, by token hash: was it cast, and later revealed? */
  ballot(id: string, tokenHash: string): Promise<Ballot>;
  /** Throws KetenboekApiError (409 voting.tally_not_ready) while voting is open. */
  tally(id: string): Promise<VotingTally>;
  createElection: MessageSender<z.infer<typeof createElectionSchema>>;
  publishRegistrarKey: MessageSender<z.infer<typeof publishRegistrarKeySchema>>;
  recordIssuance: MessageSender<z.infer<typeof recordIssuanceSchema>>;
  castBallot: MessageSender<z.infer<typeof castBallotSchema>>;
  revealBallot: MessageSender<z.infer<typeof revealBallotSchema>>;
}

export function votingClient(ctx: ModuleClientContext): VotingClient {
  const e = (id: string) => `/elections/${encodeURIComponent(id)}`;
  return {
    elections: (opts = {}) => ctx.get('/elections', opts),
    election: (id) => ctx.get(e(id)),
    issuances: (id) => ctx.get(`${e(id)}/issuances`),
    ballots: (id, opts = {}) => ctx.get(`${e(id)}/ballots`, opts),
    ballot: (id, tokenHash) => ctx.get(`${e(id)}/ballots/${encodeURIComponent(tokenHash)}`),
    tally: (id) => ctx.get(`${e(id)}/tally`),
    createElection: messageSender(ctx, 'voting.create_election'),
    publishRegistrarKey: messageSender(ctx, 'voting.publish_registrar_key'),
    recordIssuance: messageSender(ctx, 'voting.record_issuance'),
    castBallot: messageSender(ctx, 'voting.cast_ballot'),
    revealBallot: messageSender(ctx, 'voting.reveal_ballot'),
  };
}
