// Proof checks IN THE BROWSER: the ledger's own pure verifiers (src/core) bound to @noble SHA-256
// and the browser Ed25519 verify, which accepts exactly what the node accepts (strict RFC 8032,
// cofactorless). Nothing here asks the node whether a proof is valid.

import { verify } from '../../../src/core/ed25519-browser.ts';
import { sha256 } from '../../../src/core/hash.ts';
import type { ReceiptVerdict } from '../../../src/core/receipt.ts';
import { type VerifyReceiptOptions, verifyReceiptWith } from '../../../src/core/receipt-verify-core.ts';
import {
  type RecordProofVerdict,
  type VerifyRecordProofOptions,
  verifyRecordProofWith,
} from '../../../src/core/record-proof.ts';

const browserCrypto = { sha256, verify };

export type { ReceiptVerdict, RecordProofVerdict };

export function verifyReceiptInBrowser(receipt: unknown, opts?: VerifyReceiptOptions): ReceiptVerdict {
  return verifyReceiptWith(browserCrypto, receipt, opts);
}

export function verifyRecordProofInBrowser(
  proof: unknown,
  opts?: VerifyRecordProofOptions,
): RecordProofVerdict {
  return verifyRecordProofWith(browserCrypto, proof, opts);
}

/** SHA-256 of a file, computed here: the file itself is never uploaded. */
export async function sha256OfFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return [...sha256(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export type ProofKind = 'receipt' | 'record-proof' | 'unknown';

export function proofKind(value: unknown): ProofKind {
  if (typeof value !== 'object' || value === null) return 'unknown';
  const v = value as { type?: unknown; txHash?: unknown; proof?: { type?: unknown } };
  if (v.type === 'ketenboek.record-proof') return 'record-proof';
  if (typeof v.txHash === 'string') return 'receipt';
  return 'unknown';
}
