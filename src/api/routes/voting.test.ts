// Elections over real HTTP: signed txs posted to the election's sub-resources (and through the
// client, i.e. /v1/transactions), the reads, the refusals with their own codes, and the tally.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KetenboekApiError, KetenboekClient } from '../../client/index.ts';
import { getElection } from '../../modules/voting/index.ts';
import {
  budgetElection,
  commit,
  controlClock,
  newVoter,
  registrarKeys,
  T0,
  type Voter,
  WINDOWS,
} from '../../modules/voting/voting-test-kit.ts';
import type { TestKey } from '../../testing/test-chain.ts';
import { startTestApi, type TestApi } from '../test-support.ts';
import { votingApi } from './voting.ts';

let t: TestApi;
let client: KetenboekClient;
let organiser: TestKey;
let registrar: TestKey;
let clock: ReturnType<typeof controlClock>;
const ID = 'buurtbudget';

const schemaOf = (path: string, method = 'get', status = 200) =>
  votingApi.routes.find((r) => r.path === path && r.method === method)!.responses[status]!.schema!;

const advanceTo = async (iso: string) => clock.advanceTo(iso);

/** POSTs a signed tx to a voting resource and waits for the commit. */
function postSigned(path: string, key: TestKey, type: string, body: unknown) {
  return t.post(`/v1${path}?wait=commit`, t.chain.sign(key, type, body), {
    'Content-Type': 'application/json',
  });
}

function castBody(voter: Voter, commitment: string) {
  return { electionId: ID, tokenPrefix: voter.tokenPrefix, tokenSignature: voter.tokenSignature, commitment };
}

async function problem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  return res.json();
}

beforeAll(async () => {
  t = await startTestApi({
    chain: { genesisTime: T0, orgs: [{ roles: ['organiser'] }, { roles: ['registrar'] }] },
  });
  clock = controlClock(t.chain.engine);
  [organiser, registrar] = t.chain.orgs as [TestKey, TestKey];
  client = new KetenboekClient({ baseUrl: t.url });
});
afterAll(() => t.close());

