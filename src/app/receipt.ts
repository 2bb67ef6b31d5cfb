// Builds receipts from the node's store (see core/receipt.ts for what a receipt proves).
import { fromHex } from '../core/bytes.ts';
import { sha256 } from '../core/hash-node.ts';
import { merkleProof } from '../core/merkle.ts';
import type { Receipt } from '../core/receipt.ts';
import type { SignedTx } from '../core/tx.ts';
import { listOrgs } from '../modules/identity/state.ts';
import { txRecordKey } from './accounts.ts';
import type { LedgerApp } from './ledger-app.ts';
import type { TxResult } from './types.ts';

export function buildReceipt(app: LedgerApp, hash: string): Receipt | undefined {
  const stored = app.store.txByHash(hash);
  if (!stored || stored.tx === '') return undefined;
  const block = app.store.block(stored.height);
  if (!block) return undefined;
  const txs = app.store.txsOfBlock(stored.height);
  const key = txRecordKey(hash);
  const tree = app.treeAt(stored.height);
  const value = app.valueAt(key, stored.height);
  if (value === undefined) return undefined; // a tx refused before execution has no state record
  const next = app.store.block(stored.height + 1);
  const validators = listOrgs(app.committed)
    .filter((o) => o.validator)
    .map((o) => o.validator!)
    .sort((a, b) => (a.pubKey < b.pubKey ? -1 : 1));
  return {
    version: 1,
    chainId: block.header.chainId,
    txHash: hash,
    tx: JSON.parse(stored.tx) as SignedTx,
    result: JSON.parse(stored.result) as TxResult,
    height: stored.height,
    index: stored.index,
    block: { hash: block.hash, header: block.header, signatures: block.signatures },
    txProof: merkleProof(
      txs.map((t) => fromHex(t.hash)),
      stored.index,
      sha256,
    ),
    resultProof: merkleProof(
      txs.map((t) => sha256(t.result)),
      stored.index,
      sha256,
    ),
    stateProof: { key, value, proof: tree.prove(key) },
    ...(next ? { nextHeader: next.header } : {}),
    validators,
  };
}
