// Every bad input answers with the right problem and changes nothing on the ledger.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anchorBody, signWith, startTestApi, type TestApi } from './test-support.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ chain: { orgs: [{ roles: ['sponsor'] }, { roles: ['notary'], member: false }] } });
});
afterAll(() => t.close());

async function snapshot(pubKeys: string[]) {
  const status = await (await t.get('/v1/status')).json();
  const nonces = await Promise.all(
    pubKeys.map(async (k) => (await (await t.get(`/v1/accounts/${k}`)).json()).nextNonce),
  );
  return { height: status.height, appHash: status.appHash, mempool: status.mempoolSize, nonces };
}

async function expectProblem(res: Response, status: number, code: string) {
  expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  const problem = await res.json();
  expect(problem).toMatchObject({ status, code, type: `/v1/problems/${code}`, instance: '/v1/transactions' });
  expect(typeof problem.title).toBe('string');
  expect(problem.detail.length).toBeGreaterThan(10);
  expect(res.status).toBe(status);
  return problem;
}

describe('refused transactions change nothing', () => {
  const key = { publicKey: '', privateKey: '' };
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    Object.assign(key, t.chain.newAccount());
    await t.chain.send(key, 'anchor.create', anchorBody()); // a history, so nonces are not trivially 1
  });
  beforeEach(async () => {
    before = await snapshot([key.publicKey, t.chain.orgs[1]!.publicKey]);
  });
  const unchanged = async () => {
    await new Promise((r) => setTimeout(r, 50)); // a block would have been cut by now
    expect(await snapshot([key.publicKey, t.chain.orgs[1]!.publicKey])).toEqual(before);
  };

  it('malformed JSON → 400 api.malformed_json', async () => {
    await expectProblem(await t.submit('{"v":1,"chainId":'), 400, 'api.malformed_json');
    await unchanged();
  });

  it('a content type other than application/json → 415', async () => {
    const bytes = t.chain.sign(key, 'anchor.create', anchorBody());
    await expectProblem(
      await t.post('/v1/transactions', bytes, { 'Content-Type': 'text/plain' }),
      415,
      'api.unsupported_media_type',
    );
    await expectProblem(await t.post('/v1/transactions', bytes), 415, 'api.unsupported_media_type');
    await unchanged();
  });

  it('a bad signature → 400 tx.bad_signature', async () => {
    const tx = JSON.parse(new TextDecoder().decode(t.chain.sign(key, 'anchor.create', anchorBody())));
    tx.sig = (tx.sig[0] === 'a' ? 'b' : 'a') + tx.sig.slice(1);
    await expectProblem(await t.submit(JSON.stringify(tx)), 400, 'tx.bad_signature');
    await unchanged();
  });

  it('a tx signed for another chain → 400 tx.wrong_chain', async () => {
    const bytes = signWith(key, {
      chainId: 'ketenboek-elders',
      type: 'anchor.create',
      nonce: before.nonces[0],
      body: anchorBody(),
    });
    await expectProblem(await t.submit(bytes), 400, 'tx.wrong_chain');
    await unchanged();
  });

  it('a replayed tx → 409 tx.duplicate', async () => {
    const bytes = t.chain.sign(key, 'anchor.create', anchorBody());
    expect((await t.submit(bytes, '?wait=commit')).status).toBe(201);
    before = await snapshot([key.publicKey, t.chain.orgs[1]!.publicKey]);
    await expectProblem(await t.submit(bytes), 409, 'tx.duplicate');
    await expectProblem(await t.submit(bytes, '?wait=commit'), 409, 'tx.duplicate');
    await unchanged();
  });

  it('an out-of-order nonce → 409 tx.bad_nonce with the expected nonce', async () => {
    const bytes = t.chain.sign(key, 'anchor.create', anchorBody(), before.nonces[0] + 3);
    const problem = await expectProblem(await t.submit(bytes), 409, 'tx.bad_nonce');
    expect(problem.expectedNonce).toBe(before.nonces[0]);
    await unchanged();
  });

  it('a tx over the ledger’s size limit → 413 tx.too_large; a body over the API limit → 413 api.payload_too_large', async () => {
    const big = t.chain.sign(key, 'anchor.create', { ...anchorBody(), label: 'x'.repeat(80 * 1024) });
    await expectProblem(await t.submit(big), 413, 'tx.too_large');
    const huge = t.chain.sign(key, 'anchor.create', { ...anchorBody(), label: 'x'.repeat(300 * 1024) });
    const problem = await expectProblem(await t.submit(huge), 413, 'api.payload_too_large');
    expect(problem.limit).toBe(128 * 1024);
    await unchanged();
  });

  it('a module refusal at check time → that error’s own status and code (409 anchor.already_anchored)', async () => {
    const body = anchorBody();
    expect((await t.submit(t.chain.sign(key, 'anchor.create', body), '?wait=commit')).status).toBe(201);
    before = await snapshot([key.publicKey, t.chain.orgs[1]!.publicKey]);
    const problem = await expectProblem(
      await t.submit(t.chain.sign(key, 'anchor.create', body)),
      409,
      'anchor.already_anchored',
    );
    expect(problem.title).toBe('Hash already anchored');
    await unchanged();
  });

  it('an unknown tx type → 400 tx.unknown_type', async () => {
    await expectProblem(
      await t.submit(t.chain.sign(key, 'anchor.destroy', { hash: 'x' })),
      400,
      'tx.unknown_type',
    );
    await unchanged();
  });

  it('an invalid body → 400 tx.invalid_body listing every invalid field', async () => {
    const bytes = t.chain.sign(key, 'anchor.create', { hash: 'not-a-hash', label: '', colour: 'red' });
    const problem = await expectProblem(await t.submit(bytes), 400, 'tx.invalid_body');
    const names = problem.invalidParams.map((p: { name: string }) => p.name).sort();
    expect(names).toEqual(['body.colour', 'body.hash', 'body.label']);
    for (const p of problem.invalidParams) expect(p.reason.length).toBeGreaterThan(3);
    await unchanged();
  });

  it('a malformed envelope → 400 tx.malformed listing every invalid field', async () => {
    const env = {
      v: 2,
      chainId: t.chain.chainId,
      type: 'Anchor',
      signer: key.publicKey,
      nonce: -1,
      body: [],
      sig: 'zz',
      extra: true,
    };
    const problem = await expectProblem(await t.submit(JSON.stringify(env)), 400, 'tx.malformed');
    const names = problem.invalidParams.map((p: { name: string }) => p.name).sort();
    expect(names).toEqual(['body', 'extra', 'nonce', 'sig', 'type', 'v']);
    await unchanged();
  });

  it('a governance vote by an organisation that is not a consortium member → 403 identity.not_member', async () => {
    const outsider = t.chain.orgs[1]!;
    const bytes = t.chain.sign(outsider, 'identity.vote', { proposalId: '1', approve: true });
    await expectProblem(await t.submit(bytes), 403, 'identity.not_member');
    await unchanged();
  });

  it('an invalid wait parameter and an invalid body are reported together', async () => {
    const res = await t.submit('{"v":1}', '?wait=forever');
    const problem = await expectProblem(res, 400, 'api.invalid_request');
    const names = problem.invalidParams.map((p: { name: string }) => p.name);
    expect(names).toContain('wait');
    expect(names).toContain('signer');
    await unchanged();
  });
});

