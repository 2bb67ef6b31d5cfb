// Durable storage of the application: current state, superseded versions (for history and proofs
// at past heights), blocks and tx results. One SQLite transaction per block with synchronous=FULL:
// when commitBlock returns, the block and its state are on disk, and only then is anything acked.
import Database from 'better-sqlite3';
import { KeyFilter } from './key-filter.ts';
import { type IterateOptions, type KVRead, prefixEnd } from './kv.ts';

export interface StoredBlock {
  height: number;
  hash: string;
  header: BlockHeader;
  signatures: BlockSignature[];
}

export interface BlockHeader {
  chainId: string;
  height: number;
  /** RFC 3339 UTC, millisecond precision. */
  time: string;
  /** Hash of the previous block header (64 zeros for height 1). */
  prevHash: string;
  /** RFC 6962 Merkle root over the tx hashes of this block. */
  txRoot: string;
  /** RFC 6962 Merkle root over the hashes of the canonical tx results. */
  resultsRoot: string;
  /** State commitment (sparse Merkle root) after executing this block. */
  appHash: string;
  txCount: number;
  proposer: string;
}

export interface BlockSignature {
  pubKey: string;
  sig: string;
}

export interface StoredTx {
  hash: string;
  height: number;
  index: number;
  /** Canonical JSON of the signed tx. */
  tx: string;
  /** Canonical JSON of the TxResult. */
  result: string;
}

export interface StateWrite {
  key: string;
  value: string | null;
}

