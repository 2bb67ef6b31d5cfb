import { afterEach, describe, expect, it } from 'vitest';
import { LedgerApp } from '../../app/ledger-app.ts';
import { utf8 } from '../../core/bytes.ts';
import { sha256Hex } from '../../core/hash.ts';
import { ALL_MODULES } from '../registry.ts';
import { getBallot, getElection, getTally, recomputeTally } from './index.ts';
import { tallyRecord } from './tally.ts';
import type { BallotChoice } from './token-message.ts';
import {
  budgetElection,
  commit,
  createVotingChain,
  newVoter,
  type Voter,
  type VotingKit,
  WINDOWS,
} from './voting-test-kit.ts';

let kit: VotingKit;
afterEach(async () => kit?.chain.stop());

const ID = 'buurtbudget';

/** Opens a budget election, casts one committed ballot per choice and moves to the reveal period. */
async function castAll(choices: BallotChoice[], over: Parameters<typeof budgetElection>[1] = {}) {
  kit = await createVotingChain();
  await kit.openElection(budgetElection(ID, over), 10, choices.length);
  await kit.advanceTo(WINDOWS.votingOpensAt);
  const ballots: Array<{ voter: Voter; c: ReturnType<typeof commit> }> = [];
  for (const choice of choices) {
    const voter = newVoter(kit.chain, ID);
    const c = commit(ID, voter, choice);
    expect((await kit.cast(ID, voter, c.commitment)).error).toBe('');
    ballots.push({ voter, c });
  }
  return ballots;
}

describe('before voting closes', () => {
  it('gives no tally and refuses reveals', async () => {
    const [b] = await castAll([{ projects: ['bankjes'] }]);
    expect(getTally(kit.chain.app.committed, ID)).toBeNull();
    const r = await kit.reveal(ID, b!.voter, b!.c);
    expect(r.error).toBe('voting.outside_window');
    expect(getBallot(kit.chain.app.committed, ID, b!.voter.tokenHash)!.revealed).toBeUndefined();
  });
});

