import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHex } from '../core/bytes.ts';
import { sha256 } from '../core/hash-node.ts';
import { verifySmtProof } from '../core/smt.ts';
import { anchorBody, startTestApi, type TestApi } from './test-support.ts';

let t: TestApi;
const anchored: Array<{ hash: string; label: string }> = [];
beforeAll(async () => {
  t = await startTestApi({
    chain: {
      orgs: [{ roles: ['sponsor'] }, { roles: ['notary'], member: true }, { roles: [], member: false }],
    },
  });
  const key = t.chain.newAccount();
  for (let i = 0; i < 5; i++) {
    const body = anchorBody(`Document ${i}`);
    anchored.push(body);
    await t.chain.send(key, 'anchor.create', body);
  }
});
afterAll(() => t.close());

const json = async (path: string) => {
  const res = await t.get(path);
  expect(res.status, path).toBe(200);
  return res.json();
};

describe('blocks', () => {
  it('lists blocks newest first and pages down to height 1', async () => {
    const top = t.chain.app.lastHeight;
    const heights: number[] = [];
    let next: string | null = '/v1/blocks?limit=2';
    while (next) {
      const page = await json(next);
      heights.push(...page.items.map((b: { height: number }) => b.height));
      next = page.next;
    }
    expect(heights).toEqual(Array.from({ length: top }, (_, i) => top - i));
  });

  it('shows one block with header, signatures and its txs', async () => {
    const block = await json('/v1/blocks/1');
    const stored = t.chain.app.store.block(1)!;
    expect(block).toMatchObject({
      height: 1,
      hash: stored.hash,
      header: stored.header,
      signatures: stored.signatures,
    });
    expect(block.signatures[0].pubKey).toBe(t.chain.nodeKey.publicKey);
    expect(block.txs[0]).toMatchObject({ index: 0, type: 'anchor.create', code: 0, error: '' });
  });

  it('answers 404 for a height beyond the chain', async () => {
    const res = await t.get(`/v1/blocks/${t.chain.app.lastHeight + 10}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'api.not_found' });
  });
});

describe('accounts and organisations', () => {
  it('shows an organisation key as belonging to its OIN', async () => {
    const org = t.chain.orgs[1]!;
    expect(await json(`/v1/accounts/${org.publicKey}`)).toEqual({
      pubKey: org.publicKey,
      nonce: 0,
      nextNonce: 1,
      organisation: org.oin,
    });
  });

  it('lists organisations and shows one by OIN', async () => {
    const list = await json('/v1/organisations');
    expect(list.items.map((o: { oin: string }) => o.oin).sort()).toEqual(
      t.chain.orgs.map((o) => o.oin).sort(),
    );
    const org = await json(`/v1/organisations/${t.chain.orgs[1]!.oin}`);
    expect(org).toMatchObject({ oin: t.chain.orgs[1]!.oin, roles: ['notary'], member: true });
  });
});

describe('proposals', () => {
  it('lists proposals by status and shows one with its votes', async () => {
    const [a] = t.chain.orgs;
    await t.chain.send(a!, 'identity.submit_proposal', {
      title: 'Notaris toevoegen',
      action: { kind: 'grant_role', oin: t.chain.orgs[2]!.oin!, role: 'notary' },
      deadline: new Date(Date.now() + 3600_000).toISOString(),
    });
    const open = await json('/v1/proposals?status=open');
    expect(open.items).toHaveLength(1);
    const p = await json(`/v1/proposals/${open.items[0].id}`);
    expect(p).toMatchObject({ title: 'Notaris toevoegen', approvals: [a!.oin], status: 'open' });
    expect((await json('/v1/proposals?status=passed')).items).toEqual([]);
    expect((await t.get('/v1/proposals?status=maybe')).status).toBe(400);
    const missing = await t.get('/v1/proposals/999');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'identity.unknown_proposal' });
  });
});

describe('anchors', () => {
  it('pages through anchors in hash order without repeats', async () => {
    const seen: string[] = [];
    let next: string | null = '/v1/anchors?limit=2';
    while (next) {
      const page = await json(next);
      seen.push(...page.items.map((a: { hash: string }) => a.hash));
      next = page.next;
    }
    expect(seen).toEqual(anchored.map((a) => a.hash).sort());
  });

  it('answers 404 for a hash that was never anchored', async () => {
    expect((await t.get(`/v1/anchors/${'cd'.repeat(32)}`)).status).toBe(404);
  });
});

describe('state proofs', () => {
  it('proves a present key against the latest app hash', async () => {
    const key = `anchor/${anchored[0]!.hash}`;
    const p = await json(`/v1/state-proofs/${encodeURIComponent(key)}`);
    expect(p.key).toBe(key);
    expect(p.value).toMatchObject({ hash: anchored[0]!.hash, label: anchored[0]!.label });
    expect(p.appHash).toBe(t.chain.app.info().lastBlockAppHash);
    expect(p.height).toBe(t.chain.app.lastHeight);
    expect(verifySmtProof(fromHex(p.appHash), key, sha256(p.rawValue), p.proof, sha256)).toBe(true);
    expect(verifySmtProof(fromHex(p.appHash), key, sha256(`${p.rawValue} `), p.proof, sha256)).toBe(false);
  });

  it('proves that an absent key is absent', async () => {
    const key = `anchor/${'ef'.repeat(32)}`;
    const p = await json(`/v1/state-proofs/${encodeURIComponent(key)}`);
    expect(p.value).toBeNull();
    expect(p.rawValue).toBeNull();
    expect(verifySmtProof(fromHex(p.appHash), key, null, p.proof, sha256)).toBe(true);
  });
});

describe('problem types', () => {
  it('resolves a problem type URI to its code, title and status', async () => {
    expect(await json('/v1/problems/tx.bad_nonce')).toEqual({
      type: '/v1/problems/tx.bad_nonce',
      code: 'tx.bad_nonce',
      title: 'Unexpected nonce',
      status: 409,
    });
    const all = await json('/v1/problems');
    expect(all.items.map((p: { code: string }) => p.code)).toContain('identity.not_member');
    expect((await t.get('/v1/problems/tx.nope')).status).toBe(404);
  });
});
