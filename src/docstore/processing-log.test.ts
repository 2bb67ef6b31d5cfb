import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { entryHash, ProcessingLog } from './processing-log.ts';

let db: Database.Database;
let log: ProcessingLog;
const actor = { oin: '00000004999999000003', pubKey: 'a'.repeat(64) };

beforeEach(() => {
  db = new Database(':memory:');
  log = new ProcessingLog(db, () => new Date('2026-02-01T10:00:00.000Z'));
  for (const purpose of ['vordering controleren', 'inkomen beoordelen', 'betalingsregeling opstellen']) {
    log.append({ action: 'read', actor, caseId: '7', document: 'b'.repeat(64), purpose });
  }
});

const rawEntry = (seq: number) =>
  (db.prepare('SELECT entry FROM processing_log WHERE seq = ?').get(seq) as { entry: string }).entry;

describe('the processing log', () => {
  it('chains every entry to the one before it', () => {
    const entries = log.entries();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]!.prevHash).toBe('0'.repeat(64));
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(entries[2]).toMatchObject({
      actor,
      caseId: '7',
      purpose: 'betalingsregeling opstellen',
      time: '2026-02-01T10:00:00.000Z',
    });
    expect(log.verify()).toEqual({ ok: true, count: 3, head: entries[2]!.hash });
    expect(log.head()).toEqual({ seq: 3, hash: entries[2]!.hash });
  });

  it('shows an entry changed after it was written', () => {
    db.prepare('UPDATE processing_log SET entry = ? WHERE seq = 2').run(
      rawEntry(2).replace('inkomen beoordelen', 'onderhoud'),
    );
    expect(log.verify()).toMatchObject({
      ok: false,
      brokenAt: 2,
      problem: 'entry 2 was changed after it was written',
    });
  });

  it('shows a removed entry, and an entry rewritten with a fresh hash', () => {
    const forged = JSON.parse(rawEntry(2).replace('inkomen beoordelen', 'onderhoud'));
    db.prepare('UPDATE processing_log SET entry = ?, hash = ? WHERE seq = 2').run(
      JSON.stringify(forged),
      entryHash(forged),
    );
    expect(log.verify()).toMatchObject({
      ok: false,
      brokenAt: 3,
      problem: 'entry 3 does not follow on entry 2',
    });
    db.prepare('DELETE FROM processing_log WHERE seq = 2').run();
    expect(log.verify()).toMatchObject({ ok: false, brokenAt: 2, problem: 'entry 2 is missing' });
  });

  it('shows a removed tail only against an anchored head', () => {
    const anchored = log.head();
    db.prepare('DELETE FROM processing_log WHERE seq = 3').run();
    expect(log.verify().ok).toBe(true);
    expect(log.verify(anchored)).toMatchObject({
      ok: false,
      problem: 'the log ends before the anchored entry 3',
    });
  });

  it('filters by case and organisation', () => {
    log.append({
      action: 'read',
      actor: { ...actor, oin: '00000004999999000004' },
      caseId: '8',
      document: null,
      purpose: 'controle',
    });
    expect(log.entries({ caseId: '8' }).map((e) => e.seq)).toEqual([4]);
    expect(log.entries({ oin: actor.oin }).map((e) => e.seq)).toEqual([1, 2, 3]);
  });
});
