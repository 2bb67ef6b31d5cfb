// The off-ledger document store of a node: a SQLite file beside the app store, never part of
// consensus state. Each case has its own random AES-256-GCM key, kept wrapped by the node's master
// key; erasing a case destroys that key together with the ciphertexts. The ledger only learns the
// salted hash sha256(salt ‖ content) of each document: the salt is sealed with the document, so
// once the case key is gone nobody can link the hash on the ledger to any content again.
import Database from 'better-sqlite3';
import type { KVRead } from '../app/kv.ts';
import { concatBytes, toHex } from '../core/bytes.ts';
import { fail } from '../core/errors.ts';
import { sha256Hex } from '../core/hash-node.ts';
import { containsBsnLikeNumber, getCase, getCaseDocument } from '../modules/cases/keeper.ts';
import { requireCanStore, requireInvited } from './access.ts';
import { randomKey, randomSalt, seal, unseal } from './crypto.ts';
import { DocstoreErrors as E } from './errors.ts';
import { ProcessingLog } from './processing-log.ts';

export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
const SALT_BYTES = 32;

/** The organisation acting, and the key it proved that with. */
export interface Actor {
  oin: string;
  pubKey: string;
}

export interface DocumentInfo {
  caseId: string;
  /** sha256(salt ‖ content): what `cases.attach_document` records on the ledger. */
  hash: string;
  kind: string;
  mediaType: string;
  size: number;
  storedBy: string;
  storedAt: string;
}

