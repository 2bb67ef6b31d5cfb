// Blocks written on a worker thread: a tx is acknowledged only once its block is on disk, txs
// checked meanwhile see the decided state, and the chain written this way verifies and resumes.
import { afterEach, describe, expect, it } from 'vitest';
import { AppStore, type BlockCommit } from '../../app/app-store.ts';
import { LedgerApp } from '../../app/ledger-app.ts';
import { generateKeyPair } from '../../core/ed25519-node.ts';
import { sha256Hex } from '../../core/hash-node.ts';
import { encodeSignedTx } from '../../core/tx.ts';
import { signTx } from '../../core/tx-node.ts';
import { ALL_MODULES } from '../../modules/registry.ts';
import { buildGenesis, fakeOin } from '../../node/genesis-builder.ts';
import { verifyChain } from '../../node/verify-chain.ts';
import { createTestChain, type TestChain, tempDbPath } from '../../testing/test-chain.ts';

let chain: TestChain | undefined;
afterEach(async () => {
  await chain?.stop();
  chain = undefined;
});

describe('embedded engine with background block writes', () => {
  it('acknowledges a tx only when another connection can read its block from disk', async () => {
    const dbPath = tempDbPath();
    chain = await createTestChain({ dbPath, backgroundWrites: true, blockIntervalMs: 5 });
    const c = chain;
    const reader = new AppStore(dbPath, { readonly: true });
    const accounts = [c.newAccount(), c.newAccount(), c.newAccount()];
    // The first block also waits for the writer thread to start; after it blocks come quickly.
    await c.send(c.newAccount(), 'anchor.create', { hash: sha256Hex('warm-up'), label: 'warm-up' });
    const acked: Array<Promise<void>> = [];
    for (let i = 0; i < 300; i++) {
      const key = accounts[i % accounts.length]!;
      const bytes = c.sign(key, 'anchor.create', { hash: sha256Hex(`doc ${i}`), label: `doc ${i}` });
      const check = await c.engine.submit(bytes);
      expect(check.code).toBe(0);
      acked.push(
        c.engine.waitForCommit(check.hash).then((committed) => {
          // At the moment of the ack, the tx and its block are durable for any reader.
          const stored = reader.txByHash(committed.hash);
          expect(stored?.height).toBe(committed.height);
          expect(reader.block(committed.height)?.hash).toBeDefined();
        }),
      );
      if (i % 50 === 49) await new Promise((r) => setTimeout(r, 15));
    }
    await Promise.all(acked);
    expect(c.app.lastHeight).toBeGreaterThanOrEqual(4);
    reader.close();
  });

  it('checks new txs against the block still being written, and shows it only once durable', async () => {
    const { app, dbPath, key } = newApp();
    const anchor = (nonce: number, text: string) => anchorTx(key, nonce, text);
    app.finalizeBlock({ height: 1, time: '2026-01-01T00:00:01.000Z', txs: [anchor(1, 'a')], proposer: '' });
    const gated = () => {
      const gate: { commit?: BlockCommit; release: () => void } = { release: () => undefined };
      const write = (c: BlockCommit) => {
        gate.commit = c;
        return new Promise<void>((r) => {
          gate.release = r;
        });
      };
      return { gate, write };
    };
    const first = gated();
    const durable1 = app.commitInBackground([], first.write);
    // Decided but not on disk: the API-facing height stays, checks see the new state.
    expect(app.lastHeight).toBe(0);
    expect(app.nextHeight).toBe(2);
    expect(app.checkTx(anchor(2, 'a'), 'new').error).toBe('anchor.already_anchored');
    expect(app.checkTx(anchor(2, 'b'), 'new').code).toBe(0);
    expect(app.store.txByHash(sha256Hex(anchor(1, 'a')))).toBeUndefined();
    // The next block is decided on top of the one still being written, and sees its anchor.
    const block2 = app.finalizeBlock({
      height: 2,
      time: '2026-01-01T00:00:02.000Z',
      txs: [anchor(2, 'b'), anchor(3, 'a')],
      proposer: '',
    });
    expect(block2.txResults.map((r) => r.error)).toEqual(['', 'anchor.already_anchored']);
    const second = gated();
    const durable2 = app.commitInBackground([], second.write);
    expect(app.blocksBeingWritten).toBe(2);
    expect(() => app.commit()).toThrow(/still being written/);
    // Another connection writes the blocks in order, as the writer thread does.
    const writer = new AppStore(dbPath);
    writer.commitBlock(first.gate.commit!);
    first.gate.release();
    await durable1;
    expect(app.lastHeight).toBe(1);
    expect(app.store.txByHash(sha256Hex(anchor(1, 'a')))?.height).toBe(1);
    expect(app.store.txByHash(sha256Hex(anchor(2, 'b')))).toBeUndefined();
    // Block 2 now reads through to the store; the check state still sees both blocks.
    expect(app.checkTx(anchor(4, 'b'), 'new').error).toBe('anchor.already_anchored');
    writer.commitBlock(second.gate.commit!);
    writer.close();
    second.gate.release();
    await durable2;
    expect(app.lastHeight).toBe(2);
    expect(app.blocksBeingWritten).toBe(0);
    // The check state moved onto the store: nonce 4 is next, both anchors are there.
    expect(app.nextNonce(key.publicKey)).toBe(4);
    for (const text of ['a', 'b'])
      expect(
        app.query({ path: '/anchor/anchor', data: JSON.stringify({ hash: sha256Hex(text) }) }).value,
      ).toMatchObject({ label: text });
    app.close();
  });

  it('writes a chain that verifies and that a restart resumes at the same height and app hash', async () => {
    const dbPath = tempDbPath();
    chain = await createTestChain({ dbPath, backgroundWrites: true, blockIntervalMs: 5 });
    const c = chain;
    const key = c.newAccount();
    const results = [];
    for (let i = 0; i < 40; i++) {
      const check = await c.engine.submit(
        c.sign(key, 'anchor.create', { hash: sha256Hex(`v ${i}`), label: `v ${i}` }),
      );
      results.push(c.engine.waitForCommit(check.hash));
    }
    await Promise.all(results);
    const { lastBlockHeight, lastBlockAppHash } = c.app.info();
    await c.stop();
    chain = undefined;
    const report = await verifyChain({ dbPath, workers: 1 });
    expect(report).toMatchObject({ ok: true, height: lastBlockHeight });
    const reopened = new LedgerApp({ dbPath, modules: ALL_MODULES });
    expect(reopened.info()).toMatchObject({ lastBlockHeight, lastBlockAppHash });
    expect(reopened.account(key.publicKey).nonce).toBe(40);
    reopened.close();
  });

  it('carries the checked writes of waiting txs over a plain block instead of re-checking them', async () => {
    const { app, key } = newApp();
    const other = generateKeyPair();
    for (const [nonce, text] of [
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ] as const)
      expect(app.checkTx(anchorTx(key, nonce, text), 'new').code).toBe(0);
    // The block holds only the oldest accepted tx; the two younger ones keep waiting.
    app.finalizeBlock({
      height: 1,
      time: '2026-01-01T00:00:01.000Z',
      txs: [anchorTx(key, 1, 'a')],
      proposer: '',
    });
    const durable = app.commitInBackground([], () => Promise.resolve());
    expect(app.recheckNeeded).toBe(false);
    // Without any re-check the check state still holds the waiting txs: nonce 4 is next, and the
    // hash anchored by waiting tx 2 is taken.
    expect(app.nextNonce(key.publicKey)).toBe(4);
    expect(app.checkTx(anchorTx(other, 1, 'b'), 'new').error).toBe('anchor.already_anchored');
    await durable;
    expect(app.checkTx(anchorTx(key, 4, 'd'), 'new').code).toBe(0);
    app.close();
  });

  it('asks for a re-check after a block with a refused tx or one that is not the oldest accepted', async () => {
    const { app, key } = newApp();
    expect(app.checkTx(anchorTx(key, 1, 'a'), 'new').code).toBe(0);
    // A different tx than the one accepted (same nonce): the waiting tx is now stale.
    app.finalizeBlock({
      height: 1,
      time: '2026-01-01T00:00:01.000Z',
      txs: [anchorTx(key, 1, 'x')],
      proposer: '',
    });
    await app.commitInBackground([], () => Promise.resolve());
    expect(app.recheckNeeded).toBe(true);
    expect(app.nextNonce(key.publicKey)).toBe(2);
    // A refused tx in the block: re-check as well.
    expect(app.checkTx(anchorTx(key, 2, 'b'), 'new').code).toBe(0);
    app.finalizeBlock({
      height: 2,
      time: '2026-01-01T00:00:02.000Z',
      txs: [anchorTx(key, 2, 'b'), anchorTx(key, 3, 'x')],
      proposer: '',
    });
    await app.commitInBackground([], () => Promise.resolve());
    expect(app.recheckNeeded).toBe(true);
    app.close();
  });
});

function newApp() {
  const dbPath = tempDbPath();
  const key = generateKeyPair();
  const app = new LedgerApp({ dbPath, modules: ALL_MODULES });
  app.initChain(
    buildGenesis({
      chainId: 'bg',
      genesisTime: '2026-01-01T00:00:00.000Z',
      organisations: [
        {
          oin: fakeOin(1),
          name: 'Testorganisatie 1',
          roles: [],
          keys: [generateKeyPair().publicKey],
          member: true,
          validator: { pubKey: generateKeyPair().publicKey, power: 1 },
        },
      ],
    }),
  );
  return { app, dbPath, key };
}

function anchorTx(key: { publicKey: string; privateKey: string }, nonce: number, text: string): Uint8Array {
  return encodeSignedTx(
    signTx(
      {
        v: 1,
        chainId: 'bg',
        type: 'anchor.create',
        signer: key.publicKey,
        nonce,
        body: { hash: sha256Hex(text), label: text },
      },
      key.privateKey,
    ),
  );
}
