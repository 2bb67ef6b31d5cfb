// Receipt verification on the node (node:crypto). The browser binds the same pure core to @noble.
import { verify } from './ed25519-node.ts';
import { sha256 } from './hash-node.ts';
import type { ReceiptVerdict } from './receipt.ts';
import { type VerifyReceiptOptions, verifyReceiptWith } from './receipt-verify-core.ts';

export function verifyReceipt(receipt: unknown, opts?: VerifyReceiptOptions): ReceiptVerdict {
  return verifyReceiptWith({ sha256, verify }, receipt, opts);
}
