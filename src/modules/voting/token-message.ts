// What a voting token and a ballot commitment are, byte for byte. Shared by the ledger (which
// rebuilds and checks them) and by clients in the browser (which make them), so this file uses
// no node-only APIs.
//
// Suite: RFC 9474 RSABSSA-SHA384-PSS-Randomized. The client prepends 32 random bytes (msg_prefix)
// to the token message before blinding; the registrar's finalized signature is then a plain
// RSASSA-PSS signature (SHA-384, MGF1-SHA-384, 48-byte salt) over prefix || message, which the
// ledger verifies synchronously. The randomized variant is the one RFC 9474 recommends when the
// message may be chosen by the client; the prefix costs 32 bytes per ballot.
import { concatBytes, fromHex, utf8 } from '../../core/bytes.ts';
import { canonicalJson } from '../../core/canonical.ts';
import { sha256Hex } from '../../core/hash.ts';

export const TOKEN_SUITE = 'RSABSSA-SHA384-PSS-Randomized';
export const TOKEN_PREFIX_BYTES = 32;
export const PSS_SALT_BYTES = 48;
/** Registrar key sizes the ledger accepts. */
export const MIN_MODULUS_BITS = 2048;
export const MAX_MODULUS_BITS = 4096;
const DOMAIN = 'ketenboek-voting-v1';

export type BudgetChoice = { projects: string[] };
export type ConsultationChoice = { answers: Array<{ question: string; option: string }> };
export type BallotChoice = BudgetChoice | ConsultationChoice;

/**
 * The message a resident has blind-signed. It names the election and the fresh ballot key that
 * will cast the ballot, so a token copied from the mempool is useless from any other key and
 * cannot be spent in another election.
 */
export function tokenMessage(electionId: string, ballotKey: string): Uint8Array {
  return utf8(`${DOMAIN}:token:${electionId}:${ballotKey}`);
}

/** RFC 9474 input_msg: the 32-byte prefix followed by the token message. */
export function tokenInput(prefixHex: string, electionId: string, ballotKey: string): Uint8Array {
  return concatBytes(fromHex(prefixHex), tokenMessage(electionId, ballotKey));
}

/** What the ledger stores to refuse a second use of the same token. */
export function tokenHash(prefixHex: string, electionId: string, ballotKey: string): string {
  return sha256Hex(tokenInput(prefixHex, electionId, ballotKey));
}

/**
 * The commitment cast during voting. Binding the election and the token hash stops a voter from
 * copying someone else's commitment; the 32-byte random salt stops anyone from guessing the
 * choice by trying all options.
 */
export function ballotCommitment(
  electionId: string,
  tokenHashHex: string,
  choice: BallotChoice,
  saltHex: string,
): string {
  return sha256Hex(
    canonicalJson({ domain: `${DOMAIN}:ballot`, electionId, tokenHash: tokenHashHex, choice, salt: saltHex }),
  );
}
