import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { getElection, listIssuance } from './index.ts';
import {
  at,
  budgetElection,
  createVotingChain,
  registrarKeys,
  type VotingKit,
  WINDOWS,
} from './voting-test-kit.ts';

let kit: VotingKit;
afterEach(async () => kit?.chain.stop());

describe('creating an election', () => {
  it('records the ballot, windows, organiser and registrar, with no key and no tokens yet', async () => {
    kit = await createVotingChain();
    const r = await kit.chain.send(kit.organiser, 'voting.create_election', {
      ...budgetElection(),
      registrarOin: kit.registrar.oin,
    });
    const e = getElection(kit.chain.app.committed, 'buurtbudget')!;
    expect(e).toMatchObject({
      organiserOin: kit.organiser.oin,
      registrarOin: kit.registrar.oin,
      status: 'open',
      tokensIssued: 0,
      ballotsCast: 0,
      votingClosesAt: WINDOWS.votingClosesAt,
    });
    expect(e.registrarKey).toBeUndefined();
    expect(e.ballot.kind).toBe('budget');
    expect(r.participants).toContain(kit.registrar.oin);
  });

  it('refuses an organisation without the organiser role', async () => {
    kit = await createVotingChain();
    const r = await kit.chain.trySend(kit.chain.orgs[2]!, 'voting.create_election', {
      ...budgetElection(),
      registrarOin: kit.registrar.oin,
    });
    expect(r.error).toBe('identity.missing_role');
  });

  it('refuses a registrar organisation that lacks the registrar role', async () => {
    kit = await createVotingChain();
    const r = await kit.chain.trySend(kit.organiser, 'voting.create_election', {
      ...budgetElection(),
      registrarOin: kit.chain.orgs[2]!.oin,
    });
    expect(r.error).toBe('voting.registrar_not_eligible');
  });

  it('refuses a second election with the same id', async () => {
    kit = await createVotingChain();
    await kit.openElection(budgetElection(), 10, 0);
    const r = await kit.chain.trySend(kit.organiser, 'voting.create_election', {
      ...budgetElection(),
      registrarOin: kit.registrar.oin,
    });
    expect(r.error).toBe('voting.election_exists');
  });

  it('refuses windows out of order and windows already past', async () => {
    kit = await createVotingChain();
    const send = (over: object) =>
      kit.chain.trySend(kit.organiser, 'voting.create_election', {
        ...budgetElection('x', over),
        registrarOin: kit.registrar.oin,
      });
    expect((await send({ votingClosesAt: at(2) })).error).toBe('voting.bad_windows');
    expect((await send({ revealClosesAt: at(9) })).error).toBe('voting.bad_windows');
    expect((await send({ registrationClosesAt: at(11) })).error).toBe('voting.bad_windows');
    expect((await send({ registrationOpensAt: at(3) })).error).toBe('voting.bad_windows');
    await kit.advanceTo(at(10));
    expect((await send({})).error).toBe('voting.bad_windows');
  });

  it('lists every problem of an invalid ballot at once', async () => {
    kit = await createVotingChain();
    const r = await kit.chain.trySend(kit.organiser, 'voting.create_election', {
      ...budgetElection(),
      registrarOin: kit.registrar.oin,
      ballot: {
        kind: 'budget',
        question: 'Welke?',
        budgetCents: '-5',
        projects: [
          { id: 'a', title: 'A', costCents: '100' },
          { id: 'a', title: 'A again', costCents: '0' },
        ],
      },
    });
    expect(r.error).toBe('tx.invalid_body');
    expect(r.log).toMatch(/budgetCents/);
    expect(r.log).toMatch(/appears twice/);
    expect(r.log).toMatch(/costCents/);
  });

  it('refuses duplicate option ids within a consultation question', async () => {
    kit = await createVotingChain();
    const r = await kit.chain.trySend(kit.organiser, 'voting.create_election', {
      ...budgetElection(),
      registrarOin: kit.registrar.oin,
      ballot: {
        kind: 'consultation',
        questions: [
          {
            id: 'q1',
            text: 'Autovrij plein?',
            options: [
              { id: 'ja', label: 'Ja' },
              { id: 'ja', label: 'Ook ja' },
            ],
          },
        ],
      },
    });
    expect(r.error).toBe('tx.invalid_body');
    expect(r.log).toMatch(/ballot\.questions\.0\.options\.1\.id/);
  });
});

