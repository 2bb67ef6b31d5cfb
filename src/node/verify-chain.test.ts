import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../core/hash-node.ts';
import { createTestChain, type TestChain, tempDbPath } from '../testing/test-chain.ts';
import { verifyChain } from './verify-chain.ts';

let chain: TestChain | undefined;
afterEach(async () => {
  await chain?.stop();
  chain = undefined;
});

async function storedChain(blocks: number): Promise<string> {
  const dbPath = tempDbPath();
  chain = await createTestChain({
    dbPath,
    orgs: [{ roles: ['sponsor'] }, { roles: ['sponsor'], member: true }],
  });
  for (let i = 0; i < blocks; i++) {
    await chain.send(chain.newAccount(), 'anchor.create', {
      hash: sha256Hex(`v${i}`),
      label: `document ${i}`,
    });
  }
  await chain.stop();
  chain = undefined;
  return dbPath;
}

describe('verify', () => {
  it('passes on an untouched chain, replaying every tx from genesis', async () => {
    const dbPath = await storedChain(8);
    const progress: number[] = [];
    const r = await verifyChain({ dbPath, workers: 1, onProgress: (done) => progress.push(done) });
    expect(r).toMatchObject({ ok: true, height: 8, txs: 8 });
    expect(progress.at(-1)).toBe(8);
  });

  it('names the height of a tx whose stored bytes had one byte flipped', async () => {
    const dbPath = await storedChain(6);
    const db = new Database(dbPath);
    const row = db.prepare<[], { tx: string }>('SELECT tx FROM txs WHERE height = 4').get()!;
    const flipped = row.tx.replace('document 3', 'document 8');
    db.prepare('UPDATE txs SET tx = ? WHERE height = 4').run(flipped);
    db.close();
    const r = await verifyChain({ dbPath, workers: 1 });
    expect(r.ok).toBe(false);
    expect(r.firstBadHeight).toBe(4);
    expect(r.reason).toMatch(/hash|signature/);
  });

  it('names the height when a stored header’s app hash was altered', async () => {
    const dbPath = await storedChain(5);
    const db = new Database(dbPath);
    const row = db.prepare<[], { header: string }>('SELECT header FROM blocks WHERE height = 3').get()!;
    const header = JSON.parse(row.header);
    header.appHash = header.appHash.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    db.prepare('UPDATE blocks SET header = ? WHERE height = 3').run(JSON.stringify(header));
    db.close();
    const r = await verifyChain({ dbPath, workers: 1 });
    expect(r).toMatchObject({ ok: false, firstBadHeight: 3 });
  });

  it('detects stored state that differs from the replay and names the height it was written at', async () => {
    const dbPath = await storedChain(5);
    const db = new Database(dbPath);
    db.prepare(
      "UPDATE state SET value = replace(value, 'document 2', 'document X') WHERE key LIKE 'anchor/%' AND height = 3",
    ).run();
    db.close();
    const r = await verifyChain({ dbPath, workers: 1 });
    expect(r).toMatchObject({ ok: false, firstBadHeight: 3 });
    expect(r.reason).toMatch(/stored state/);
  });
});
