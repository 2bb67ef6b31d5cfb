import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorBody, openEvents, type SseEvent, startTestApi, type TestApi } from './test-support.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ api: { heartbeatMs: 100 } });
});
afterAll(() => t.close());

const data = (e: SseEvent) => JSON.parse(e.data);

describe('GET /v1/events', () => {
  it('streams committed txs live, one tx event per tx with id height:index', async () => {
    const events = await openEvents(`${t.url}/v1/events`);
    expect(events.response.status).toBe(200);
    const key = t.chain.newAccount();
    const a = await t.chain.send(key, 'anchor.create', anchorBody());
    const b = await t.chain.send(key, 'anchor.create', anchorBody());
    const first = await events.next();
    const second = await events.next();
    expect(first.event).toBe('tx');
    expect(first.id).toBe(`${a.height}:${t.chain.app.store.txByHash(a.hash)!.index}`);
    expect(data(first)).toMatchObject({
      hash: a.hash,
      height: a.height,
      type: 'anchor.create',
      signer: key.publicKey,
      code: 0,
      error: '',
      participants: [key.publicKey],
      amount: null,
      events: [{ type: 'anchor.created' }],
    });
    expect(data(first).time).toBe(t.chain.app.store.block(a.height)!.header.time);
    expect(data(second).hash).toBe(b.hash);
    events.close();
  });

  it('resumes with Last-Event-ID: exactly the missed txs, in order, then live again', async () => {
    const key = t.chain.newAccount();
    const events = await openEvents(`${t.url}/v1/events`);
    const seen = await t.chain.send(key, 'anchor.create', anchorBody());
    const last = await events.next();
    expect(data(last).hash).toBe(seen.hash);
    events.close();

    const missed: string[] = [];
    for (let i = 0; i < 4; i++) missed.push((await t.chain.send(key, 'anchor.create', anchorBody())).hash);

    const resumed = await openEvents(`${t.url}/v1/events`, { 'Last-Event-ID': last.id! });
    const replayed: SseEvent[] = [];
    for (let i = 0; i < missed.length; i++) replayed.push(await resumed.next());
    expect(replayed.map((e) => data(e).hash)).toEqual(missed);
    expect(await resumed.nextOrNone(150)).toBeUndefined(); // nothing twice

    const live = await t.chain.send(key, 'anchor.create', anchorBody());
    expect(data(await resumed.next()).hash).toBe(live.hash);
    resumed.close();
  });

  it('loses and repeats nothing when it resumes while blocks are being committed', async () => {
    const startHeight = t.chain.app.lastHeight;
    const keys = [t.chain.newAccount(), t.chain.newAccount(), t.chain.newAccount()];
    const sending = Promise.all(
      keys.map(async (key) => {
        for (let i = 0; i < 15; i++) await t.chain.send(key, 'anchor.create', anchorBody());
      }),
    );
    await new Promise((r) => setTimeout(r, 30)); // some are committed before we connect, some after
    const events = await openEvents(`${t.url}/v1/events?after=${startHeight}:0`);
    await sending;
    const expected = t.chain.app.store.txsAfter(startHeight, 0, 10_000).map((s) => `${s.height}:${s.index}`);
    const got: string[] = [];
    for (let i = 0; i < expected.length; i++) got.push((await events.next()).id!);
    expect(got).toEqual(expected);
    expect(await events.nextOrNone(150)).toBeUndefined();
    events.close();
  });

  it('Last-Event-ID takes precedence over ?after (what EventSource sends on reconnect)', async () => {
    const key = t.chain.newAccount();
    const a = await t.chain.send(key, 'anchor.create', anchorBody());
    const b = await t.chain.send(key, 'anchor.create', anchorBody());
    const idA = `${a.height}:${t.chain.app.store.txByHash(a.hash)!.index}`;
    const events = await openEvents(`${t.url}/v1/events?after=0:0&participant=${key.publicKey}`, {
      'Last-Event-ID': idA,
    });
    expect(data(await events.next()).hash).toBe(b.hash);
    events.close();
  });

  it('filters by tx type and by participant', async () => {
    const org = t.chain.orgs[0]!;
    const key = t.chain.newAccount();
    const byType = await openEvents(`${t.url}/v1/events?types=identity.add_key,identity.vote`);
    const byParticipant = await openEvents(`${t.url}/v1/events?participant=${key.publicKey}`);
    await t.chain.send(t.chain.newAccount(), 'anchor.create', anchorBody());
    const mine = await t.chain.send(key, 'anchor.create', anchorBody());
    const addKey = await t.chain.send(org, 'identity.add_key', { pubKey: t.chain.newAccount().publicKey });
    expect(data(await byType.next())).toMatchObject({ hash: addKey.hash, type: 'identity.add_key' });
    expect(data(await byParticipant.next()).hash).toBe(mine.hash);
    expect(await byParticipant.nextOrNone(100)).toBeUndefined();
    byType.close();
    byParticipant.close();
  });

  it('filters by module with a wildcard type such as identity.*', async () => {
    const org = t.chain.orgs[0]!;
    const byModule = await openEvents(`${t.url}/v1/events?types=identity.*`);
    await t.chain.send(t.chain.newAccount(), 'anchor.create', anchorBody());
    const addKey = await t.chain.send(org, 'identity.add_key', { pubKey: t.chain.newAccount().publicKey });
    expect(data(await byModule.next())).toMatchObject({ hash: addKey.hash, type: 'identity.add_key' });
    expect(await byModule.nextOrNone(100)).toBeUndefined();
    byModule.close();
  });

  it('sends heartbeat comments and stops listening to the node when the client goes away', async () => {
    const engine = t.chain.engine;
    const settle = async (count: number) => {
      const until = Date.now() + 2000;
      while (engine.listenerCount('block') !== count && Date.now() < until)
        await new Promise((r) => setTimeout(r, 20));
    };
    await settle(0); // streams of earlier tests are gone
    const baseline = engine.listenerCount('block');
    expect(baseline).toBe(0);
    const events = await openEvents(`${t.url}/v1/events`);
    await events.nextOrNone(350);
    expect(events.comments.filter((c) => c === 'heartbeat').length).toBeGreaterThanOrEqual(2);
    expect(engine.listenerCount('block')).toBe(baseline + 1);
    events.close();
    const until = Date.now() + 2000;
    while (engine.listenerCount('block') > baseline && Date.now() < until)
      await new Promise((r) => setTimeout(r, 20));
    expect(engine.listenerCount('block')).toBe(baseline);
  });
});
