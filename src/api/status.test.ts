import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorBody, startTestApi, type TestApi } from './test-support.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

describe('GET /v1/status', () => {
  it('describes the chain at genesis', async () => {
    const res = await t.get('/v1/status');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    const info = t.chain.app.info();
    expect(await res.json()).toEqual({
      chainId: t.chain.chainId,
      height: 0,
      appHash: info.lastBlockAppHash,
      engine: 'embedded',
      lastBlockHash: '0'.repeat(64),
      lastBlockTime: t.chain.app.genesis()!.genesisTime,
      mempoolSize: 0,
      nodePubKey: t.chain.nodeKey.publicKey,
      version: info.version,
    });
  });

  it('follows the chain: height, app hash and last block after a commit', async () => {
    const before = await (await t.get('/v1/status')).json();
    const sent = await t.chain.send(t.chain.newAccount(), 'anchor.create', anchorBody());
    const after = await (await t.get('/v1/status')).json();
    const block = t.chain.app.store.block(sent.height)!;
    expect(after.height).toBe(sent.height);
    expect(after.height).toBeGreaterThan(before.height);
    expect(after.appHash).toBe(block.header.appHash);
    expect(after.appHash).not.toBe(before.appHash);
    expect(after.lastBlockHash).toBe(block.hash);
    expect(after.lastBlockTime).toBe(block.header.time);
  });
});