describe('the registrar key and quota', () => {
  it('are published once by the registrar and then fixed', async () => {
    kit = await createVotingChain();
    await kit.chain.send(kit.organiser, 'voting.create_election', {
      ...budgetElection(),
      registrarOin: kit.registrar.oin,
    });
    const body = { electionId: 'buurtbudget', publicKey: registrarKeys().spkiHex, voterQuota: 3 };
    await kit.chain.send(kit.registrar, 'voting.publish_registrar_key', body);
    const e = getElection(kit.chain.app.committed, 'buurtbudget')!;
    expect(e.voterQuota).toBe(3);
    expect(e.registrarKey).toMatchObject({
      publicKey: body.publicKey,
      modulusBits: 2048,
      suite: 'RSABSSA-SHA384-PSS-Randomized',
    });
    const again = await kit.chain.trySend(kit.registrar, 'voting.publish_registrar_key', {
      ...body,
      voterQuota: 300,
    });
    expect(again.error).toBe('voting.registrar_key_published');
    expect(getElection(kit.chain.app.committed, 'buurtbudget')!.voterQuota).toBe(3);
  });

  it('cannot be published by the organiser in the registrar’s place', async () => {
    kit = await createVotingChain();
    await kit.chain.send(kit.organiser, 'voting.create_election', {
      ...budgetElection(),
      registrarOin: kit.registrar.oin,
    });
    const r = await kit.chain.trySend(kit.organiser, 'voting.publish_registrar_key', {
      electionId: 'buurtbudget',
      publicKey: registrarKeys().spkiHex,
      voterQuota: 3,
    });
    expect(r.error).toBe('voting.not_registrar');
  });

  it('refuses keys that are not RSA, too small, or not a key at all', async () => {
    kit = await createVotingChain();
    await kit.chain.send(kit.organiser, 'voting.create_election', {
      ...budgetElection(),
      registrarOin: kit.registrar.oin,
    });
    const spki = (k: { publicKey: KeyObject }) =>
      k.publicKey.export({ format: 'der', type: 'spki' }).toString('hex');
    const small = spki(generateKeyPairSync('rsa', { modulusLength: 1024 }));
    const ec = spki(generateKeyPairSync('ec', { namedCurve: 'P-384' }));
    const junk = 'ab'.repeat(300);
    const cases: Array<[string, RegExp]> = [
      [small, /1024 bits/],
      [ec, /ec key, not RSA/],
      [junk, /not a DER/],
    ];
    for (const [publicKey, reason] of cases) {
      const r = await kit.chain.trySend(kit.registrar, 'voting.publish_registrar_key', {
        electionId: 'buurtbudget',
        publicKey,
        voterQuota: 3,
      });
      expect(r.error).toBe('voting.bad_registrar_key');
      expect(r.log).toMatch(reason);
    }
    expect(getElection(kit.chain.app.committed, 'buurtbudget')!.registrarKey).toBeUndefined();
  });

  it('refuses an unknown election', async () => {
    kit = await createVotingChain();
    const r = await kit.chain.trySend(kit.registrar, 'voting.publish_registrar_key', {
      electionId: 'bestaat-niet',
      publicKey: registrarKeys().spkiHex,
      voterQuota: 3,
    });
    expect(r.error).toBe('voting.unknown_election');
  });
});

describe('recording issued tokens', () => {
  it('adds batches up to the quota and keeps a record of each', async () => {
    kit = await createVotingChain();
    await kit.openElection(budgetElection(), 5, 2);
    await kit.chain.send(kit.registrar, 'voting.record_issuance', { electionId: 'buurtbudget', count: 3 });
    expect(getElection(kit.chain.app.committed, 'buurtbudget')!.tokensIssued).toBe(5);
    expect(
      listIssuance(kit.chain.app.committed, 'buurtbudget').map((r) => [r.seq, r.count, r.totalAfter]),
    ).toEqual([
      [1, 2, 2],
      [2, 3, 5],
    ]);
  });

  it('refuses to go over the quota and changes nothing', async () => {
    kit = await createVotingChain();
    await kit.openElection(budgetElection(), 5, 4);
    const r = await kit.chain.trySend(kit.registrar, 'voting.record_issuance', {
      electionId: 'buurtbudget',
      count: 2,
    });
    expect(r.error).toBe('voting.over_quota');
    expect(getElection(kit.chain.app.committed, 'buurtbudget')!.tokensIssued).toBe(4);
  });

  it('refuses before the key is published, before registration opens and after it closes', async () => {
    kit = await createVotingChain();
    await kit.chain.send(kit.organiser, 'voting.create_election', {
      ...budgetElection(),
      registrarOin: kit.registrar.oin,
    });
    const record = () =>
      kit.chain.trySend(kit.registrar, 'voting.record_issuance', { electionId: 'buurtbudget', count: 1 });
    expect((await record()).error).toBe('voting.registrar_key_missing');
    await kit.chain.send(kit.registrar, 'voting.publish_registrar_key', {
      electionId: 'buurtbudget',
      publicKey: registrarKeys().spkiHex,
      voterQuota: 5,
    });
    expect((await record()).error).toBe('voting.outside_window');
    await kit.advanceTo(WINDOWS.registrationClosesAt);
    expect((await record()).error).toBe('voting.election_closed');
  });

  it('refuses any organisation other than the registrar', async () => {
    kit = await createVotingChain();
    await kit.openElection(budgetElection(), 5, 0);
    await kit.advanceTo(WINDOWS.registrationOpensAt);
    const r = await kit.chain.trySend(kit.organiser, 'voting.record_issuance', {
      electionId: 'buurtbudget',
      count: 1,
    });
    expect(r.error).toBe('voting.not_registrar');
  });
});