describe('the participatory budget tally', () => {
  it('counts revealed ballots, funds projects by votes within the budget and lists every counted ballot', async () => {
    const ballots = await castAll([
      { projects: ['speeltuin', 'bankjes'] },
      { projects: ['speeltuin'] },
      { projects: ['bomen', 'bankjes'] },
      { projects: ['bomen', 'bankjes'] },
      { projects: [] },
    ]);
    await kit.advanceTo(WINDOWS.votingClosesAt);
    expect(getElection(kit.chain.app.committed, ID)!.status).toBe('revealing');
    for (const b of ballots) expect((await kit.reveal(ID, b.voter, b.c)).error).toBe('');
    const provisional = getTally(kit.chain.app.committed, ID)!;
    expect(provisional.final).toBe(false);

    await kit.advanceTo(WINDOWS.revealClosesAt);
    const t = getTally(kit.chain.app.committed, ID)!;
    expect(getElection(kit.chain.app.committed, ID)!.status).toBe('tallied');
    expect(t.final).toBe(true);
    expect(t.budget!.projects).toEqual([
      { id: 'speeltuin', costCents: '600000', votes: 2 },
      { id: 'bankjes', costCents: '150000', votes: 3 },
      { id: 'bomen', costCents: '400000', votes: 2 },
    ]);
    // bankjes (3 votes) first; speeltuin and bomen tie at 2: the cheaper (bomen) goes first and
    // speeltuin no longer fits in the remaining 450000.
    expect(t.budget!.funded).toEqual(['bankjes', 'bomen']);
    expect(t.budget!.fundedCents).toBe('550000');
    expect(t).toMatchObject({
      tokensIssued: 5,
      ballotsCast: 5,
      ballotsCounted: 5,
      ballotsUnrevealed: 0,
      voterQuota: 10,
    });
    expect(t.countedBallots).toEqual(ballots.map((b) => b.c.commitment).sort());
    expect(t.countedBallotsDigest).toBe(sha256Hex(t.countedBallots.join('\n')));
  });

  it('leaves ballots that are never revealed out of the count and says how many there are', async () => {
    const [a, b] = await castAll([{ projects: ['speeltuin'] }, { projects: ['bomen'] }]);
    await kit.advanceTo(WINDOWS.votingClosesAt);
    await kit.reveal(ID, a!.voter, a!.c);
    await kit.advanceTo(WINDOWS.revealClosesAt);
    const t = getTally(kit.chain.app.committed, ID)!;
    expect(t).toMatchObject({ ballotsCast: 2, ballotsCounted: 1, ballotsUnrevealed: 1 });
    expect(t.countedBallots).toEqual([a!.c.commitment]);
    expect(t.countedBallots).not.toContain(b!.c.commitment);
    expect(t.budget!.funded).toEqual(['speeltuin']);
  });

  it('is stored at the end of the reveal period and equals a recomputation from the ballots', async () => {
    const ballots = await castAll([
      { projects: ['speeltuin'] },
      { projects: ['bankjes', 'bomen'] },
      { projects: ['bomen'] },
    ]);
    await kit.advanceTo(WINDOWS.votingClosesAt);
    for (const b of ballots) await kit.reveal(ID, b.voter, b.c);
    await kit.advanceTo(WINDOWS.revealClosesAt);
    const stored = kit.chain.app.committed.get(`voting/tally/${ID}`);
    expect(stored).toBeDefined();
    expect(JSON.parse(stored!)).toEqual(tallyRecord(recomputeTally(kit.chain.app.committed, ID)!));
  });

  it('is the same for anyone who replays the blocks from genesis', async () => {
    const ballots = await castAll([{ projects: ['bomen'] }, { projects: ['speeltuin', 'bankjes'] }]);
    await kit.advanceTo(WINDOWS.votingClosesAt);
    for (const b of ballots) await kit.reveal(ID, b.voter, b.c);
    await kit.advanceTo(WINDOWS.revealClosesAt);
    const app = kit.chain.app;
    const replay = new LedgerApp({ dbPath: ':memory:', modules: ALL_MODULES });
    try {
      replay.initChain(app.genesis());
      for (let h = 1; h <= app.lastHeight; h++) {
        const block = app.store.block(h)!;
        const txs = app.store.txsOfBlock(h).map((t) => utf8(t.tx));
        replay.finalizeBlock({ height: h, time: block.header.time, txs, proposer: block.header.proposer });
        replay.commit();
      }
      expect(replay.info().lastBlockAppHash).toBe(app.info().lastBlockAppHash);
      expect(getTally(replay.committed, ID)).toEqual(getTally(app.committed, ID));
    } finally {
      replay.close();
    }
  });
});