describe('elections over HTTP', () => {
  const voters: Array<{ voter: Voter; c: ReturnType<typeof commit> }> = [];

  it('creates an election by POST /v1/elections and reads it back', async () => {
    const res = await postSigned('/elections', organiser, 'voting.create_election', {
      ...budgetElection(ID),
      registrarOin: registrar.oin,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toMatch(/^\/v1\/transactions\/[0-9a-f]{64}$/);
    const e = await (await t.get(`/v1/elections/${ID}`)).json();
    expect(schemaOf('/elections/{id}').safeParse(e).success).toBe(true);
    expect(e).toMatchObject({
      id: ID,
      organiserOin: organiser.oin,
      registrarOin: registrar.oin,
      status: 'open',
    });
    const page = await (await t.get('/v1/elections')).json();
    expect(schemaOf('/elections').safeParse(page).success).toBe(true);
    expect(page.items.map((x: { id: string }) => x.id)).toEqual([ID]);
  });

  it('takes the registrar key on its sub-resource and issuance through the client', async () => {
    const res = await postSigned(
      `/elections/${ID}/registrar-key`,
      registrar,
      'voting.publish_registrar_key',
      {
        electionId: ID,
        publicKey: registrarKeys().spkiHex,
        voterQuota: 3,
      },
    );
    expect(res.status).toBe(201);
    await advanceTo(WINDOWS.registrationOpensAt);
    await client.voting.recordIssuance(registrar, { electionId: ID, count: 2 });
    const issuances = await (await t.get(`/v1/elections/${ID}/issuances`)).json();
    expect(schemaOf('/elections/{id}/issuances').safeParse(issuances).success).toBe(true);
    expect(issuances.items.map((r: { count: number }) => r.count)).toEqual([2]);
  });

  it('refuses issuance over the quota with 409 voting.over_quota', async () => {
    const res = await postSigned(`/elections/${ID}/issuances`, registrar, 'voting.record_issuance', {
      electionId: ID,
      count: 2,
    });
    expect((await problem(res, 409)).code).toBe('voting.over_quota');
    expect(getElection(t.chain.app.committed, ID)!.tokensIssued).toBe(2);
  });

  it('accepts a ballot on POST /v1/elections/{id}/ballots and shows it by token hash', async () => {
    await advanceTo(WINDOWS.votingOpensAt);
    const voter = newVoter(t.chain, ID);
    const c = commit(ID, voter, { projects: ['speeltuin', 'bankjes'] });
    const res = await postSigned(
      `/elections/${ID}/ballots`,
      voter.key,
      'voting.cast_ballot',
      castBody(voter, c.commitment),
    );
    expect(res.status).toBe(201);
    voters.push({ voter, c });
    const b = await client.voting.ballot(ID, voter.tokenHash);
    expect(schemaOf('/elections/{id}/ballots/{tokenHash}').safeParse(b).success).toBe(true);
    expect(b).toMatchObject({ tokenHash: voter.tokenHash, commitment: c.commitment });
    const page = await (await t.get(`/v1/elections/${ID}/ballots`)).json();
    expect(schemaOf('/elections/{id}/ballots').safeParse(page).success).toBe(true);
    expect(page.items).toHaveLength(1);
  });

  it('answers every ballot refusal with its own code and status', async () => {
    const [{ voter, c }] = voters as [(typeof voters)[number]];
    const again = await postSigned(
      `/elections/${ID}/ballots`,
      voter.key,
      'voting.cast_ballot',
      castBody(voter, c.commitment),
    );
    expect((await problem(again, 409)).code).toBe('voting.token_used');

    const forged = { ...newVoter(t.chain, ID), tokenSignature: voter.tokenSignature };
    const bad = await postSigned(
      `/elections/${ID}/ballots`,
      forged.key,
      'voting.cast_ballot',
      castBody(forged, c.commitment),
    );
    expect((await problem(bad, 403)).code).toBe('voting.bad_token_signature');

    const other = newVoter(t.chain, ID);
    const wrongType = await postSigned(`/elections/${ID}/ballots`, other.key, 'voting.reveal_ballot', {
      electionId: ID,
      tokenHash: other.tokenHash,
      choice: { projects: [] },
      salt: 'ab'.repeat(32),
    });
    const p = await problem(wrongType, 400);
    expect(p.code).toBe('api.invalid_request');
    expect(p.invalidParams.map((x: { name: string }) => x.name)).toEqual(['body.type']);

    const wrongElection = await postSigned(
      '/elections/andere-wijk/ballots',
      other.key,
      'voting.cast_ballot',
      castBody(other, c.commitment),
    );
    expect((await problem(wrongElection, 400)).invalidParams[0].name).toBe('body.body.electionId');

    // One more token than the registrar recorded: the second token counts, a third would not.
    const second = newVoter(t.chain, ID);
    await client.voting.castBallot(
      second.key,
      castBody(second, commit(ID, second, { projects: ['bomen'] }).commitment),
    );
    const third = newVoter(t.chain, ID);
    const exhausted = await postSigned(
      `/elections/${ID}/ballots`,
      third.key,
      'voting.cast_ballot',
      castBody(third, c.commitment),
    );
    expect((await problem(exhausted, 409)).code).toBe('voting.tokens_exhausted');
  });

  it('keeps the tally sealed with 409 while voting is open', async () => {
    const p = await problem(await t.get(`/v1/elections/${ID}/tally`), 409);
    expect(p.code).toBe('voting.tally_not_ready');
    await expect(client.voting.tally(ID)).rejects.toBeInstanceOf(KetenboekApiError);
  });

  it('refuses a ballot after closing, takes reveals, and gives the final tally with the counted ballots', async () => {
    await advanceTo(WINDOWS.votingClosesAt);
    const late = newVoter(t.chain, ID);
    const closed = await postSigned(
      `/elections/${ID}/ballots`,
      late.key,
      'voting.cast_ballot',
      castBody(late, 'ab'.repeat(32)),
    );
    expect((await problem(closed, 409)).code).toBe('voting.election_closed');

    const [{ voter, c }] = voters as [(typeof voters)[number]];
    const wrongSalt = await postSigned(
      `/elections/${ID}/reveals`,
      t.chain.newAccount(),
      'voting.reveal_ballot',
      {
        electionId: ID,
        tokenHash: voter.tokenHash,
        choice: c.choice,
        salt: 'cd'.repeat(32),
      },
    );
    expect((await problem(wrongSalt, 400)).code).toBe('voting.commitment_mismatch');
    const reveal = await postSigned(
      `/elections/${ID}/reveals`,
      t.chain.newAccount(),
      'voting.reveal_ballot',
      {
        electionId: ID,
        tokenHash: voter.tokenHash,
        choice: c.choice,
        salt: c.salt,
      },
    );
    expect(reveal.status).toBe(201);
    const provisional = await client.voting.tally(ID);
    expect(provisional.final).toBe(false);

    await advanceTo(WINDOWS.revealClosesAt);
    const res = await t.get(`/v1/elections/${ID}/tally`);
    expect(res.status).toBe(200);
    const tally = await res.json();
    const parsed = schemaOf('/elections/{id}/tally').safeParse(tally);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(tally).toMatchObject({
      final: true,
      ballotsCast: 2,
      ballotsCounted: 1,
      ballotsUnrevealed: 1,
      matchesRecount: true,
    });
    expect(tally.countedBallots).toEqual([c.commitment]);
    expect(tally.budget.funded).toEqual(['bankjes', 'speeltuin']);
  });

  it('answers 404 with voting.unknown_election for an unknown election', async () => {
    for (const path of ['', '/tally', '/ballots', '/issuances']) {
      const p = await problem(await t.get(`/v1/elections/onbekend${path}`), 404);
      expect(p.code).toBe('voting.unknown_election');
    }
  });
});
