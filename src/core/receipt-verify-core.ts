// Offline receipt verification, pure: callers bind sha256 and Ed25519 verify (node:crypto on the
// node, @noble in the browser; both behind the same strict rules in ed25519-rules.ts).
import { checkBlockSignatures } from './block-signatures.ts';
import { fromHex, toHex } from './bytes.ts';
import { canonicalJson } from './canonical.ts';
import { checklist } from './checklist.ts';
import { type MerkleProof, verifyMerkleProof } from './merkle.ts';
import type { Receipt, ReceiptVerdict } from './receipt.ts';
import { verifySmtProof } from './smt.ts';
import { signingBytes } from './tx.ts';

export interface ReceiptCrypto {
  sha256(data: Uint8Array | string): Uint8Array;
  verify(publicKeyHex: string, message: Uint8Array, signatureHex: string): boolean;
}

export interface VerifyReceiptOptions {
  /** Validator keys the verifier trusts (e.g. from its own genesis). Default: the receipt's list. */
  trustedValidators?: Array<{ pubKey: string; power: number }>;
  chainId?: string;
}

export function verifyReceiptWith(
  crypto: ReceiptCrypto,
  input: unknown,
  opts: VerifyReceiptOptions = {},
): ReceiptVerdict {
  const { checks, check } = checklist();
  const r = input as Receipt;
  if (typeof r !== 'object' || r === null || r.version !== 1 || !r.block?.header || !r.tx) {
    return {
      valid: false,
      checks: [{ name: 'format', ok: false, detail: 'not a Ketenboek receipt (version 1)' }],
    };
  }
  const hex = (b: Uint8Array) => toHex(b);
  const h = r.block.header;
  check('chain id', () => {
    if (opts.chainId && h.chainId !== opts.chainId)
      return `receipt is for chain ${h.chainId}, expected ${opts.chainId}`;
    return r.tx.chainId === h.chainId && r.chainId === h.chainId
      ? true
      : 'tx, block and receipt name different chains';
  });
  check('tx hash', () =>
    hex(crypto.sha256(canonicalJson(r.tx))) === r.txHash
      ? true
      : 'the tx does not hash to the receipt’s txHash',
  );
  check('tx signature', () =>
    crypto.verify(r.tx.signer, signingBytes(r.tx), r.tx.sig)
      ? true
      : 'the tx signature is not valid for its signer',
  );
  check('block hash', () =>
    hex(crypto.sha256(canonicalJson(h))) === r.block.hash
      ? true
      : 'the block header does not hash to the block hash',
  );
  check('block height', () =>
    h.height === r.height ? true : `the header is for height ${h.height}, not ${r.height}`,
  );
  check('tx in block', () =>
    proofAt(r.txProof, r.index, h.txCount) &&
    verifyMerkleProof(fromHex(h.txRoot), fromHex(r.txHash), r.txProof, crypto.sha256)
      ? true
      : 'the tx is not included in the block’s txRoot at its index',
  );
  check('result in block', () =>
    proofAt(r.resultProof, r.index, h.txCount) &&
    verifyMerkleProof(
      fromHex(h.resultsRoot),
      crypto.sha256(canonicalJson(r.result)),
      r.resultProof,
      crypto.sha256,
    )
      ? true
      : 'the result is not included in the block’s resultsRoot',
  );
  check('state proof', () => {
    if (r.stateProof.key !== `tx/${r.txHash}`) return 'the state proof is for another key';
    const rec = JSON.parse(r.stateProof.value) as {
      height: number;
      index: number;
      code: number;
      resultHash: string;
    };
    if (rec.height !== r.height || rec.index !== r.index) return 'the state record names another position';
    if (rec.resultHash !== hex(crypto.sha256(canonicalJson(r.result))))
      return 'the state record holds another result';
    return verifySmtProof(
      fromHex(h.appHash),
      r.stateProof.key,
      crypto.sha256(r.stateProof.value),
      r.stateProof.proof,
      crypto.sha256,
    )
      ? true
      : 'the tx record is not proven against the block’s app hash';
  });
  check('validator signatures', () =>
    checkBlockSignatures(
      crypto.verify,
      r.block.hash,
      r.block.signatures,
      opts.trustedValidators ?? r.validators,
    ),
  );
  if (r.nextHeader) {
    check('hash chain', () =>
      r.nextHeader!.prevHash === r.block.hash && r.nextHeader!.height === h.height + 1
        ? true
        : 'the next block does not link to this block',
    );
  }
  return { valid: checks.every((c) => c.ok), checks };
}

/** A Merkle audit path does not pin the leaf count: the signed header's txCount must. */
function proofAt(p: MerkleProof, index: number, txCount: number): boolean {
  return p.index === index && p.total === txCount;
}
