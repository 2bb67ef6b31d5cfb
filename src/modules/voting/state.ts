// State layout of the voting module (all keys start with "voting/"). Nothing here names a
// resident: ballots are keyed by token hash, issuance is a count.
import type { KVRead, KVWrite } from '../../app/kv.ts';
import { getJson, listJson, putJson } from '../../app/typed-kv.ts';
import type { BallotSpec } from './schemas.ts';
import type { BallotChoice } from './token-message.ts';

export type ElectionStatus = 'open' | 'revealing' | 'tallied';

export interface RegistrarKey {
  /** SubjectPublicKeyInfo DER, lowercase hex. */
  publicKey: string;
  modulusBits: number;
  suite: string;
  publishedAt: string;
}

export interface Election {
  id: string;
  title: string;
  organiserOin: string;
  ballot: BallotSpec;
  registrarOin: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  votingOpensAt: string;
  votingClosesAt: string;
  revealClosesAt: string;
  allowReplacement: boolean;
  createdAt: string;
  createdHeight: number;
  registrarKey?: RegistrarKey;
  /** Eligible residents as declared by the registrar with its key; issuance can never exceed it. */
  voterQuota?: number;
  tokensIssued: number;
  issuanceBatches: number;
  /** Distinct tokens that cast a ballot (a replacement does not count again). */
  ballotsCast: number;
  ballotsRevealed: number;
  status: ElectionStatus;
}

export interface IssuanceRecord {
  seq: number;
  count: number;
  totalAfter: number;
  time: string;
  height: number;
  txHash: string;
}

export interface Ballot {
  tokenHash: string;
  /** Current commitment: the ballot hash a voter looks for in the tally. */
  commitment: string;
  castAt: string;
  castHeight: number;
  /** How often the voter replaced the ballot (only when the election allows it). */
  replacements: number;
  revealed?: { choice: BallotChoice; at: string; height: number };
}

export type DuePhase = 'voting_closed' | 'reveal_closed';

const P = 'voting/';
export const keys = {
  election: (id: string) => `${P}election/${id}`,
  electionPrefix: `${P}election/`,
  issuance: (id: string, seq: number) => `${P}issuance/${id}/${String(seq).padStart(10, '0')}`,
  issuancePrefix: (id: string) => `${P}issuance/${id}/`,
  ballot: (id: string, tokenHash: string) => `${P}ballot/${id}/${tokenHash}`,
  ballotPrefix: (id: string) => `${P}ballot/${id}/`,
  /** Deadlines, sorted by time so end-block only reads what is due. */
  due: (time: string, id: string, phase: DuePhase) => `${P}due/${time}/${id}/${phase}`,
  duePrefix: `${P}due/`,
  tally: (id: string) => `${P}tally/${id}`,
};

export const getElection = (kv: KVRead, id: string) => getJson<Election>(kv, keys.election(id));
export const putElection = (kv: KVWrite, e: Election) => putJson(kv, keys.election(e.id), e);
export const getBallot = (kv: KVRead, electionId: string, tokenHash: string) =>
  getJson<Ballot>(kv, keys.ballot(electionId, tokenHash));
export const putBallot = (kv: KVWrite, electionId: string, b: Ballot) =>
  putJson(kv, keys.ballot(electionId, b.tokenHash), b);

export function listBallots(
  kv: KVRead,
  electionId: string,
  opts?: { limit?: number; after?: string },
): Ballot[] {
  const prefix = keys.ballotPrefix(electionId);
  const start = opts?.after ? `${prefix}${opts.after}\x00` : undefined;
  return [
    ...listJson<Ballot>(kv, prefix, {
      ...(opts?.limit ? { limit: opts.limit } : {}),
      ...(start ? { start } : {}),
    }),
  ].map(([, b]) => b);
}

export function listIssuance(kv: KVRead, electionId: string): IssuanceRecord[] {
  return [...listJson<IssuanceRecord>(kv, keys.issuancePrefix(electionId))].map(([, r]) => r);
}

export function listElections(kv: KVRead, opts?: { limit?: number; after?: string }): Election[] {
  const start = opts?.after ? `${keys.election(opts.after)}\x00` : undefined;
  return [
    ...listJson<Election>(kv, keys.electionPrefix, {
      ...(opts?.limit ? { limit: opts.limit } : {}),
      ...(start ? { start } : {}),
    }),
  ].map(([, e]) => e);
}
