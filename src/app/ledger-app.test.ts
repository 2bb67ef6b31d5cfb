import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { utf8 } from '../core/bytes.ts';
import { generateKeyPair } from '../core/ed25519-node.ts';
import { sha256Hex } from '../core/hash-node.ts';
import { signTx } from '../core/tx-node.ts';
import { ALL_MODULES } from '../modules/registry.ts';
import { buildGenesis, fakeOin } from '../node/genesis-builder.ts';
import { createTestChain, type TestChain, tempDbPath } from '../testing/test-chain.ts';
import { LedgerApp } from './ledger-app.ts';

let chain: TestChain | undefined;
afterEach(async () => {
  await chain?.stop();
  chain = undefined;
});

const GENESIS_TIME = '2026-02-01T00:00:00.000Z';
const orgKey = generateKeyPair();
const genesis = buildGenesis({
  chainId: 'determinism',
  genesisTime: GENESIS_TIME,
  organisations: [
    { oin: fakeOin(1), name: 'Test', roles: ['sponsor'], keys: [orgKey.publicKey], member: true },
  ],
});

/** Serialises a signed tx with its object keys in a chosen order: same tx, different bytes. */
function encodeWithKeyOrder(tx: object, reverse: boolean): Uint8Array {
  const order = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(order);
    if (v && typeof v === 'object') {
      const keys = Object.keys(v).sort();
      if (reverse) keys.reverse();
      return Object.fromEntries(keys.map((k) => [k, order((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return utf8(JSON.stringify(order(tx)));
}

function runBlocks(
  blocks: Array<Array<{ key: ReturnType<typeof generateKeyPair>; label: string }>>,
  reverse: boolean,
): string[] {
  const app = new LedgerApp({ dbPath: ':memory:', modules: ALL_MODULES });
  app.initChain(genesis);
  const nonces = new Map<string, number>();
  const hashes: string[] = [];
  blocks.forEach((txs, i) => {
    const bytes = txs.map(({ key, label }) => {
      const nonce = (nonces.get(key.publicKey) ?? 0) + 1;
      nonces.set(key.publicKey, nonce);
      const tx = signTx(
        {
          v: 1,
          chainId: 'determinism',
          type: 'anchor.create',
          signer: key.publicKey,
          nonce,
          body: { label, hash: sha256Hex(label) },
        },
        key.privateKey,
      );
      return encodeWithKeyOrder(tx, reverse);
    });
    const time = new Date(Date.parse(GENESIS_TIME) + (i + 1) * 1000).toISOString();
    hashes.push(app.finalizeBlock({ height: i + 1, time, txs: bytes, proposer: '' }).appHash);
    app.commit();
  });
  app.close();
  return hashes;
}

describe('determinism', () => {
  it('gives the same app hash at every height whatever the key order of the submitted JSON', () => {
    const keys = [generateKeyPair(), generateKeyPair(), generateKeyPair()];
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.record({
              k: fc.integer({ min: 0, max: 2 }),
              label: fc.string({ minLength: 1, maxLength: 20 }),
            }),
            { maxLength: 6 },
          ),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        (spec) => {
          const blocks = spec.map((b) =>
            b.map(({ k, label }) => ({
              key: keys[k]!,
              label: [...label].map((ch) => (ch.charCodeAt(0) < 0x20 ? 'x' : ch)).join(''),
            })),
          );
          expect(runBlocks(blocks, false)).toEqual(runBlocks(blocks, true));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('replays a stored chain to identical app hashes under another time zone and locale', async () => {
    const dbPath = tempDbPath();
    chain = await createTestChain({ dbPath, orgs: [{ roles: ['sponsor'] }, { roles: ['provider'] }] });
    for (let i = 0; i < 20; i++) {
      await chain.send(i % 2 ? chain.orgs[0]! : chain.newAccount(), 'anchor.create', {
        hash: sha256Hex(`doc ${i}`),
        label: `Ünïcode label ${i} ß`,
      });
    }
    const height = chain.app.lastHeight;
    const appHash = chain.app.info().lastBlockAppHash;
    await chain.stop();
    chain = undefined;
    const copy = `${dbPath}.copy`;
    copyFileSync(dbPath, copy);
    if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${copy}-wal`);
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/fixtures/verify-db.ts', copy], {
      env: { ...process.env, TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
      encoding: 'utf8',
    });
    const result = JSON.parse(out);
    expect(result).toMatchObject({ ok: true, height });
    expect(result.appHash).toBe(appHash);
    expect(result.tz).toBe('Pacific/Chatham');
  });
});

describe('restart', () => {
  it('resumes at the same height and app hash after a restart', async () => {
    const dbPath = tempDbPath();
    chain = await createTestChain({ dbPath });
    for (let i = 0; i < 5; i++)
      await chain.send(chain.newAccount(), 'anchor.create', { hash: sha256Hex(`r${i}`), label: 'herstart' });
    const info = chain.app.info();
    await chain.stop();
    chain = undefined;
    const reopened = new LedgerApp({ dbPath, modules: ALL_MODULES });
    expect(reopened.info()).toEqual(info);
    reopened.close();
  });

  it('refuses to start on a store whose state was altered, naming the app-hash mismatch', async () => {
    const dbPath = tempDbPath();
    chain = await createTestChain({ dbPath });
    await chain.send(chain.newAccount(), 'anchor.create', { hash: sha256Hex('x'), label: 'origineel' });
    await chain.stop();
    chain = undefined;
    const app = new LedgerApp({ dbPath: ':memory:', modules: [] });
    app.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(dbPath);
    db.prepare(
      "UPDATE state SET value = replace(value, 'origineel', 'vervalst') WHERE key LIKE 'anchor/%'",
    ).run();
    db.close();
    expect(() => new LedgerApp({ dbPath, modules: ALL_MODULES })).toThrow(/app-hash mismatch/);
  });
});

describe('bad input', () => {
  it('never changes state for malformed, wrongly signed, foreign-chain, replayed or out-of-order txs', async () => {
    chain = await createTestChain();
    const c = chain;
    const acct = c.newAccount();
    await c.send(acct, 'anchor.create', { hash: sha256Hex('a'), label: 'eerste' });
    const before = c.app.info();
    const good = signTx(
      {
        v: 1,
        chainId: c.chainId,
        type: 'anchor.create',
        signer: acct.publicKey,
        nonce: 2,
        body: { hash: sha256Hex('b'), label: 'b' },
      },
      acct.privateKey,
    );
    const cases: Array<[string, Uint8Array]> = [
      ['tx.malformed', utf8('{not json')],
      ['tx.malformed', utf8('[]')],
      [
        'tx.bad_signature',
        utf8(JSON.stringify({ ...good, sig: good.sig.replace(/^./, good.sig[0] === 'a' ? 'b' : 'a') })),
      ],
      ['tx.wrong_chain', utf8(JSON.stringify(signTx({ ...good, chainId: 'other-chain' }, acct.privateKey)))],
      ['tx.bad_nonce', utf8(JSON.stringify(signTx({ ...good, nonce: 1 }, acct.privateKey)))],
      ['tx.bad_nonce', utf8(JSON.stringify(signTx({ ...good, nonce: 5 }, acct.privateKey)))],
      [
        'tx.too_large',
        utf8(
          JSON.stringify(
            signTx({ ...good, body: { hash: sha256Hex('c'), label: 'x'.repeat(70_000) } }, acct.privateKey),
          ),
        ),
      ],
      ['tx.unknown_type', utf8(JSON.stringify(signTx({ ...good, type: 'nothing.here' }, acct.privateKey)))],
    ];
    for (const [code, bytes] of cases) {
      const r = await c.engine.submit(bytes);
      expect(r.error, code).toBe(code);
    }
    const replay = await c.engine.submit(
      c.sign(acct, 'anchor.create', { hash: sha256Hex('a'), label: 'eerste' }, 1),
    );
    expect(replay.code).not.toBe(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(c.app.info()).toEqual(before);
    expect(c.app.account(acct.publicKey).nonce).toBe(1);
    expect(c.engine.mempoolSize()).toBe(0);
  });
});