describe('invalid input in paths and queries', () => {
  it('an invalid OIN → 400 naming the parameter; an unknown valid OIN → 404', async () => {
    const res = await t.get('/v1/organisations/12345');
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    const problem = await res.json();
    expect(problem).toMatchObject({ status: 400, code: 'api.invalid_request' });
    expect(problem.invalidParams).toEqual([{ name: 'oin', reason: expect.stringContaining('OIN') }]);

    const unknown = await t.get('/v1/organisations/00000004999999999999');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'identity.unknown_organisation' });
  });

  it('lists every invalid query parameter at once', async () => {
    const res = await t.get('/v1/blocks?limit=0&before=soon');
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(problem.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['before', 'limit']);
  });

  it('a malformed account key → 400; a malformed state key → 400', async () => {
    expect((await t.get('/v1/accounts/XYZ')).status).toBe(400);
    expect((await t.get('/v1/transactions?account=bob')).status).toBe(400);
    expect((await t.get('/v1/state-proofs/has%20space')).status).toBe(400);
    expect((await t.get('/v1/events?after=yesterday')).status).toBe(400);
  });

  it('never crashes on odd encodings', async () => {
    for (const path of [
      '/v1/organisations/%E0%A4%A',
      '/v1/blocks/%00',
      '/v1/state-proofs/%FF',
      '/v1/anchors?after=%',
      '/v1/proposals/%2F..',
    ]) {
      const res = await t.get(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('Content-Type'), path).toBe('application/problem+json');
    }
  });
});
