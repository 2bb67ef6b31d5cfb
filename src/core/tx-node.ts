// Node-side tx helpers: signing with cached node:crypto keys and decoding with the fast hash.
import { sign, verify } from './ed25519-node.ts';
import { sha256Hex } from './hash-node.ts';
import { parseSignedTx, type SignedTx, signedPartsOfCanonical, signingBytes, type TxEnvelope } from './tx.ts';

export interface DecodedTx {
  tx: SignedTx;
  /** Canonical JSON of the signed tx: the bytes that are hashed and stored. */
  canonical: string;
  /** Hex sha256 of the canonical bytes. */
  hash: string;
}

export function signTx<B>(env: TxEnvelope<B>, privateKeyHex: string): SignedTx<B> {
  return { ...env, sig: sign(privateKeyHex, signingBytes(env)) };
}

export function decodeTx(bytes: Uint8Array): DecodedTx {
  const { tx, canonical } = parseSignedTx(bytes);
  return { tx, canonical, hash: sha256Hex(canonical) };
}

export function verifyTxSignature(tx: SignedTx): boolean {
  return verify(tx.signer, signingBytes(tx), tx.sig);
}

/** verifyTxSignature for the canonical JSON of a shape-checked signed tx (DecodedTx.canonical). */
export function verifyCanonicalTxSignature(canonical: string): boolean {
  const parts = signedPartsOfCanonical(canonical);
  return parts !== undefined && verify(parts.signer, parts.message, parts.sig);
}
