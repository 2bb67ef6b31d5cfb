// A record proof shows, offline, what a register record (property title, certificate, permit...)
// looked like at a committed height:
//  - the block header hashes to the block hash, and more than 2/3 of the validator power signed it,
//  - the record's state entry (or its absence) is proven against the header's app hash,
//  - when asked by document hash: the document index entry that names the record is proven too.
// The effective status (active, suspended, revoked, expired, not yet valid) is computed from the
// proven record and the block time, the same way the ledger computes it.
// Pure: the node and the browser bind their own sha256 and Ed25519 verify (as for receipts).
import type { BlockHeader, BlockSignature } from '../app/app-store.ts';
import { checkBlockSignatures } from './block-signatures.ts';
import { fromHex, toHex } from './bytes.ts';
import { canonicalJson } from './canonical.ts';
import { checklist } from './checklist.ts';
import type { ReceiptCheck } from './receipt.ts';
import type { ReceiptCrypto } from './receipt-verify-core.ts';
import { type SmtProof, verifySmtProof } from './smt.ts';

export type StoredRecordStatus = 'active' | 'suspended' | 'revoked' | 'expired';
/** `unknown`: no such record at that height. `not_yet_valid`: before its validFrom date. */
export type RecordStatus = StoredRecordStatus | 'not_yet_valid' | 'unknown';

export const RECORD_KEY_PREFIX = 'registry/record/';
export const DOCUMENT_KEY_PREFIX = 'registry/document/';

export interface RecordStatusInput {
  status: StoredRecordStatus;
  /** YYYY-MM-DD, first valid day. */
  validFrom: string;
  /** YYYY-MM-DD, last valid day. */
  validUntil?: string;
}

/**
 * The status of a record at block time `time`. A record is expired from the day after validUntil,
 * even before the end-block expiry has written that into state, so every reader agrees.
 */
export function effectiveStatus(r: RecordStatusInput, time: string): RecordStatus {
  if (r.status === 'revoked' || r.status === 'expired') return r.status;
  const day = time.slice(0, 10);
  if (r.validUntil !== undefined && r.validUntil < day) return 'expired';
  if (r.status === 'suspended') return 'suspended';
  return r.validFrom > day ? 'not_yet_valid' : 'active';
}

/** A state entry with its sparse Merkle proof; `value` null proves the key was absent. */
export interface ProvenEntry {
  key: string;
  value: string | null;
  proof: SmtProof;
}

export interface RecordProof {
  version: 1;
  type: 'ketenboek.record-proof';
  chainId: string;
  height: number;
  /** What was asked: a record id, or the SHA-256 of a document. */
  query: { recordId: string } | { documentHash: string };
  block: { hash: string; header: BlockHeader; signatures: BlockSignature[] };
  /** Validator keys the issuing node knew; a verifier should pin its own trusted set. */
  validators: Array<{ pubKey: string; power: number }>;
  /** The document index entry (only when asked by document hash). */
  document?: ProvenEntry;
  /** The record entry; absent only when a document hash names no record. */
  record?: ProvenEntry;
}

export interface VerifyRecordProofOptions {
  trustedValidators?: Array<{ pubKey: string; power: number }>;
  chainId?: string;
  /** The proof must be about this record. */
  recordId?: string;
  /** The proof must be about this document. */
  documentHash?: string;
  /** The proof must be for this height. */
  height?: number;
}

export interface RecordProofVerdict {
  valid: boolean;
  checks: ReceiptCheck[];
  /** Only meaningful when valid. */
  status: RecordStatus;
  height: number;
  time: string;
  recordId?: string;
  /** The proven record as stored (JSON), when it existed. */
  record?: Record<string, unknown>;
  /** Asked by document hash: true when the record still carries that document (false: amended since). */
  documentCurrent?: boolean;
}

