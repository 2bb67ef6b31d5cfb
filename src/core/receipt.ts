// A receipt proves, offline, that a tx was committed with a given result:
//  - the tx's own signature (strict Ed25519),
//  - the tx hash is a leaf of the block's txRoot, and its result a leaf of resultsRoot,
//  - the state record tx/<hash> (height, index, result hash) is in the app hash of that block,
//  - the block header hashes to the block hash, which validators signed,
//  - the next header (when there is one) links back to this block by prevHash.
// Pure: the node and the browser bind their own sha256 and Ed25519 verify (same strict rules).
import type { BlockHeader, BlockSignature } from '../app/app-store.ts';
import type { TxResult } from '../app/types.ts';
import type { MerkleProof } from './merkle.ts';
import type { SmtProof } from './smt.ts';
import type { SignedTx } from './tx.ts';

export const BLOCK_SIGN_DOMAIN = 'ketenboek/block/v1\n';

export interface Receipt {
  version: 1;
  chainId: string;
  txHash: string;
  tx: SignedTx;
  result: TxResult;
  height: number;
  index: number;
  block: { hash: string; header: BlockHeader; signatures: BlockSignature[] };
  txProof: MerkleProof;
  resultProof: MerkleProof;
  stateProof: { key: string; value: string; proof: SmtProof };
  /** The header of the following block, if any: it must link to this block. */
  nextHeader?: BlockHeader;
  /** Validator keys and powers the issuing node knew; a verifier should pin its own trusted set. */
  validators: Array<{ pubKey: string; power: number }>;
}

export interface ReceiptCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ReceiptVerdict {
  valid: boolean;
  checks: ReceiptCheck[];
}
