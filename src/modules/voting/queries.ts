// Read-only views of the voting state, shared by ABCI queries, the API and the CLI.
import type { KVRead } from '../../app/kv.ts';
import { getJson } from '../../app/typed-kv.ts';
import {
  type Ballot,
  type Election,
  getBallot,
  getElection,
  keys,
  listBallots,
  listElections,
  listIssuance,
} from './state.ts';
import { computeTally, type Tally, type TallyRecord } from './tally.ts';

/**
 * The tally of an election: null while voting is open (commitments reveal nothing yet),
 * provisional during the reveal period, and the stored final tally afterwards.
 */
export function getTally(kv: KVRead, electionId: string): Tally | null {
  const e = getElection(kv, electionId);
  if (!e || e.status === 'open') return null;
  if (e.status === 'revealing') return computeTally(kv, e, false);
  const stored = getJson<TallyRecord>(kv, keys.tally(e.id));
  const live = computeTally(kv, e, true);
  return stored ? { ...stored, countedBallots: live.countedBallots } : live;
}

/** Recomputes the final tally from the ballots alone, for anyone who wants to check the stored one. */
export function recomputeTally(kv: KVRead, electionId: string): Tally | null {
  const e = getElection(kv, electionId);
  return e && e.status !== 'open' ? computeTally(kv, e, e.status === 'tallied') : null;
}

const limitOf = (p: Record<string, string>) => Math.min(Math.max(Number(p.limit ?? 100) || 100, 1), 1000);

export const votingQueries = {
  elections: (kv: KVRead, p: Record<string, string>): Election[] =>
    listElections(kv, { limit: limitOf(p), ...(p.after ? { after: p.after } : {}) }),
  election: (kv: KVRead, p: Record<string, string>) => getElection(kv, p.id ?? '') ?? null,
  issuance: (kv: KVRead, p: Record<string, string>) => listIssuance(kv, p.id ?? ''),
  ballots: (kv: KVRead, p: Record<string, string>): Ballot[] =>
    listBallots(kv, p.id ?? '', { limit: limitOf(p), ...(p.after ? { after: p.after } : {}) }),
  ballot: (kv: KVRead, p: Record<string, string>) => getBallot(kv, p.id ?? '', p.tokenHash ?? '') ?? null,
  tally: (kv: KVRead, p: Record<string, string>) => getTally(kv, p.id ?? ''),
};
