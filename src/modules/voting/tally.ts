// The tally: a pure function of the ballots on the ledger, so anyone holding the state (or
// replaying the blocks) gets the same result. End-block stores it once the reveal period ends.
import type { KVRead } from '../../app/kv.ts';
import type { BlockContext } from '../../app/module.ts';
import { putJson } from '../../app/typed-kv.ts';
import { sha256Hex } from '../../core/hash.ts';
import { type DuePhase, type Election, getElection, keys, listBallots, putElection } from './state.ts';

export interface BudgetResult {
  budgetCents: string;
  projects: Array<{ id: string; costCents: string; votes: number }>;
  /** Funded in order of votes (ties: cheaper first, then by id), skipping projects that no longer fit. */
  funded: string[];
  fundedCents: string;
}

export interface ConsultationResult {
  questions: Array<{ id: string; options: Array<{ id: string; votes: number }>; abstentions: number }>;
}

export interface TallyRecord {
  electionId: string;
  /** False while the reveal period runs: revealed ballots may still be added. */
  final: boolean;
  voterQuota: number;
  tokensIssued: number;
  ballotsCast: number;
  ballotsCounted: number;
  /** Committed but never revealed: not counted (see the README). */
  ballotsUnrevealed: number;
  budget?: BudgetResult;
  consultation?: ConsultationResult;
  /** sha256 over the sorted counted ballot hashes joined by "\n". */
  countedBallotsDigest: string;
}

export interface Tally extends TallyRecord {
  /** Commitments of the counted ballots, sorted: each voter can find theirs. */
  countedBallots: string[];
}

export function computeTally(kv: KVRead, e: Election, final: boolean): Tally {
  const revealed = listBallots(kv, e.id).filter((b) => b.revealed);
  const countedBallots = revealed.map((b) => b.commitment).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const base = {
    electionId: e.id,
    final,
    voterQuota: e.voterQuota ?? 0,
    tokensIssued: e.tokensIssued,
    ballotsCast: e.ballotsCast,
    ballotsCounted: revealed.length,
    ballotsUnrevealed: e.ballotsCast - revealed.length,
    countedBallotsDigest: sha256Hex(countedBallots.join('\n')),
    countedBallots,
  };
  const choices = revealed.map((b) => b.revealed!.choice);
  if (e.ballot.kind === 'budget') {
    const votes = new Map(e.ballot.projects.map((p) => [p.id, 0]));
    for (const c of choices)
      if ('projects' in c) for (const id of c.projects) votes.set(id, (votes.get(id) ?? 0) + 1);
    const projects = e.ballot.projects.map((p) => ({
      id: p.id,
      costCents: p.costCents,
      votes: votes.get(p.id) ?? 0,
    }));
    const { funded, fundedCents } = fund(projects, BigInt(e.ballot.budgetCents));
    return {
      ...base,
      budget: { budgetCents: e.ballot.budgetCents, projects, funded, fundedCents: String(fundedCents) },
    };
  }
  const questions = e.ballot.questions.map((q) => {
    const counts = new Map(q.options.map((o) => [o.id, 0]));
    let answered = 0;
    for (const c of choices) {
      const a = 'answers' in c ? c.answers.find((x) => x.question === q.id) : undefined;
      if (!a) continue;
      answered++;
      counts.set(a.option, (counts.get(a.option) ?? 0) + 1);
    }
    return {
      id: q.id,
      options: q.options.map((o) => ({ id: o.id, votes: counts.get(o.id) ?? 0 })),
      abstentions: choices.length - answered,
    };
  });
  return { ...base, consultation: { questions } };
}

/** Greedy participatory-budget rule: most votes first; a project that does not fit is skipped. */
function fund(projects: BudgetResult['projects'], budget: bigint): { funded: string[]; fundedCents: bigint } {
  const order = projects
    .filter((p) => p.votes > 0)
    .sort((a, b) => {
      if (a.votes !== b.votes) return b.votes - a.votes;
      const ca = BigInt(a.costCents);
      const cb = BigInt(b.costCents);
      if (ca !== cb) return ca < cb ? -1 : 1;
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
  const funded: string[] = [];
  let spent = 0n;
  for (const p of order) {
    const cost = BigInt(p.costCents);
    if (spent + cost <= budget) {
      funded.push(p.id);
      spent += cost;
    }
  }
  return { funded, fundedCents: spent };
}

/** The stored part of a tally (the ballot list stays derivable from the ballots themselves). */
export function tallyRecord(t: Tally): TallyRecord {
  const { countedBallots: _, ...record } = t;
  return record;
}

/** End-block: closes voting and, after the reveal period, stores the final tally. */
export function advancePhases(ctx: BlockContext): void {
  const due: Array<{ key: string; id: string; phase: DuePhase }> = [];
  for (const [k] of ctx.kv.iterate(keys.duePrefix)) {
    const rest = k.slice(keys.duePrefix.length);
    if (rest.slice(0, 24) > ctx.time) break; // keys sort by deadline: the rest is not due yet
    const [id, phase] = rest.slice(25).split('/') as [string, DuePhase];
    due.push({ key: k, id, phase });
  }
  for (const d of due) {
    ctx.kv.delete(d.key);
    const e = getElection(ctx.kv, d.id);
    if (!e) continue;
    if (d.phase === 'voting_closed') {
      putElection(ctx.kv, { ...e, status: 'revealing' });
      ctx.emit('voting.voting_closed', { election: e.id, ballotsCast: e.ballotsCast });
    } else {
      const tally = computeTally(ctx.kv, e, true);
      putJson(ctx.kv, keys.tally(e.id), tallyRecord(tally));
      putElection(ctx.kv, { ...e, status: 'tallied' });
      ctx.emit('voting.tallied', {
        election: e.id,
        ballotsCounted: tally.ballotsCounted,
        digest: tally.countedBallotsDigest,
      });
    }
  }
}
