// The processing log (in the spirit of the Logboek Dataverwerkingen standard): every time a
// partner stores, reads or erases off-ledger personal data, one entry says who, which case, which
// document, for what purpose and when. Entries form a hash chain, so an edited, removed or
// inserted entry shows; anchoring the head hash on the ledger (anchor.create) also exposes a
// truncated tail. The log holds no personal data itself: OINs, keys, case ids, hashes, purposes.
import type Database from 'better-sqlite3';
import { canonicalJson } from '../core/canonical.ts';
import { sha256Hex } from '../core/hash-node.ts';

export type ProcessingAction = 'store' | 'read' | 'erase';

export interface ProcessingEntry {
  seq: number;
  /** Wall-clock time of the processing (UTC); this log is node-local, not consensus. */
  time: string;
  action: ProcessingAction;
  /** The organisation that processed the data, and the key it signed the request with. */
  actor: { oin: string; pubKey: string };
  caseId: string;
  /** Salted hash of the document, or null for a whole case (erasure). */
  document: string | null;
  /** Why the data was processed (required for reads). */
  purpose: string;
  /** Hash of the previous entry (64 zeros for the first). */
  prevHash: string;
}

export interface LoggedEntry extends ProcessingEntry {
  hash: string;
}

export interface LogVerification {
  ok: boolean;
  count: number;
  head: string;
  /** Sequence number of the first entry that does not fit the chain. */
  brokenAt?: number;
  problem?: string;
}

const GENESIS = '0'.repeat(64);

export const entryHash = (e: ProcessingEntry) => sha256Hex(canonicalJson(e));

export class ProcessingLog {
  private readonly stmts;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: () => Date = () => new Date(),
  ) {
    db.exec(
      'CREATE TABLE IF NOT EXISTS processing_log (seq INTEGER PRIMARY KEY, entry TEXT NOT NULL, hash TEXT NOT NULL)',
    );
    this.stmts = {
      last: db.prepare<[], { seq: number; hash: string }>(
        'SELECT seq, hash FROM processing_log ORDER BY seq DESC LIMIT 1',
      ),
      insert: db.prepare('INSERT INTO processing_log (seq, entry, hash) VALUES (?, ?, ?)'),
      all: db.prepare<[], { entry: string; hash: string }>(
        'SELECT entry, hash FROM processing_log ORDER BY seq',
      ),
    };
  }

  append(e: Omit<ProcessingEntry, 'seq' | 'time' | 'prevHash'>): LoggedEntry {
    // One transaction, so two writers can never chain onto the same predecessor.
    return this.db.transaction(() => {
      const last = this.stmts.last.get();
      const entry: ProcessingEntry = {
        seq: (last?.seq ?? 0) + 1,
        time: this.clock().toISOString(),
        action: e.action,
        actor: { oin: e.actor.oin, pubKey: e.actor.pubKey },
        caseId: e.caseId,
        document: e.document,
        purpose: e.purpose,
        prevHash: last?.hash ?? GENESIS,
      };
      const hash = entryHash(entry);
      this.stmts.insert.run(entry.seq, canonicalJson(entry), hash);
      return { ...entry, hash };
    })();
  }

  /** The newest entry's sequence number and hash: anchor this on the ledger to fix the log so far. */
  head(): { seq: number; hash: string } {
    const last = this.stmts.last.get();
    return { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS };
  }

  entries(filter: { caseId?: string; oin?: string } = {}): LoggedEntry[] {
    const out: LoggedEntry[] = [];
    for (const row of this.stmts.all.iterate()) {
      const e = JSON.parse(row.entry) as ProcessingEntry;
      if (filter.caseId !== undefined && e.caseId !== filter.caseId) continue;
      if (filter.oin !== undefined && e.actor.oin !== filter.oin) continue;
      out.push({ ...e, hash: row.hash });
    }
    return out;
  }

  /** Walks the whole chain; with `anchored`, also checks that the anchored entry is still there. */
  verify(anchored?: { seq: number; hash: string }): LogVerification {
    let prev = GENESIS;
    let count = 0;
    let anchorSeen = anchored === undefined || anchored.seq === 0;
    for (const row of this.stmts.all.iterate()) {
      const e = JSON.parse(row.entry) as ProcessingEntry;
      const expectedSeq = count + 1;
      const broken = (problem: string): LogVerification => ({
        ok: false,
        count,
        head: prev,
        brokenAt: expectedSeq,
        problem,
      });
      if (e.seq !== expectedSeq) return broken(`entry ${expectedSeq} is missing`);
      if (e.prevHash !== prev) return broken(`entry ${e.seq} does not follow on entry ${e.seq - 1}`);
      if (entryHash(e) !== row.hash) return broken(`entry ${e.seq} was changed after it was written`);
      prev = row.hash;
      count += 1;
      if (anchored && e.seq === anchored.seq) {
        if (row.hash !== anchored.hash) return broken(`entry ${e.seq} differs from the anchored head`);
        anchorSeen = true;
      }
    }
    if (!anchorSeen) {
      return {
        ok: false,
        count,
        head: prev,
        brokenAt: count + 1,
        problem: `the log ends before the anchored entry ${anchored?.seq}`,
      };
    }
    return { ok: true, count, head: prev };
  }
}
