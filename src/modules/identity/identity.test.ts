import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../core/ed25519-node.ts';
import { fakeOin } from '../../node/genesis-builder.ts';
import { createTestChain, type TestChain } from '../../testing/test-chain.ts';
import { getOrg, getProposal } from './state.ts';

let chain: TestChain;
afterEach(async () => chain?.stop());

// Block times follow the wall clock in the embedded engine; deadlines are relative to now.
const later = (_c: TestChain, seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

async function threeMembers() {
  chain = await createTestChain({
    orgs: [
      { roles: ['sponsor'], member: true },
      { roles: ['sponsor'], member: true },
      { roles: ['notary'], member: true },
      { roles: ['provider'], member: false },
    ],
  });
  return chain;
}

describe('governance', () => {
  it('adds an organisation only after more than two thirds of the members approve', async () => {
    const c = await threeMembers();
    const [a, b, m3] = c.orgs as [(typeof c.orgs)[0], (typeof c.orgs)[0], (typeof c.orgs)[0]];
    const newKey = generateKeyPair();
    const oin = fakeOin(42);
    const submitted = await c.send(a, 'identity.submit_proposal', {
      title: 'Nieuwe partner',
      action: {
        kind: 'add_organisation',
        oin,
        name: 'Nieuwe partner (test)',
        roles: ['provider'],
        keys: [newKey.publicKey],
        member: false,
      },
      deadline: later(c, 3600),
    });
    expect(submitted.code).toBe(0);
    expect(getProposal(c.app.committed, '1')?.status).toBe('open');
    await c.send(b, 'identity.vote', { proposalId: '1', approve: true });
    // 2 of 3 is exactly two thirds: not enough.
    expect(getProposal(c.app.committed, '1')?.status).toBe('open');
    expect(getOrg(c.app.committed, oin)).toBeUndefined();
    await c.send(m3, 'identity.vote', { proposalId: '1', approve: true });
    expect(getProposal(c.app.committed, '1')?.status).toBe('passed');
    expect(getOrg(c.app.committed, oin)?.roles).toEqual(['provider']);
  });

  it('rejects a proposal as soon as it can no longer pass', async () => {
    const c = await threeMembers();
    await c.send(c.orgs[0]!, 'identity.submit_proposal', {
      title: 'Rol intrekken',
      action: { kind: 'revoke_role', oin: c.orgs[1]!.oin!, role: 'sponsor' },
      deadline: later(c, 3600),
    });
    await c.send(c.orgs[1]!, 'identity.vote', { proposalId: '1', approve: false });
    expect(getProposal(c.app.committed, '1')?.status).toBe('rejected');
    expect(getOrg(c.app.committed, c.orgs[1]!.oin!)?.roles).toEqual(['sponsor']);
  });

  it('refuses votes from non-members and double votes, and expires proposals at the deadline', async () => {
    const c = await threeMembers();
    await c.send(c.orgs[0]!, 'identity.submit_proposal', {
      title: 'Rol toekennen',
      action: { kind: 'grant_role', oin: c.orgs[3]!.oin!, role: 'issuer' },
      deadline: later(c, 1),
    });
    const nonMember = await c.trySend(c.orgs[3]!, 'identity.vote', { proposalId: '1', approve: true });
    expect(nonMember.error).toBe('identity.not_member');
    const citizen = await c.trySend(c.newAccount(), 'identity.vote', { proposalId: '1', approve: true });
    expect(citizen.error).toBe('identity.not_organisation_key');
    const again = await c.trySend(c.orgs[0]!, 'identity.vote', { proposalId: '1', approve: true });
    expect(again.error).toBe('identity.already_voted');
    await new Promise((r) => setTimeout(r, 1100));
    // Any later block runs the end-block expiry.
    await c.send(c.orgs[0]!, 'anchor.create', { hash: 'a'.repeat(64), label: 'tik' });
    expect(getProposal(c.app.committed, '1')?.status).toBe('expired');
    const late = await c.trySend(c.orgs[1]!, 'identity.vote', { proposalId: '1', approve: true });
    expect(late.error).toBe('identity.proposal_closed');
  });

  it('reports a validator update when a proposal adds a validator', async () => {
    const c = await threeMembers();
    const validatorKey = generateKeyPair().publicKey;
    const updates: unknown[] = [];
    const orig = c.app.finalizeDecoded.bind(c.app);
    c.app.finalizeDecoded = (req, txs) => {
      const r = orig(req, txs);
      updates.push(...r.validatorUpdates);
      return r;
    };
    await c.send(c.orgs[0]!, 'identity.submit_proposal', {
      title: 'Validator erbij',
      action: { kind: 'set_validator', oin: c.orgs[1]!.oin!, pubKey: validatorKey, power: 10 },
      deadline: later(c, 3600),
    });
    await c.send(c.orgs[1]!, 'identity.vote', { proposalId: '1', approve: true });
    await c.send(c.orgs[2]!, 'identity.vote', { proposalId: '1', approve: true });
    expect(updates).toEqual([{ pubKey: validatorKey, power: 10 }]);
    expect(getOrg(c.app.committed, c.orgs[1]!.oin!)?.validator).toEqual({ pubKey: validatorKey, power: 10 });
  });

  it('refuses a deadline outside the allowed voting period', async () => {
    const c = await threeMembers();
    const r = await c.trySend(c.orgs[0]!, 'identity.submit_proposal', {
      title: 'Te laat',
      action: { kind: 'grant_role', oin: c.orgs[3]!.oin!, role: 'issuer' },
      deadline: '2020-01-01T00:00:00.000Z',
    });
    expect(r.error).toBe('identity.bad_deadline');
  });

  it('refuses an invalid OIN in a proposal with a clear reason', async () => {
    const c = await threeMembers();
    const r = await c.trySend(c.orgs[0]!, 'identity.submit_proposal', {
      title: 'Fout OIN',
      action: { kind: 'remove_organisation', oin: '123' },
      deadline: later(c, 3600),
    });
    expect(r.error).toBe('tx.invalid_body');
    expect(r.log).toContain('OIN');
  });
});

describe('organisation keys', () => {
  it('rotates a key: the new key signs, the revoked key no longer acts for the organisation', async () => {
    chain = await createTestChain({ orgs: [{ roles: ['sponsor'] }] });
    const org = chain.orgs[0]!;
    const next = { ...generateKeyPair(), oin: org.oin };
    await chain.send(org, 'identity.add_key', { pubKey: next.publicKey });
    await chain.send(next, 'identity.revoke_key', { pubKey: org.publicKey });
    const stored = getOrg(chain.app.committed, org.oin!)!;
    expect(stored.keys.find((k) => k.pubKey === org.publicKey)?.revokedAtHeight).toBeGreaterThan(0);
    const old = await chain.trySend(org, 'identity.add_key', { pubKey: generateKeyPair().publicKey });
    expect(old.error).toBe('identity.not_organisation_key');
    const last = await chain.trySend(next, 'identity.revoke_key', { pubKey: next.publicKey });
    expect(last.error).toBe('identity.last_key');
  });
});