export function verifyRecordProofWith(
  crypto: ReceiptCrypto,
  input: unknown,
  opts: VerifyRecordProofOptions = {},
): RecordProofVerdict {
  const { checks, check } = checklist();
  const p = input as RecordProof;
  if (
    typeof p !== 'object' ||
    p === null ||
    p.version !== 1 ||
    p.type !== 'ketenboek.record-proof' ||
    typeof p.block?.header !== 'object' ||
    typeof p.block.header.time !== 'string' ||
    typeof p.query !== 'object' ||
    p.query === null
  ) {
    return {
      valid: false,
      status: 'unknown',
      height: 0,
      time: '',
      checks: [{ name: 'format', ok: false, detail: 'not a Ketenboek record proof (version 1)' }],
    };
  }
  const h = p.block.header;
  const appHash = () => fromHex(h.appHash);
  const byDocument = 'documentHash' in p.query ? p.query.documentHash : undefined;
  let recordId = 'recordId' in p.query ? p.query.recordId : undefined;

  check('chain id', () => {
    if (opts.chainId !== undefined && h.chainId !== opts.chainId)
      return `proof is for chain ${h.chainId}, expected ${opts.chainId}`;
    return p.chainId === h.chainId ? true : 'the proof and its block name different chains';
  });
  check('block hash', () =>
    toHex(crypto.sha256(canonicalJson(h))) === p.block.hash
      ? true
      : 'the block header does not hash to the block hash',
  );
  check('block height', () => {
    if (h.height !== p.height) return `the header is for height ${h.height}, not ${p.height}`;
    if (opts.height !== undefined && p.height !== opts.height)
      return `the proof is for height ${p.height}, expected ${opts.height}`;
    return true;
  });
  check('validator signatures', () =>
    checkBlockSignatures(
      crypto.verify,
      p.block.hash,
      p.block.signatures,
      opts.trustedValidators ?? p.validators,
    ),
  );
  let documentCurrent: boolean | undefined;
  if (byDocument !== undefined) {
    check('document proof', () => {
      const d = p.document;
      if (!d || d.key !== DOCUMENT_KEY_PREFIX + byDocument)
        return 'the document proof is missing or for another key';
      if (!verifyEntry(crypto, appHash(), d))
        return 'the document index entry is not proven against the block’s app hash';
      if (d.value !== null) recordId = (JSON.parse(d.value) as { recordId: string }).recordId;
      return true;
    });
  }
  let record: Record<string, unknown> | undefined;
  if (recordId !== undefined) {
    const id = recordId;
    check('record proof', () => {
      const r = p.record;
      if (!r || r.key !== RECORD_KEY_PREFIX + id) return 'the record proof is missing or for another record';
      if (!verifyEntry(crypto, appHash(), r)) return 'the record is not proven against the block’s app hash';
      if (r.value !== null) {
        record = JSON.parse(r.value) as Record<string, unknown>;
        if (record.id !== id) return 'the proven value is another record';
      }
      return true;
    });
  }
  if (opts.recordId !== undefined || opts.documentHash !== undefined) {
    check('expected record', () => {
      if (opts.documentHash !== undefined && byDocument !== opts.documentHash)
        return `the proof is not about document ${opts.documentHash}`;
      if (opts.recordId !== undefined && recordId !== opts.recordId)
        return `the proof is about record ${recordId ?? '(none)'}, not ${opts.recordId}`;
      return true;
    });
  }
  if (record && byDocument !== undefined) documentCurrent = record.documentHash === byDocument;
  let status: RecordStatus = 'unknown';
  // A tampered record may lack its date fields: such a proof is invalid anyway, never a crash.
  if (record && typeof record.validFrom === 'string')
    status = effectiveStatus(record as unknown as RecordStatusInput, h.time);
  return {
    valid: checks.every((c) => c.ok),
    checks,
    status,
    height: p.height,
    time: h.time,
    ...(recordId !== undefined ? { recordId } : {}),
    ...(record ? { record } : {}),
    ...(documentCurrent !== undefined ? { documentCurrent } : {}),
  };
}

function verifyEntry(crypto: ReceiptCrypto, root: Uint8Array, e: ProvenEntry): boolean {
  if (e.value !== null && typeof e.value !== 'string') return false;
  const valueHash = e.value === null ? null : crypto.sha256(e.value);
  return verifySmtProof(root, e.key, valueHash, e.proof, crypto.sha256);
}
