// One rule for "this block is vouched for", used by receipts, record proofs and full verify:
// validators holding more than 2/3 of the trusted voting power signed the block hash.
import type { BlockSignature } from '../app/app-store.ts';
import { isLowerHex, utf8 } from './bytes.ts';
import { BLOCK_SIGN_DOMAIN } from './receipt.ts';

export type VerifyFn = (publicKeyHex: string, message: Uint8Array, signatureHex: string) => boolean;

/** true when enough trusted power signed, else the reason in one sentence. */
export function checkBlockSignatures(
  verify: VerifyFn,
  blockHash: string,
  signatures: BlockSignature[],
  trusted: Array<{ pubKey: string; power: number }>,
): true | string {
  const total = trusted.reduce((s, v) => s + v.power, 0);
  if (total === 0) return 'no trusted validators';
  const msg = utf8(BLOCK_SIGN_DOMAIN + blockHash);
  let signed = 0;
  const seen = new Set<string>();
  for (const s of signatures) {
    const v = trusted.find((t) => t.pubKey === s.pubKey);
    if (!v || seen.has(s.pubKey) || !isLowerHex(s.sig, 64)) continue;
    if (verify(s.pubKey, msg, s.sig)) {
      seen.add(s.pubKey);
      signed += v.power;
    }
  }
  return signed * 3 > total * 2
    ? true
    : `validators with ${signed} of ${total} power signed; more than 2/3 is needed`;
}
