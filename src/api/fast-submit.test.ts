// The fast path for POST /v1/transactions must answer exactly as the Hono route does: both run
// against the same node here, one server with it and one without, and every answer is compared.
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerNode } from '../engines/ledger-node.ts';
import { createTestChain, type TestChain } from '../testing/test-chain.ts';
import { isPlainSubmit } from './fast-submit.ts';
import { type RunningApi, serveApi } from './server.ts';
import { anchorBody, committedAsAlreadyAnchored, engineWith } from './test-support.ts';

/** What a client sees of an answer, without what differs per connection or per tx. */
async function seen(res: Response) {
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!['date', 'connection', 'keep-alive', 'content-length', 'location'].includes(name))
      headers[name] = value;
  });
  return { status: res.status, headers, body: await res.json(), location: res.headers.get('location') };
}

function post(url: string, body: Uint8Array | string, headers: Record<string, string>) {
  return fetch(`${url}/v1/transactions${headers['x-query'] ?? ''}`, {
    method: 'POST',
    body: body as BodyInit,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

describe('POST /v1/transactions with and without the fast path', () => {
  let chain: TestChain;
  let fast: RunningApi;
  let hono: RunningApi;
  beforeAll(async () => {
    chain = await createTestChain();
    fast = await serveApi(chain.engine, { port: 0 });
    hono = await serveApi(chain.engine, { port: 0, fastSubmit: false });
  });
  afterAll(async () => {
    await fast.close();
    await hono.close();
    await chain.stop();
  });

  const anchorTx = () => chain.sign(chain.newAccount(), 'anchor.create', anchorBody());

  it('answers 202 pending with the same headers and body shape', async () => {
    const a = await seen(await post(fast.url, anchorTx(), {}));
    const b = await seen(await post(hono.url, anchorTx(), {}));
    expect(a.status).toBe(202);
    expect(a.headers).toEqual(b.headers);
    expect(a.headers['content-type']).toBe('application/json');
    expect(a.headers['api-version']).toBe('1.0.0');
    expect(Object.keys(a.body)).toEqual(Object.keys(b.body));
    expect(a.location).toBe(`/v1/transactions/${a.body.hash}`);
  });

  it('answers 201 committed with wait=commit, with the same headers and body shape', async () => {
    const wait = { 'x-query': '?wait=commit' };
    const a = await seen(await post(fast.url, anchorTx(), wait));
    const b = await seen(await post(hono.url, anchorTx(), wait));
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.headers).toEqual(b.headers);
    expect(Object.keys(a.body)).toEqual(Object.keys(b.body));
    expect(a.body).toMatchObject({ status: 'committed', result: { code: 0 } });
    expect(a.location).toBe(`/v1/transactions/${a.body.hash}`);
  });

  it('words refusals identically: replayed tx, invalid envelope, malformed JSON, cross-origin', async () => {
    const committed = anchorTx();
    expect((await post(fast.url, committed, { 'x-query': '?wait=commit' })).status).toBe(201);
    const cases: Array<[string, Uint8Array | string, Record<string, string>]> = [
      ['replayed', committed, {}],
      ['envelope without signature', JSON.stringify({ v: 1, type: 'anchor.create' }), {}],
      ['malformed JSON', '{"v":1,', {}],
      ['with an Origin header', committed, { Origin: 'https://elders.example' }],
      ['unknown query', committed, { 'x-query': '?wait=later' }],
    ];
    for (const [name, body, headers] of cases) {
      const a = await seen(await post(fast.url, body, headers));
      const b = await seen(await post(hono.url, body, headers));
      expect(a.status, name).toBeGreaterThanOrEqual(400);
      expect(a, name).toEqual(b);
    }
  });
});

describe('answers after the node took the tx, with and without the fast path', () => {
  // A node that accepts the tx but reports a committed refusal: the fast path writes that problem
  // itself (it cannot hand it to Hono, which would submit the tx a second time).
  async function bothWays(waitForCommit: LedgerNode['waitForCommit'], submit?: LedgerNode['submit']) {
    const chain = await createTestChain();
    const node = engineWith(chain, submit ? { waitForCommit, submit } : { waitForCommit });
    const answers = [];
    try {
      for (const fastSubmit of [true, false]) {
        const api = await serveApi(node, { port: 0, fastSubmit, commitWaitMs: 50 });
        try {
          const tx = chain.sign(chain.newAccount(), 'anchor.create', anchorBody());
          answers.push(await seen(await post(api.url, tx, { 'x-query': '?wait=commit' })));
        } finally {
          await api.close();
        }
      }
    } finally {
      await chain.stop();
    }
    // Each way signs its own tx: only the hash (and the Location made of it) may differ.
    const [a, b] = answers.map((x) => ({
      ...x,
      body: { ...x.body, hash: '' },
      location: x.location !== null,
    }));
    expect(a).toEqual(b);
    return a!;
  }

  it('a committed refusal: 422 with the recorded result', async () => {
    const a = await bothWays(committedAsAlreadyAnchored);
    expect(a.status).toBe(422);
    expect(a.location).toBe(true);
    expect(a.headers['content-type']).toBe('application/problem+json');
    expect(a.body).toMatchObject({
      code: 'anchor.already_anchored',
      instance: '/v1/transactions',
      height: 7,
    });
  });

  it('a dropped tx: 409 api.tx_dropped', async () => {
    const a = await bothWays(async () => {
      throw new Error('dropped from the mempool on recheck: nonce already used');
    });
    expect(a.status).toBe(409);
    expect(a.body.code).toBe('api.tx_dropped');
  });

  it('a node that cannot take the tx: 503 with Retry-After', async () => {
    const a = await bothWays(
      async () => {
        throw new Error('never reached');
      },
      async () => {
        throw new Error('the engine is stopping');
      },
    );
    expect(a.status).toBe(503);
    expect(a.headers['retry-after']).toBe('1');
    expect(a.body.detail).toContain('the engine is stopping');
  });
});

describe('isPlainSubmit', () => {
  const request = (method: string, url: string, headers: Record<string, string>) =>
    ({ method, url, headers }) as unknown as IncomingMessage;
  const json = { 'content-type': 'application/json', 'content-length': '300' };

  it('takes a POST of declared-length JSON to /v1/transactions, with or without wait=commit', () => {
    expect(isPlainSubmit(request('POST', '/v1/transactions', json))).toBe(true);
    expect(isPlainSubmit(request('POST', '/v1/transactions?wait=commit', json))).toBe(true);
    expect(
      isPlainSubmit(
        request('POST', '/v1/transactions', { ...json, 'content-type': 'application/json; charset=utf-8' }),
      ),
    ).toBe(true);
  });

  it('leaves everything else to Hono', () => {
    const { 'content-length': _, ...chunked } = json;
    for (const [method, url, headers] of [
      ['GET', '/v1/transactions', json],
      ['POST', '/v1/transactions/', json],
      ['POST', '/v1/transactions?wait=commit&x=1', json],
      ['POST', '/v1/elections/e1/ballots', json],
      ['POST', '/v1/transactions', chunked],
      ['POST', '/v1/transactions', { ...json, 'content-length': '200000' }],
      ['POST', '/v1/transactions', { ...json, 'content-type': 'text/plain' }],
      ['POST', '/v1/transactions', { ...json, origin: 'https://elders.example' }],
    ] as const) {
      expect(
        isPlainSubmit(request(method, url, headers)),
        `${method} ${url} ${JSON.stringify(headers)}`,
      ).toBe(false);
    }
  });
});
