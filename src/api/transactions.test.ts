import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerNode } from '../engines/ledger-node.ts';
import {
  anchorBody,
  committedAsAlreadyAnchored,
  engineWith,
  startTestApi,
  type TestApi,
} from './test-support.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

async function waitFor(path: string, status = 200, timeoutMs = 5000): Promise<Response> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.get(path);
    if (res.status === status || Date.now() > until) return res;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('POST /v1/transactions', () => {
  it('accepts a signed tx with 202 pending and a Location that later shows the committed tx', async () => {
    const key = t.chain.newAccount();
    const body = anchorBody('Raadsbesluit 2026-014');
    const res = await t.submit(t.chain.sign(key, 'anchor.create', body));
    expect(res.status).toBe(202);
    const accepted = await res.json();
    expect(accepted).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), status: 'pending' });
    expect(res.headers.get('Location')).toBe(`/v1/transactions/${accepted.hash}`);

    const got = await waitFor(res.headers.get('Location')!);
    expect(got.status).toBe(200);
    const tx = await got.json();
    expect(tx).toMatchObject({
      hash: accepted.hash,
      type: 'anchor.create',
      signer: key.publicKey,
      nonce: 1,
      tx: { type: 'anchor.create', body, signer: key.publicKey },
      result: { code: 0, error: '' },
      participants: [key.publicKey],
      amount: null,
    });
    const block = await (await t.get(`/v1/blocks/${tx.height}`)).json();
    expect(tx.time).toBe(block.header.time);
    expect(block.txs[tx.index]).toMatchObject({ hash: accepted.hash, type: 'anchor.create', code: 0 });
  });

  it('with wait=commit answers 201 with the height, index and result, and the receipt can be fetched', async () => {
    const key = t.chain.newAccount();
    const body = anchorBody();
    const res = await t.submit(t.chain.sign(key, 'anchor.create', body), '?wait=commit');
    expect(res.status).toBe(201);
    const committed = await res.json();
    expect(committed).toMatchObject({
      status: 'committed',
      result: { code: 0, events: [{ type: 'anchor.created' }] },
    });
    expect(committed.height).toBeGreaterThan(0);
    expect(res.headers.get('Location')).toBe(`/v1/transactions/${committed.hash}`);

    const tx = await (await t.get(`/v1/transactions/${committed.hash}`)).json();
    expect(tx.height).toBe(committed.height);
    expect(tx.index).toBe(committed.index);
    expect(tx.receipt).toMatchObject({
      version: 1,
      chainId: t.chain.chainId,
      txHash: committed.hash,
      height: committed.height,
      index: committed.index,
      result: { code: 0 },
    });
    const anchor = await (await t.get(`/v1/anchors/${body.hash}`)).json();
    expect(anchor).toMatchObject({
      ...body,
      account: key.publicKey,
      txHash: committed.hash,
      height: committed.height,
    });
    const account = await (await t.get(`/v1/accounts/${key.publicKey}`)).json();
    expect(account).toEqual({ pubKey: key.publicKey, nonce: 1, nextNonce: 2, organisation: null });
  });

  it('lists the transactions of an account and of an organisation, newest first', async () => {
    const key = t.chain.newAccount();
    const first = await t.chain.send(key, 'anchor.create', anchorBody());
    const second = await t.chain.send(key, 'anchor.create', anchorBody());
    const list = await (await t.get(`/v1/transactions?account=${key.publicKey}`)).json();
    expect(list.items.map((i: { hash: string }) => i.hash)).toEqual([second.hash, first.hash]);
    expect(list.items[0]).toMatchObject({
      type: 'anchor.create',
      signer: key.publicKey,
      code: 0,
      height: second.height,
    });
    expect(list.next).toBeNull();

    const org = t.chain.orgs[0]!;
    const orgTx = await t.chain.send(org, 'identity.add_key', { pubKey: t.chain.newAccount().publicKey });
    const byOin = await (await t.get(`/v1/transactions?account=${org.oin}`)).json();
    expect(byOin.items[0].hash).toBe(orgTx.hash);
  });

  it('pages an account’s transactions with a next link that loses nothing', async () => {
    const key = t.chain.newAccount();
    const hashes: string[] = [];
    for (let i = 0; i < 5; i++) hashes.push((await t.chain.send(key, 'anchor.create', anchorBody())).hash);
    const seen: string[] = [];
    let next: string | null = `/v1/transactions?account=${key.publicKey}&limit=2`;
    while (next) {
      const res = await t.get(next);
      const page = await res.json();
      seen.push(...page.items.map((i: { hash: string }) => i.hash));
      if (page.next) expect(res.headers.get('Link')).toBe(`<${page.next}>; rel="next"`);
      next = page.next;
    }
    expect(seen).toEqual([...hashes].reverse());
  });

  it('answers 404 problem for a hash that was never committed', async () => {
    const res = await t.get(`/v1/transactions/${'ab'.repeat(32)}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({
      status: 404,
      code: 'api.not_found',
      type: '/v1/problems/api.not_found',
    });
  });
});

/** A node that behaves like the test chain except for what waitForCommit reports. */
function startStub(waitForCommit: LedgerNode['waitForCommit']): Promise<TestApi> {
  return startTestApi({
    api: { commitWaitMs: 50 },
    node: (chain) => engineWith(chain, { waitForCommit }),
  });
}

describe('POST /v1/transactions?wait=commit when the commit does not go as hoped', () => {
  // Check and deliver differ only in block time, so a committed refusal or a drop is hard to provoke
  // deterministically on a real chain; a node that reports one is enough to test the API's answer.
  it('answers 422 problem+json with the recorded result and the module’s stable code', async () => {
    const stub = await startStub(committedAsAlreadyAnchored);
    try {
      const res = await stub.submit(
        stub.chain.sign(stub.chain.newAccount(), 'anchor.create', anchorBody()),
        '?wait=commit',
      );
      expect(res.status).toBe(422);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
      const problem = await res.json();
      expect(problem).toMatchObject({
        type: '/v1/problems/anchor.already_anchored',
        title: 'Hash already anchored',
        status: 422,
        detail: 'This hash was already anchored at height 3.',
        code: 'anchor.already_anchored',
        height: 7,
        index: 2,
        result: { code: 1, error: 'anchor.already_anchored' },
      });
      expect(res.headers.get('Location')).toBe(`/v1/transactions/${problem.hash}`);
    } finally {
      await stub.close();
    }
  });

  it('answers 409 api.tx_dropped when the tx left the mempool without a commit', async () => {
    const stub = await startStub(async () => {
      throw new Error('dropped from the mempool on recheck: nonce already used');
    });
    try {
      const res = await stub.submit(
        stub.chain.sign(stub.chain.newAccount(), 'anchor.create', anchorBody()),
        '?wait=commit',
      );
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ code: 'api.tx_dropped', hash: expect.any(String) });
    } finally {
      await stub.close();
    }
  });

  it('answers 202 pending with a Location when the wait runs out', async () => {
    const stub = await startStub(
      (hash, ms) =>
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`${hash} not committed within ${ms} ms`)), ms),
        ),
    );
    try {
      const res = await stub.submit(
        stub.chain.sign(stub.chain.newAccount(), 'anchor.create', anchorBody()),
        '?wait=commit',
      );
      expect(res.status).toBe(202);
      const body = await res.json();
      expect(body.status).toBe('pending');
      expect(res.headers.get('Location')).toBe(`/v1/transactions/${body.hash}`);
    } finally {
      await stub.close();
    }
  });
});
