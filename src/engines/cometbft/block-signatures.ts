// Validator signatures on the app's own blocks, so receipts from a CometBFT network verify like
// receipts from the embedded engine: validators with more than 2/3 of the power signed
// BLOCK_SIGN_DOMAIN + the app block hash (src/core/receipt.ts).
//
// CometBFT's own signatures cover its block, not the app's header, so they travel as ABCI 2.0
// vote extensions:
//   ExtendVote at height h        each validator signs app block h−1 (committed by then);
//   VerifyVoteExtension           the others check that signature against the signer's key;
//   PrepareProposal at h+1        the proposer puts the signatures it received with the precommits
//                                 of h into one "signatures tx", first in the block;
//   ProcessProposal               every validator checks that tx, and rejects a forged one;
//   FinalizeBlock / Commit        every node stores the signatures with app block h−1
//                                 (observed-app.ts), so a receipt has them two blocks later.
import { BlockIDFlag } from 'cosmjs-types/tendermint/types/validator';
import type { BlockSignature } from '../../app/app-store.ts';
import type { LedgerApp } from '../../app/ledger-app.ts';
import { canonicalJson } from '../../core/canonical.ts';
import { sign, verify } from '../../core/ed25519-node.ts';
import { BLOCK_SIGN_DOMAIN } from '../../core/receipt.ts';
import { listOrgs } from '../../modules/identity/state.ts';
import { bytesToHex, hexToBytes, utf8 } from './abci-convert.ts';
import { cometbftAddress } from './cometbft-keys.ts';

/** Marks the signatures tx. Not JSON, so CheckTx refuses it: no client can put one in the mempool. */
export const SIGNATURES_TX_PREFIX = 'ketenboek/block-signatures/v1\n';
const PREFIX_BYTES = utf8(SIGNATURES_TX_PREFIX);

export interface SignaturesTx {
  /** The app block the signatures are for. */
  height: number;
  signatures: BlockSignature[];
}

export function isSignaturesTx(tx: Uint8Array): boolean {
  if (tx.length < PREFIX_BYTES.length) return false;
  for (let i = 0; i < PREFIX_BYTES.length; i++) if (tx[i] !== PREFIX_BYTES[i]) return false;
  return true;
}

export function encodeSignaturesTx(s: SignaturesTx): Uint8Array {
  return utf8(SIGNATURES_TX_PREFIX + canonicalJson(s));
}

/** undefined when the bytes are not a well-formed signatures tx. */
export function decodeSignaturesTx(tx: Uint8Array): SignaturesTx | undefined {
  if (!isSignaturesTx(tx)) return undefined;
  try {
    const s = JSON.parse(new TextDecoder().decode(tx.subarray(PREFIX_BYTES.length))) as SignaturesTx;
    const wellFormed =
      Number.isSafeInteger(s.height) &&
      Array.isArray(s.signatures) &&
      s.signatures.every((x) => typeof x?.pubKey === 'string' && typeof x?.sig === 'string');
    return wellFormed ? s : undefined;
  } catch {
    return undefined;
  }
}

export interface ExtendedVote {
  validatorAddress: Uint8Array;
  voteExtension: Uint8Array;
  blockIdFlag: BlockIDFlag;
}

export class BlockSigner {
  constructor(
    private readonly app: LedgerApp,
    private readonly nodeKey: { publicKey: string; privateKey: string },
  ) {}

  /** ExtendVote at `height`: this validator's signature on app block height − 1 (empty at the start). */
  extendVote(height: number): Uint8Array {
    const block = this.app.store.block(height - 1);
    if (!block) return new Uint8Array();
    return hexToBytes(sign(this.nodeKey.privateKey, utf8(BLOCK_SIGN_DOMAIN + block.hash)));
  }

  /**
   * VerifyVoteExtension at `height`. An empty extension is accepted (a validator may have nothing
   * to sign yet); anything else must be the sender's valid signature on app block height − 1.
   */
  verifyVoteExtension(height: number, validatorAddress: Uint8Array, extension: Uint8Array): boolean {
    if (extension.length === 0) return true;
    const block = this.app.store.block(height - 1);
    const pubKey = this.validatorKeys().get(bytesToHex(validatorAddress).toUpperCase());
    if (!block || !pubKey || extension.length !== 64) return false;
    return verify(pubKey, utf8(BLOCK_SIGN_DOMAIN + block.hash), bytesToHex(extension));
  }

  /** PrepareProposal at `height`: the signatures tx for app block height − 2, if there are signatures. */
  signaturesTx(height: number, votes: ExtendedVote[]): Uint8Array | undefined {
    const target = height - 2;
    const block = target >= 1 ? this.app.store.block(target) : undefined;
    if (!block) return undefined;
    const keys = this.validatorKeys();
    const message = utf8(BLOCK_SIGN_DOMAIN + block.hash);
    const signatures: BlockSignature[] = [];
    for (const vote of votes) {
      if (vote.blockIdFlag !== BlockIDFlag.BLOCK_ID_FLAG_COMMIT || vote.voteExtension.length !== 64) continue;
      const pubKey = keys.get(bytesToHex(vote.validatorAddress).toUpperCase());
      const sig = bytesToHex(vote.voteExtension);
      // CometBFT already had these verified; checking again keeps a bad one from sinking the proposal.
      if (pubKey && verify(pubKey, message, sig)) signatures.push({ pubKey, sig });
    }
    if (signatures.length === 0) return undefined;
    signatures.sort((a, b) => (a.pubKey < b.pubKey ? -1 : 1));
    return encodeSignaturesTx({ height: target, signatures });
  }

  /**
   * ProcessProposal at `height`: at most one signatures tx, first in the block, for app block
   * height − 2, each signature by a different validator and valid. Anything else is a forgery.
   */
  proposalIsValid(height: number, txs: Uint8Array[]): boolean {
    for (const [i, tx] of txs.entries()) {
      if (!isSignaturesTx(tx)) continue;
      if (i !== 0) return false;
      const s = decodeSignaturesTx(tx);
      const block = this.app.store.block(height - 2);
      if (!s || !block || s.height !== height - 2 || s.signatures.length === 0) return false;
      const validators = new Set(this.validatorKeys().values());
      const seen = new Set<string>();
      const message = utf8(BLOCK_SIGN_DOMAIN + block.hash);
      for (const { pubKey, sig } of s.signatures) {
        if (seen.has(pubKey) || !validators.has(pubKey) || !verify(pubKey, message, sig)) return false;
        seen.add(pubKey);
      }
    }
    return true;
  }

  /** Current validators by CometBFT address, from committed state (the same on every node). */
  private validatorKeys(): Map<string, string> {
    const keys = new Map<string, string>();
    for (const org of listOrgs(this.app.committed)) {
      if (org.validator) keys.set(cometbftAddress(org.validator.pubKey), org.validator.pubKey);
    }
    return keys;
  }
}
