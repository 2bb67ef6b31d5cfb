// Record-proof verification on the node (node:crypto). The browser binds the same pure core to @noble.
import { verify } from './ed25519-node.ts';
import { sha256 } from './hash-node.ts';
import {
  type RecordProofVerdict,
  type VerifyRecordProofOptions,
  verifyRecordProofWith,
} from './record-proof.ts';

export function verifyRecordProof(proof: unknown, opts?: VerifyRecordProofOptions): RecordProofVerdict {
  return verifyRecordProofWith({ sha256, verify }, proof, opts);
}
