import { constants, generateKeyPairSync, sign } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { getBallot, getElection, listBallots } from './index.ts';
import { PSS_SALT_BYTES, tokenInput } from './token-message.ts';
import {
  budgetElection,
  commit,
  createVotingChain,
  newVoter,
  registrarKeys,
  type VotingKit,
  WINDOWS,
} from './voting-test-kit.ts';

let kit: VotingKit;
afterEach(async () => kit?.chain.stop());

const ID = 'buurtbudget';
const choice = { projects: ['bankjes'] };

async function votingOpen(over: Parameters<typeof budgetElection>[1] = {}, issued = 3) {
  kit = await createVotingChain();
  await kit.openElection(budgetElection(ID, over), 5, issued);
  await kit.advanceTo(WINDOWS.votingOpensAt);
}

describe('casting a ballot', () => {
  it('stores only the token hash and the commitment, under the token hash', async () => {
    await votingOpen();
    const voter = newVoter(kit.chain, ID);
    const c = commit(ID, voter, choice);
    const r = await kit.cast(ID, voter, c.commitment);
    expect(r.error).toBe('');
    const b = getBallot(kit.chain.app.committed, ID, voter.tokenHash)!;
    expect(b).toMatchObject({ tokenHash: voter.tokenHash, commitment: c.commitment, replacements: 0 });
    expect(b.revealed).toBeUndefined();
    expect(JSON.stringify(b)).not.toContain(voter.key.publicKey);
    expect(getElection(kit.chain.app.committed, ID)!.ballotsCast).toBe(1);
  });

  it('refuses a second ballot with the same token when replacement is not allowed', async () => {
    await votingOpen();
    const voter = newVoter(kit.chain, ID);
    const first = commit(ID, voter, choice);
    await kit.cast(ID, voter, first.commitment);
    const r = await kit.cast(ID, voter, commit(ID, voter, { projects: ['bomen'] }).commitment);
    expect(r.error).toBe('voting.token_used');
    expect(getBallot(kit.chain.app.committed, ID, voter.tokenHash)!.commitment).toBe(first.commitment);
    expect(getElection(kit.chain.app.committed, ID)!.ballotsCast).toBe(1);
  });

  it('replaces the ballot of the same token when the election allows it, without counting it twice', async () => {
    await votingOpen({ allowReplacement: true });
    const voter = newVoter(kit.chain, ID);
    await kit.cast(ID, voter, commit(ID, voter, choice).commitment);
    const second = commit(ID, voter, { projects: ['bomen', 'bankjes'] });
    expect((await kit.cast(ID, voter, second.commitment)).error).toBe('');
    expect(getBallot(kit.chain.app.committed, ID, voter.tokenHash)).toMatchObject({
      commitment: second.commitment,
      replacements: 1,
    });
    expect(getElection(kit.chain.app.committed, ID)!.ballotsCast).toBe(1);
    expect(listBallots(kit.chain.app.committed, ID)).toHaveLength(1);
  });

  it('refuses a token signed by another key than the registrar’s', async () => {
    await votingOpen();
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const voter = newVoter(kit.chain, ID, { spkiHex: '', privateKey: forger.privateKey });
    const r = await kit.cast(ID, voter, commit(ID, voter, choice).commitment);
    expect(r.error).toBe('voting.bad_token_signature');
    expect(listBallots(kit.chain.app.committed, ID)).toHaveLength(0);
  });

  it('refuses a valid token cast from another key than the one it was made for', async () => {
    await votingOpen();
    const voter = newVoter(kit.chain, ID);
    const thief = { ...voter, key: kit.chain.newAccount() };
    const r = await kit.cast(ID, thief, commit(ID, voter, choice).commitment);
    expect(r.error).toBe('voting.bad_token_signature');
  });

  it('refuses a token made for another election', async () => {
    await votingOpen();
    await kit.chain.send(kit.organiser, 'voting.create_election', {
      ...budgetElection('andere-wijk'),
      registrarOin: kit.registrar.oin,
    });
    const voter = newVoter(kit.chain, 'andere-wijk');
    const r = await kit.cast(ID, voter, commit(ID, voter, choice).commitment);
    expect(r.error).toBe('voting.bad_token_signature');
  });

  it('refuses a token whose signature uses another PSS salt length than RFC 9474 prescribes', async () => {
    await votingOpen();
    const voter = newVoter(kit.chain, ID);
    const { privateKey } = registrarKeys();
    const zeroSalt = sign('sha384', tokenInput(voter.tokenPrefix, ID, voter.key.publicKey), {
      key: privateKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: 0,
    });
    expect(PSS_SALT_BYTES).toBe(48);
    const r = await kit.cast(
      ID,
      { ...voter, tokenSignature: zeroSalt.toString('hex') },
      commit(ID, voter, choice).commitment,
    );
    expect(r.error).toBe('voting.bad_token_signature');
  });

  it('refuses a ballot signed by an organisation key', async () => {
    await votingOpen();
    const voter = { ...newVoter(kit.chain, ID), key: kit.chain.orgs[2]! };
    const r = await kit.cast(ID, voter, 'ab'.repeat(32));
    expect(r.error).toBe('voting.not_a_fresh_key');
  });

  it('refuses ballots before voting opens and after it closes', async () => {
    kit = await createVotingChain();
    await kit.openElection(budgetElection(ID), 5, 3);
    const early = newVoter(kit.chain, ID);
    expect((await kit.cast(ID, early, commit(ID, early, choice).commitment)).error).toBe(
      'voting.outside_window',
    );
    await kit.advanceTo(WINDOWS.votingClosesAt);
    expect((await kit.cast(ID, early, commit(ID, early, choice).commitment)).error).toBe(
      'voting.election_closed',
    );
    expect(listBallots(kit.chain.app.committed, ID)).toHaveLength(0);
  });

  it('refuses more ballots than tokens the registrar recorded as issued', async () => {
    await votingOpen({}, 2);
    for (let i = 0; i < 2; i++) {
      const v = newVoter(kit.chain, ID);
      expect((await kit.cast(ID, v, commit(ID, v, choice).commitment)).error).toBe('');
    }
    const extra = newVoter(kit.chain, ID);
    expect((await kit.cast(ID, extra, commit(ID, extra, choice).commitment)).error).toBe(
      'voting.tokens_exhausted',
    );
    // Once the registrar records the token it handed out, it can vote.
    await kit.chain.send(kit.registrar, 'voting.record_issuance', { electionId: ID, count: 1 });
    expect((await kit.cast(ID, extra, commit(ID, extra, choice).commitment)).error).toBe('');
  });

  it('refuses a ballot for an unknown election', async () => {
    await votingOpen();
    const voter = newVoter(kit.chain, 'onbekend');
    expect((await kit.cast('onbekend', voter, 'ab'.repeat(32))).error).toBe('voting.unknown_election');
  });
});