describe('revealing', () => {
  it('refuses a wrong salt or choice, a second reveal, an unknown ballot and a reveal after the period', async () => {
    const [a] = await castAll([{ projects: ['bankjes'] }]);
    await kit.advanceTo(WINDOWS.votingClosesAt);
    expect((await kit.reveal(ID, a!.voter, { ...a!.c, salt: 'ab'.repeat(32) })).error).toBe(
      'voting.commitment_mismatch',
    );
    expect((await kit.reveal(ID, a!.voter, { ...a!.c, choice: { projects: ['bomen'] } })).error).toBe(
      'voting.commitment_mismatch',
    );
    expect((await kit.reveal(ID, a!.voter, a!.c)).error).toBe('');
    expect((await kit.reveal(ID, a!.voter, a!.c)).error).toBe('voting.already_revealed');
    const stranger = newVoter(kit.chain, ID);
    expect((await kit.reveal(ID, stranger, a!.c)).error).toBe('voting.unknown_ballot');
    await kit.advanceTo(WINDOWS.revealClosesAt);
    const late = newVoter(kit.chain, ID);
    expect((await kit.reveal(ID, late, a!.c)).error).toBe('voting.election_closed');
  });

  it('refuses an over-budget, unknown-project or doubled choice, which is then not counted', async () => {
    const bad: BallotChoice[] = [
      { projects: ['speeltuin', 'bomen', 'bankjes'] },
      { projects: ['fontein'] },
      { projects: ['bankjes', 'bankjes'] },
      { answers: [{ question: 'q', option: 'ja' }] },
    ];
    const ballots = await castAll(bad);
    await kit.advanceTo(WINDOWS.votingClosesAt);
    const reasons = [/more than the budget/, /not on this ballot/, /chosen twice/, /must list projects/];
    for (const [i, b] of ballots.entries()) {
      const r = await kit.reveal(ID, b.voter, b.c);
      expect(r.error).toBe('voting.invalid_ballot');
      expect(r.log).toMatch(reasons[i]!);
    }
    await kit.advanceTo(WINDOWS.revealClosesAt);
    expect(getTally(kit.chain.app.committed, ID)).toMatchObject({
      ballotsCast: 4,
      ballotsCounted: 0,
      ballotsUnrevealed: 4,
    });
  });

  it('counts only the last of replaced ballots', async () => {
    kit = await createVotingChain();
    await kit.openElection(budgetElection(ID, { allowReplacement: true }), 10, 1);
    await kit.advanceTo(WINDOWS.votingOpensAt);
    const voter = newVoter(kit.chain, ID);
    const first = commit(ID, voter, { projects: ['speeltuin'] });
    const last = commit(ID, voter, { projects: ['bomen'] });
    await kit.cast(ID, voter, first.commitment);
    await kit.cast(ID, voter, last.commitment);
    await kit.advanceTo(WINDOWS.votingClosesAt);
    expect((await kit.reveal(ID, voter, first)).error).toBe('voting.commitment_mismatch');
    expect((await kit.reveal(ID, voter, last)).error).toBe('');
    await kit.advanceTo(WINDOWS.revealClosesAt);
    const t = getTally(kit.chain.app.committed, ID)!;
    expect(t.budget!.funded).toEqual(['bomen']);
    expect(t.countedBallots).toEqual([last.commitment]);
  });
});

describe('a consultation', () => {
  it('counts answers per question and counts a skipped question as an abstention', async () => {
    kit = await createVotingChain();
    const ballot = {
      kind: 'consultation' as const,
      questions: [
        {
          id: 'plein',
          text: 'Wordt het plein autovrij?',
          options: [
            { id: 'ja', label: 'Ja' },
            { id: 'nee', label: 'Nee' },
          ],
        },
        {
          id: 'naam',
          text: 'Welke naam krijgt het plein?',
          options: [
            { id: 'lindeplein', label: 'Lindeplein' },
            { id: 'marktplein', label: 'Marktplein' },
          ],
        },
      ],
    };
    const body = { ...budgetElection('plein'), ballot };
    await kit.openElection(body, 10, 3);
    await kit.advanceTo(WINDOWS.votingOpensAt);
    const choices: BallotChoice[] = [
      {
        answers: [
          { question: 'plein', option: 'ja' },
          { question: 'naam', option: 'lindeplein' },
        ],
      },
      { answers: [{ question: 'plein', option: 'ja' }] },
      {
        answers: [
          { question: 'plein', option: 'nee' },
          { question: 'naam', option: 'lindeplein' },
        ],
      },
    ];
    const cast = [];
    for (const choice of choices) {
      const voter = newVoter(kit.chain, 'plein');
      const c = commit('plein', voter, choice);
      await kit.cast('plein', voter, c.commitment);
      cast.push({ voter, c });
    }
    await kit.advanceTo(WINDOWS.votingClosesAt);
    for (const { voter, c } of cast) expect((await kit.reveal('plein', voter, c)).error).toBe('');
    await kit.advanceTo(WINDOWS.revealClosesAt);
    expect(getTally(kit.chain.app.committed, 'plein')!.consultation).toEqual({
      questions: [
        {
          id: 'plein',
          options: [
            { id: 'ja', votes: 2 },
            { id: 'nee', votes: 1 },
          ],
          abstentions: 0,
        },
        {
          id: 'naam',
          options: [
            { id: 'lindeplein', votes: 2 },
            { id: 'marktplein', votes: 0 },
          ],
          abstentions: 1,
        },
      ],
    });
  });
});
