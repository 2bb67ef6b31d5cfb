// Blind-signature tokens and sealed ballots for civic votes (RFC 9474, RSABSSA-SHA384-PSS-
// Randomized). Runs in the browser and in node: WebCrypto plus @cloudflare/blindrsa-ts, no
// node-only APIs. The resident's device makes the token and keeps `inv` and the ballot salt; the
// registrar only ever sees the blinded message, so it cannot recognise the token later.
//
//   resident                                   registrar (checks eligibility off-ledger)
//   req = requestToken(key, election, ballotKey)
//              ---- req.blindedMessage ---->    blindSignature = blindSign(privateKey, blindedMessage)
//              <---- blindSignature -------     (and counts it: voting.record_issuance)
//   token = finalizeToken(key, req, blindSignature)
//   ballot = sealBallot(election, token.tokenHash, choice)  -> voting.cast_ballot, later voting.reveal_ballot
import { RSABSSA } from '@cloudflare/blindrsa-ts';
import { fromHex, toHex } from '../../core/bytes.ts';
import {
  type BallotChoice,
  ballotCommitment,
  TOKEN_PREFIX_BYTES,
  tokenHash,
  tokenMessage,
} from '../../modules/voting/token-message.ts';

const suite = () => RSABSSA.SHA384.PSS.Randomized();
const RSA_PSS = { name: 'RSA-PSS', hash: 'SHA-384' } as const;

/** Imports the registrar key recorded in the election (SPKI DER hex) for blinding and finalizing. */
export function importRegistrarKey(spkiHex: string): Promise<CryptoKey> {
  // blindrsa-ts reads the modulus through exportKey, so the key must be extractable (it is public).
  return crypto.subtle.importKey('spki', new Uint8Array(fromHex(spkiHex)), RSA_PSS, true, ['verify']);
}

export interface TokenRequest {
  electionId: string;
  /** Public key of the fresh Ed25519 key that will cast the ballot. */
  ballotKey: string;
  /** RFC 9474 msg_prefix (32 random bytes), sent with the ballot later. */
  tokenPrefix: string;
  /** What the registrar signs; reveals nothing about the token. */
  blindedMessage: string;
  /** The unblinding factor: secret, kept on the resident's device until finalizeToken. */
  inv: string;
}

export interface BallotToken {
  tokenPrefix: string;
  tokenSignature: string;
  tokenHash: string;
}

export async function requestToken(
  registrarKey: CryptoKey,
  electionId: string,
  ballotKey: string,
): Promise<TokenRequest> {
  const s = suite();
  const input = s.prepare(tokenMessage(electionId, ballotKey));
  const { blindedMsg, inv } = await s.blind(registrarKey, input);
  return {
    electionId,
    ballotKey,
    tokenPrefix: toHex(input.slice(0, TOKEN_PREFIX_BYTES)),
    blindedMessage: toHex(blindedMsg),
    inv: toHex(inv),
  };
}

/** Unblinds the registrar's answer; throws if it is not a valid signature on the token. */
export async function finalizeToken(
  registrarKey: CryptoKey,
  req: TokenRequest,
  blindSignature: string,
): Promise<BallotToken> {
  const input = new Uint8Array([...fromHex(req.tokenPrefix), ...tokenMessage(req.electionId, req.ballotKey)]);
  const sig = await suite().finalize(registrarKey, input, fromHex(blindSignature), fromHex(req.inv));
  return {
    tokenPrefix: req.tokenPrefix,
    tokenSignature: toHex(sig),
    tokenHash: tokenHash(req.tokenPrefix, req.electionId, req.ballotKey),
  };
}

export interface RegistrarKeyPair {
  publicKey: CryptoKey;
  privateKey: CryptoKey;
  /** What voting.publish_registrar_key records. */
  spkiHex: string;
}

/** A fresh registrar key pair (one per election, so tokens never carry over between elections). */
export async function generateRegistrarKey(modulusLength = 3072): Promise<RegistrarKeyPair> {
  const { publicKey, privateKey } = await suite().generateKey({
    modulusLength,
    publicExponent: Uint8Array.from([1, 0, 1]),
  });
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
  return { publicKey, privateKey, spkiHex: toHex(spki) };
}

/** The registrar's step: signs a blinded message it cannot read. */
export async function blindSign(privateKey: CryptoKey, blindedMessage: string): Promise<string> {
  return toHex(await suite().blindSign(privateKey, fromHex(blindedMessage)));
}

export interface SealedBallot {
  choice: BallotChoice;
  /** Secret until the reveal: whoever holds choice and salt can reveal (and so read) the ballot. */
  salt: string;
  commitment: string;
}

/** Commits to a choice with a fresh random salt. */
export function sealBallot(electionId: string, tokenHashHex: string, choice: BallotChoice): SealedBallot {
  const salt = toHex(crypto.getRandomValues(new Uint8Array(32)));
  return { choice, salt, commitment: ballotCommitment(electionId, tokenHashHex, choice, salt) };
}