export interface ReadDocument extends DocumentInfo {
  content: Uint8Array;
  /** Hex; lets the reader check sha256(salt ‖ content) against the hash on the ledger. */
  salt: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS case_keys (case_id TEXT PRIMARY KEY, wrapped_key BLOB NOT NULL, created_at TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS documents (
  case_id TEXT NOT NULL, hash TEXT NOT NULL, kind TEXT NOT NULL, media_type TEXT NOT NULL, size INTEGER NOT NULL,
  stored_by TEXT NOT NULL, stored_at TEXT NOT NULL, sealed BLOB NOT NULL,
  PRIMARY KEY (case_id, hash)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS erased_cases (case_id TEXT PRIMARY KEY, erased_at TEXT NOT NULL, documents INTEGER NOT NULL) WITHOUT ROWID;
`;

interface DocumentRow {
  case_id: string;
  hash: string;
  kind: string;
  media_type: string;
  size: number;
  stored_by: string;
  stored_at: string;
  sealed: Uint8Array;
}

const keyAad = (caseId: string) => `ketenboek-docstore:case-key:v1:${caseId}`;
const docAad = (caseId: string, hash: string) => `ketenboek-docstore:document:v1:${caseId}:${hash}`;

export class DocStore {
  readonly db: Database.Database;
  readonly log: ProcessingLog;
  private readonly masterKey: Uint8Array;
  private readonly clock: () => Date;

  /** `path` ':memory:' for tests; `masterKey` 32 bytes, kept outside this file (see node-docstore.ts). */
  constructor(opts: { path: string; masterKey: Uint8Array; clock?: () => Date }) {
    if (opts.masterKey.length !== 32) throw new Error('the document store master key must be 32 bytes');
    this.masterKey = opts.masterKey;
    this.clock = opts.clock ?? (() => new Date());
    this.db = new Database(opts.path);
    // Deleted keys and ciphertexts are overwritten in the file, not just unlinked from its pages.
    this.db.pragma('secure_delete = ON');
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
    this.log = new ProcessingLog(this.db, this.clock);
  }

  /**
   * Encrypts and keeps a document of an open case for an invited partner, and logs it. Returns the
   * hash to record with `cases.attach_document`; until then the document cannot be read.
   */
  put(
    ledger: KVRead,
    caseId: string,
    actor: Actor,
    content: Uint8Array,
    meta: { kind: string; mediaType: string },
  ): DocumentInfo {
    if (content.length > MAX_DOCUMENT_BYTES) {
      fail(
        E.too_large,
        `A document may be at most ${MAX_DOCUMENT_BYTES} bytes; this one is ${content.length}.`,
      );
    }
    const c = requireInvited(ledger, caseId, actor.oin);
    requireCanStore(ledger, c, meta.kind);
    this.requireNotErasedHere(caseId);
    const salt = randomSalt();
    const hash = sha256Hex(concatBytes(salt, content));
    const info: DocumentInfo = {
      caseId,
      hash,
      kind: meta.kind,
      mediaType: meta.mediaType,
      size: content.length,
      storedBy: actor.oin,
      storedAt: this.clock().toISOString(),
    };
    this.db.transaction(() => {
      const sealed = seal(this.caseKey(caseId, true)!, concatBytes(salt, content), docAad(caseId, hash));
      this.db
        .prepare(
          'INSERT INTO documents (case_id, hash, kind, media_type, size, stored_by, stored_at, sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(caseId, hash, info.kind, info.mediaType, info.size, info.storedBy, info.storedAt, sealed);
      this.log.append({ action: 'store', actor, caseId, document: hash, purpose: `store ${meta.kind}` });
    })();
    return info;
  }

  /** Decrypts a document for an invited partner, after logging the read with its purpose. */
  read(ledger: KVRead, caseId: string, hash: string, actor: Actor, purpose: string): ReadDocument {
    if (purpose.trim().length < 3) {
      fail(
        E.purpose_required,
        'Say why you read this personal data (purpose, at least 3 characters); every read is logged with it.',
      );
    }
    if (containsBsnLikeNumber(purpose)) {
      fail(
        E.personal_data_in_purpose,
        'The purpose looks like it contains a BSN; describe why you read the data, not whose data it is.',
      );
    }
    this.refuseIfErasedOnLedger(ledger, caseId);
    requireInvited(ledger, caseId, actor.oin);
    const row = this.row(caseId, hash);
    if (!row)
      fail(
        E.unknown_document,
        `This node holds no document ${hash} of case ${caseId}; ask the partner that attached it.`,
      );
    if (!getCaseDocument(ledger, caseId, hash)) {
      fail(
        E.not_attached,
        `Document ${hash} is not attached to case ${caseId} on the ledger yet; attach it with cases.attach_document first.`,
      );
    }
    let plain: Uint8Array;
    try {
      plain = unseal(this.caseKey(caseId, false)!, row.sealed, docAad(caseId, hash));
    } catch {
      fail(
        E.integrity,
        `Document ${hash} of case ${caseId} could not be decrypted: the stored copy is damaged.`,
      );
    }
    const salt = plain.subarray(0, SALT_BYTES);
    const content = plain.subarray(SALT_BYTES);
    if (sha256Hex(plain) !== hash)
      fail(E.integrity, `Document ${hash} of case ${caseId} does not match its hash.`);
    this.log.append({ action: 'read', actor, caseId, document: hash, purpose: purpose.trim() });
    return { ...toInfo(row), content, salt: toHex(salt) };
  }

  /** What this node holds for a case (metadata only: no content, so no read is logged). */
  list(caseId: string): DocumentInfo[] {
    return this.db
      .prepare<[string], DocumentRow>('SELECT * FROM documents WHERE case_id = ? ORDER BY stored_at, hash')
      .all(caseId)
      .map(toInfo);
  }

  /** Destroys the case key and every ciphertext of the case; logs it. Idempotent. */
  eraseCase(caseId: string, actor: Actor, purpose = 'erasure recorded on the ledger'): { documents: number } {
    const result = this.db.transaction(() => {
      if (this.isErasedHere(caseId)) return { documents: 0 };
      const documents = this.db.prepare('DELETE FROM documents WHERE case_id = ?').run(caseId).changes;
      this.db.prepare('DELETE FROM case_keys WHERE case_id = ?').run(caseId);
      this.db
        .prepare('INSERT INTO erased_cases (case_id, erased_at, documents) VALUES (?, ?, ?)')
        .run(caseId, this.clock().toISOString(), documents);
      this.log.append({ action: 'erase', actor, caseId, document: null, purpose });
      return { documents };
    })();
    // Older copies of the pages (with the wrapped key) may still sit in the write-ahead log.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return result;
  }

  /** Erases here every case the ledger says was erased (at start-up and after each block). */
  sweepErased(ledger: KVRead, caseIds?: string[]): string[] {
    const ids =
      caseIds ??
      this.db
        .prepare<[], { case_id: string }>('SELECT case_id FROM case_keys')
        .all()
        .map((r) => r.case_id);
    const erased: string[] = [];
    for (const id of ids) {
      const c = getCase(ledger, id);
      if (c?.status !== 'erased' || this.isErasedHere(id)) continue;
      this.eraseCase(
        id,
        { oin: c.erasure?.by ?? '', pubKey: '' },
        `erasure recorded on the ledger in tx ${c.erasure?.txHash}`,
      );
      erased.push(id);
    }
    return erased;
  }

  isErasedHere(caseId: string): boolean {
    return this.db.prepare('SELECT 1 FROM erased_cases WHERE case_id = ?').get(caseId) !== undefined;
  }

  close(): void {
    this.db.close();
  }

  private refuseIfErasedOnLedger(ledger: KVRead, caseId: string): void {
    // The ledger is the source of truth: if this node missed the erasure, it catches up now.
    if (getCase(ledger, caseId)?.status === 'erased') this.sweepErased(ledger, [caseId]);
    this.requireNotErasedHere(caseId);
  }

  private requireNotErasedHere(caseId: string): void {
    if (this.isErasedHere(caseId))
      fail(E.erased, `The documents of case ${caseId} were erased; its key no longer exists.`);
  }

  private row(caseId: string, hash: string): DocumentRow | undefined {
    return this.db
      .prepare<[string, string], DocumentRow>('SELECT * FROM documents WHERE case_id = ? AND hash = ?')
      .get(caseId, hash);
  }

  private caseKey(caseId: string, create: boolean): Uint8Array | undefined {
    const row = this.db
      .prepare<[string], { wrapped_key: Uint8Array }>('SELECT wrapped_key FROM case_keys WHERE case_id = ?')
      .get(caseId);
    if (row) return unseal(this.masterKey, row.wrapped_key, keyAad(caseId));
    if (!create) return undefined;
    const key = randomKey();
    this.db
      .prepare('INSERT INTO case_keys (case_id, wrapped_key, created_at) VALUES (?, ?, ?)')
      .run(caseId, seal(this.masterKey, key, keyAad(caseId)), this.clock().toISOString());
    return key;
  }
}

function toInfo(r: DocumentRow): DocumentInfo {
  return {
    caseId: r.case_id,
    hash: r.hash,
    kind: r.kind,
    mediaType: r.media_type,
    size: r.size,
    storedBy: r.stored_by,
    storedAt: r.stored_at,
  };
}
