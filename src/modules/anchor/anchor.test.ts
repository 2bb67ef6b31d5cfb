import { afterEach, describe, expect, it } from 'vitest';
import { createTestChain, type TestChain } from '../../testing/test-chain.ts';
import { getAnchor } from './index.ts';

let chain: TestChain;
afterEach(async () => chain?.stop());

describe('anchors', () => {
  it('records the hash, label, account and block time of an anchored document', async () => {
    chain = await createTestChain();
    const citizen = chain.newAccount();
    const hash = 'b'.repeat(64);
    const r = await chain.send(citizen, 'anchor.create', { hash, label: 'testdocument' });
    const a = getAnchor(chain.app.committed, hash)!;
    expect(a).toMatchObject({
      hash,
      label: 'testdocument',
      account: citizen.publicKey,
      height: r.height,
      txHash: r.hash,
    });
    expect(a.time).toBe(chain.app.store.block(r.height)!.header.time);
  });

  it('refuses to anchor the same hash twice and keeps the first anchor', async () => {
    chain = await createTestChain();
    const hash = 'c'.repeat(64);
    await chain.send(chain.orgs[0]!, 'anchor.create', { hash, label: 'eerste' });
    const before = chain.app.info();
    const r = await chain.trySend(chain.newAccount(), 'anchor.create', { hash, label: 'tweede' });
    expect(r.error).toBe('anchor.already_anchored');
    expect(getAnchor(chain.app.committed, hash)!.label).toBe('eerste');
    expect(chain.app.info()).toEqual(before);
  });

  it('lists all validation problems of a bad anchor at once', async () => {
    chain = await createTestChain();
    const r = await chain.trySend(chain.newAccount(), 'anchor.create', { hash: 'XYZ', label: '', extra: 1 });
    expect(r.error).toBe('tx.invalid_body');
    expect(r.log).toMatch(/hash/);
    expect(r.log).toMatch(/label/);
    expect(r.log).toMatch(/extra/);
  });
});
