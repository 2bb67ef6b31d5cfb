// Builds record proofs from the node's store (see core/record-proof.ts for what a proof shows).
import type { LedgerApp } from '../../app/ledger-app.ts';
import {
  DOCUMENT_KEY_PREFIX,
  RECORD_KEY_PREFIX,
  type RecordProof,
  type RecordProofVerdict,
} from '../../core/record-proof.ts';
import { verifyRecordProof } from '../../core/record-proof-verify.ts';
import type { SparseMerkleTree } from '../../core/smt.ts';
import { listOrgs } from '../identity/state.ts';

export type RecordProofQuery = { recordId: string } | { documentHash: string };

export class RecordProofUnavailable extends Error {
  override name = 'RecordProofUnavailable';
  constructor(
    message: string,
    /** 'height': no committed block at that height; 'busy': a block is being applied, retry. */
    readonly reason: 'height' | 'busy',
  ) {
    super(message);
  }
}

function entry(app: LedgerApp, tree: SparseMerkleTree, key: string, height: number) {
  return { key, value: app.valueAt(key, height) ?? null, proof: tree.prove(key) };
}

/**
 * The proof of a record (by id or document hash) at `height` (default: the latest block), with the
 * verdict of checking it, which also carries the record's status at that height.
 */
export function buildRecordProof(
  app: LedgerApp,
  query: RecordProofQuery,
  height = app.lastHeight,
): { proof: RecordProof; verdict: RecordProofVerdict } {
  const block = height >= 1 && height <= app.lastHeight ? app.store.block(height) : undefined;
  if (!block)
    throw new RecordProofUnavailable(
      `There is no committed block at height ${height}; the latest is ${app.lastHeight}.`,
      'height',
    );
  const tree = app.treeAt(height);
  let recordId = 'recordId' in query ? query.recordId : undefined;
  let document: RecordProof['document'];
  if ('documentHash' in query) {
    document = entry(app, tree, DOCUMENT_KEY_PREFIX + query.documentHash, height);
    if (document.value !== null) recordId = (JSON.parse(document.value) as { recordId: string }).recordId;
  }
  const validators = listOrgs(app.committed)
    .flatMap((o) => (o.validator ? [o.validator] : []))
    .sort((a, b) => (a.pubKey < b.pubKey ? -1 : 1));
  const proof: RecordProof = {
    version: 1,
    type: 'ketenboek.record-proof',
    chainId: block.header.chainId,
    height,
    query,
    block: { hash: block.hash, header: block.header, signatures: block.signatures },
    validators,
    ...(document ? { document } : {}),
    ...(recordId !== undefined ? { record: entry(app, tree, RECORD_KEY_PREFIX + recordId, height) } : {}),
  };
  const verdict = verifyRecordProof(proof);
  // An engine that applies a block in steps (CometBFT: finalize, then commit) can briefly have a
  // tree ahead of the committed state: never hand out a proof that does not check.
  if (!verdict.valid)
    throw new RecordProofUnavailable('A block is being applied right now; ask again in a moment.', 'busy');
  return { proof, verdict };
}