export interface BlockCommit {
  block: StoredBlock;
  txs: StoredTx[];
  participants: Array<{ participant: string; index: number }>;
  writes: StateWrite[];
  meta: Record<string, string>;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL, height INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS state_history (
  key TEXT NOT NULL, from_height INTEGER NOT NULL, to_height INTEGER NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (key, to_height)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS blocks (
  height INTEGER PRIMARY KEY, hash TEXT NOT NULL, header TEXT NOT NULL, signatures TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS txs (
  height INTEGER NOT NULL, idx INTEGER NOT NULL, hash TEXT NOT NULL, tx TEXT NOT NULL, result TEXT NOT NULL,
  PRIMARY KEY (height, idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS txs_by_hash ON txs (hash);
CREATE TABLE IF NOT EXISTS tx_participants (
  participant TEXT NOT NULL, height INTEGER NOT NULL, idx INTEGER NOT NULL,
  PRIMARY KEY (participant, height, idx)) WITHOUT ROWID;
`;

export class AppStore implements KVRead {
  readonly db: Database.Database;
  private readonly stmts;

  /** Keeps only the current state (no history, blocks or txs): for replays that just compare hashes. */
  private readonly stateOnly: boolean;

  constructor(path: string, opts: { readonly?: boolean; stateOnly?: boolean } = {}) {
    this.stateOnly = opts.stateOnly === true;
    this.db = new Database(path, { readonly: opts.readonly === true, fileMustExist: opts.readonly === true });
    if (opts.readonly !== true) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      // Blocks insert thousands of rows at random places in the key indexes: a 64 MiB page cache
      // keeps those B-tree pages in memory, and checkpointing every ~80 MiB of WAL instead of every
      // 4 MiB copies each hot page to the database file once per many blocks instead of per block.
      this.db.pragma('cache_size = -65536');
      this.db.pragma('wal_autocheckpoint = 20000');
      this.db.exec(SCHEMA);
    }
    const db = this.db;
    this.stmts = {
      getMeta: db.prepare<[string], { v: string }>('SELECT v FROM meta WHERE k = ?'),
      setMeta: db.prepare(
        'INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v',
      ),
      get: db.prepare<[string], { value: string; height: number }>(
        'SELECT value, height FROM state WHERE key = ?',
      ),
      put: db.prepare(
        'INSERT INTO state (key, value, height) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, height = excluded.height',
      ),
      del: db.prepare('DELETE FROM state WHERE key = ?'),
      hist: db.prepare(
        'INSERT OR REPLACE INTO state_history (key, from_height, to_height, value) VALUES (?, ?, ?, ?)',
      ),
      range: db.prepare<[string, string, number], { key: string; value: string }>(
        'SELECT key, value FROM state WHERE key >= ? AND key < ? ORDER BY key LIMIT ?',
      ),
      rangeDesc: db.prepare<[string, string, number], { key: string; value: string }>(
        'SELECT key, value FROM state WHERE key >= ? AND key <= ? ORDER BY key DESC LIMIT ?',
      ),
      insBlock: db.prepare('INSERT INTO blocks (height, hash, header, signatures) VALUES (?, ?, ?, ?)'),
      insTx: db.prepare('INSERT INTO txs (height, idx, hash, tx, result) VALUES (?, ?, ?, ?, ?)'),
      insPart: db.prepare(
        'INSERT OR IGNORE INTO tx_participants (participant, height, idx) VALUES (?, ?, ?)',
      ),
      block: db.prepare<[number], RawBlock>(
        'SELECT height, hash, header, signatures FROM blocks WHERE height = ?',
      ),
      txByHash: db.prepare<[string], RawTx>(
        'SELECT height, idx, hash, tx, result FROM txs WHERE hash = ? ORDER BY height, idx LIMIT 1',
      ),
      txsOfBlock: db.prepare<[number], RawTx>(
        'SELECT height, idx, hash, tx, result FROM txs WHERE height = ? ORDER BY idx',
      ),
      txsAfter: db.prepare<[number, number, number, number], RawTx>(
        'SELECT height, idx, hash, tx, result FROM txs WHERE height > ? OR (height = ? AND idx > ?) ORDER BY height, idx LIMIT ?',
      ),
    };
    if (opts.readonly !== true) this.rebuildKeyFilter();
  }

  getMeta(k: string): string | undefined {
    return this.stmts.getMeta.get(k)?.v;
  }

  setMeta(k: string, v: string): void {
    this.stmts.setMeta.run(k, v);
  }

  get(key: string): string | undefined {
    return this.current(key)?.value;
  }

  /**
   * Committed values (and known absences) read recently. The app is the store's only writer and
   * updates the cache in commitBlock, so it never goes stale; it is bounded by starting afresh.
   */
  private readonly cache = new Map<string, { value: string; height: number } | null>();

  private current(key: string): { value: string; height: number } | undefined {
    let row = this.cache.get(key);
    if (row === undefined) {
      if (this.keys !== undefined && !this.keys.mightContain(key)) return undefined;
      row = this.stmts.get.get(key) ?? null;
      this.remember(key, row);
    }
    return row ?? undefined;
  }

  /**
   * Keys present in committed state, so that reads of absent keys skip SQLite. Only a writable
   * store keeps one: it is the sole writer, so the filter cannot miss a key another process wrote.
   */
  private keys: KeyFilter | undefined;

  private rebuildKeyFilter(): void {
    const count = this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM state').get()!.n;
    const filter = new KeyFilter(count * 2);
    for (const r of this.db.prepare<[], { key: string }>('SELECT key FROM state').iterate())
      filter.add(r.key);
    this.keys = filter;
  }

  private remember(key: string, row: { value: string; height: number } | null): void {
    if (this.cache.size >= 500_000) this.cache.clear();
    this.cache.set(key, row);
  }

  *iterate(prefix: string, opts: IterateOptions = {}): Iterable<[string, string]> {
    const limit = opts.limit ?? -1;
    const rows = opts.reverse
      ? this.stmts.rangeDesc.iterate(prefix, opts.start ?? prefixEnd(prefix), limit)
      : this.stmts.range.iterate(opts.start ?? prefix, prefixEnd(prefix), limit);
    for (const r of rows) yield [r.key, r.value];
  }

  /** Every current state entry, for rebuilding the Merkle tree at start-up. */
  *allState(): Iterable<[string, string]> {
    for (const r of this.db
      .prepare<[], { key: string; value: string }>('SELECT key, value FROM state')
      .iterate()) {
      yield [r.key, r.value];
    }
  }

  /** The state as it was right after block `height` committed (for proofs and history at a past height). */
  *stateAt(height: number): Iterable<[string, string]> {
    const cur = this.db.prepare<[number], { key: string; value: string }>(
      'SELECT key, value FROM state WHERE height <= ?',
    );
    for (const r of cur.iterate(height)) yield [r.key, r.value];
    const old = this.db.prepare<[number, number], { key: string; value: string }>(
      'SELECT key, value FROM state_history WHERE from_height <= ? AND to_height > ?',
    );
    for (const r of old.iterate(height, height)) yield [r.key, r.value];
  }

  /** The value of `key` right after block `height` committed, if it existed then. */
  valueAt(key: string, height: number): string | undefined {
    const cur = this.stmts.get.get(key);
    if (cur && cur.height <= height) return cur.value;
    const old = this.db
      .prepare<[string, number, number], { value: string }>(
        'SELECT value FROM state_history WHERE key = ? AND from_height <= ? AND to_height > ? LIMIT 1',
      )
      .get(key, height, height);
    return old?.value;
  }

  /** Versions of one key, oldest first, including the current one. */
  history(key: string): Array<{ fromHeight: number; toHeight: number | null; value: string }> {
    const rows = this.db
      .prepare<[string], { from_height: number; to_height: number; value: string }>(
        'SELECT from_height, to_height, value FROM state_history WHERE key = ? ORDER BY to_height',
      )
      .all(key)
      .map((r) => ({ fromHeight: r.from_height, toHeight: r.to_height as number | null, value: r.value }));
    const cur = this.stmts.get.get(key);
    if (cur) rows.push({ fromHeight: cur.height, toHeight: null, value: cur.value });
    return rows;
  }

  /** Writes one block atomically and durably. */
  commitBlock(c: BlockCommit): void {
    const h = c.block.height;
    const tx = this.db.transaction(() => {
      for (const w of c.writes) {
        const prev = this.current(w.key);
        if (prev && !this.stateOnly) this.stmts.hist.run(w.key, prev.height, h, prev.value);
        if (w.value === null) this.stmts.del.run(w.key);
        else this.stmts.put.run(w.key, w.value, h);
        this.learn(w, h);
      }
      if (!this.stateOnly) {
        this.stmts.insBlock.run(
          h,
          c.block.hash,
          JSON.stringify(c.block.header),
          JSON.stringify(c.block.signatures),
        );
        for (const t of c.txs) this.stmts.insTx.run(t.height, t.index, t.hash, t.tx, t.result);
        for (const p of c.participants) this.stmts.insPart.run(p.participant, h, p.index);
      }
      for (const [k, v] of Object.entries(c.meta)) this.stmts.setMeta.run(k, v);
    });
    try {
      tx();
    } catch (e) {
      this.cache.clear(); // the transaction rolled back: forget what it wrote
      throw e;
    }
    if (this.keys?.full) this.rebuildKeyFilter();
  }

  /**
   * Another connection (the background block writer) has durably written `c`: bring the read cache
   * and the key filter up to date, as commitBlock would have. No SQL.
   */
  noteCommitted(c: BlockCommit): void {
    for (const w of c.writes) this.learn(w, c.block.height);
    if (this.keys?.full) this.rebuildKeyFilter();
  }

  /** A committed write, into the read cache and the key filter. */
  private learn(w: StateWrite, height: number): void {
    if (w.value !== null && this.keys !== undefined && !this.keys.mightContain(w.key)) this.keys.add(w.key);
    this.remember(w.key, w.value === null ? null : { value: w.value, height });
  }

  /** The state written by InitChain (height 0) and the chain's metadata, atomically. */
  commitGenesis(writes: Array<{ key: string; value: string }>, meta: Record<string, string>): void {
    this.db.transaction(() => {
      for (const w of writes) this.stmts.put.run(w.key, w.value, 0);
      for (const [k, v] of Object.entries(meta)) this.stmts.setMeta.run(k, v);
    })();
    this.cache.clear();
    if (this.keys) this.rebuildKeyFilter();
  }

  /** Forgets all state (a crash between InitChain and block 1 makes the chain start again). */
  wipe(): void {
    this.db.exec('DELETE FROM state; DELETE FROM state_history; DELETE FROM meta;');
    this.cache.clear();
    if (this.keys) this.rebuildKeyFilter();
  }

  /** Records validator signatures that arrive after the block (CometBFT vote extensions). */
  setBlockSignatures(height: number, signatures: BlockSignature[]): void {
    this.db
      .prepare('UPDATE blocks SET signatures = ? WHERE height = ?')
      .run(JSON.stringify(signatures), height);
  }

  block(height: number): StoredBlock | undefined {
    const r = this.stmts.block.get(height);
    return r ? toBlock(r) : undefined;
  }

  blocks(fromHeight: number, toHeight: number): StoredBlock[] {
    return this.db
      .prepare<[number, number], RawBlock>(
        'SELECT height, hash, header, signatures FROM blocks WHERE height >= ? AND height <= ? ORDER BY height',
      )
      .all(fromHeight, toHeight)
      .map(toBlock);
  }

  *iterateBlocks(fromHeight = 1): Iterable<StoredBlock> {
    const it = this.db
      .prepare<[number], RawBlock>(
        'SELECT height, hash, header, signatures FROM blocks WHERE height >= ? ORDER BY height',
      )
      .iterate(fromHeight);
    for (const r of it) yield toBlock(r);
  }

  txByHash(hash: string): StoredTx | undefined {
    const r = this.stmts.txByHash.get(hash);
    return r ? toTx(r) : undefined;
  }

  txsOfBlock(height: number): StoredTx[] {
    return this.stmts.txsOfBlock.all(height).map(toTx);
  }

  /** Committed txs strictly after (height, index), in order: the events stream resumes with this. */
  txsAfter(height: number, index: number, limit: number): StoredTx[] {
    return this.stmts.txsAfter.all(height, height, index, limit).map(toTx);
  }

  txsOfParticipant(participant: string, limit: number, beforeHeight = Number.MAX_SAFE_INTEGER): StoredTx[] {
    return this.db
      .prepare<[string, number, number], RawTx>(
        `SELECT t.height, t.idx, t.hash, t.tx, t.result FROM tx_participants p
         JOIN txs t ON t.height = p.height AND t.idx = p.idx
         WHERE p.participant = ? AND p.height < ? ORDER BY p.height DESC, p.idx DESC LIMIT ?`,
      )
      .all(participant, beforeHeight, limit)
      .map(toTx);
  }

  close(): void {
    this.db.close();
  }
}

interface RawBlock {
  height: number;
  hash: string;
  header: string;
  signatures: string;
}

interface RawTx {
  height: number;
  idx: number;
  hash: string;
  tx: string;
  result: string;
}

function toBlock(r: RawBlock): StoredBlock {
  return {
    height: r.height,
    hash: r.hash,
    header: JSON.parse(r.header),
    signatures: JSON.parse(r.signatures),
  };
}

function toTx(r: RawTx): StoredTx {
  return { hash: r.hash, height: r.height, index: r.idx, tx: r.tx, result: r.result };
}
