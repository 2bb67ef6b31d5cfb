// The signed transaction envelope. Pure: usable in the node, the CLI and the browser.
// Wire format = canonical JSON (RFC 8785) of the signed tx; the signature covers a domain tag plus
// the canonical JSON of the envelope without `sig`, so the same logical tx always has one hash.
import { concatBytes, utf8 } from './bytes.ts';
import { canonicalJson } from './canonical.ts';
import { fail } from './errors.ts';
import { TxErrors } from './tx-errors.ts';

export const TX_VERSION = 1;
/** Domain separation: a tx signature can never be replayed as a block or receipt signature. */
export const TX_SIGN_DOMAIN = 'ketenboek/tx/v1\n';
export const MAX_TX_BYTES = 64 * 1024;

export interface TxEnvelope<B = unknown> {
  v: number;
  chainId: string;
  /** Message type, "<module>.<message>", e.g. "anchor.create". */
  type: string;
  /** Ed25519 public key of the signer, lowercase hex. This is the account id. */
  signer: string;
  /** Per-account sequence number; the first tx of an account has nonce 1. */
  nonce: number;
  body: B;
}

export interface SignedTx<B = unknown> extends TxEnvelope<B> {
  /** Ed25519 signature over signingBytes(envelope), lowercase hex. */
  sig: string;
}

const HEX64 = /^[0-9a-f]{64}$/;
const HEX128 = /^[0-9a-f]{128}$/;
const TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const ENVELOPE_KEYS = ['body', 'chainId', 'nonce', 'sig', 'signer', 'type', 'v'];

export function envelopeOf<B>(tx: TxEnvelope<B>): TxEnvelope<B> {
  return { v: tx.v, chainId: tx.chainId, type: tx.type, signer: tx.signer, nonce: tx.nonce, body: tx.body };
}

export function signingBytes(env: TxEnvelope): Uint8Array {
  return concatBytes(utf8(TX_SIGN_DOMAIN), utf8(canonicalJson(envelopeOf(env))));
}

/**
 * The signer, signature and signing bytes read straight from the canonical JSON of a signed tx,
 * without parsing and re-encoding it (signature workers check thousands per second). The
 * canonical object's keys are sorted (body, chainId, nonce, sig, signer, type, v), so the
 * envelope's canonical JSON is the same text with `,"sig":"<128 hex>"` cut out. It is the last
 * `,"sig":"` in the text: the body comes before it, and nothing after it (a hex key, an escaped
 * type string, a number) can contain an unescaped quote. `canonical` must be what
 * checkSignedTxShape returned; anything else gives undefined or bytes no signature matches.
 */
export function signedPartsOfCanonical(
  canonical: string,
): { signer: string; sig: string; message: Uint8Array } | undefined {
  const at = canonical.lastIndexOf(SIG_FIELD);
  if (at < 0) return undefined;
  const sigStart = at + SIG_FIELD.length;
  const sigEnd = sigStart + 128;
  if (canonical.charCodeAt(sigEnd) !== QUOTE || !canonical.startsWith(SIGNER_FIELD, sigEnd + 1))
    return undefined;
  const signerStart = sigEnd + 1 + SIGNER_FIELD.length;
  const envelope = canonical.slice(0, at) + canonical.slice(sigEnd + 1);
  return {
    signer: canonical.slice(signerStart, signerStart + 64),
    sig: canonical.slice(sigStart, sigEnd),
    message: utf8(TX_SIGN_DOMAIN + envelope),
  };
}

const SIG_FIELD = ',"sig":"';
const SIGNER_FIELD = ',"signer":"';
const QUOTE = 0x22;

export function encodeSignedTx(tx: SignedTx): Uint8Array {
  return utf8(canonicalJson(tx));
}

/** Structural checks only (no signature, no chain state). Throws LedgerError tx.malformed / tx.too_large. */
export function parseSignedTx(bytes: Uint8Array): { tx: SignedTx; canonical: string } {
  if (bytes.length > MAX_TX_BYTES) {
    fail(TxErrors.too_large, `The transaction is ${bytes.length} bytes; the limit is ${MAX_TX_BYTES}.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    fail(
      TxErrors.malformed,
      'The transaction is not valid UTF-8 JSON. Send the canonical JSON of a signed tx.',
    );
  }
  return checkSignedTxShape(raw);
}

export function checkSignedTxShape(raw: unknown): { tx: SignedTx; canonical: string } {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail(TxErrors.malformed, 'The transaction must be a JSON object.');
  }
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!ENVELOPE_KEYS.includes(k)) problems.push(`unknown field "${k}"`);
  if (o.v !== TX_VERSION) problems.push(`v must be ${TX_VERSION}`);
  if (typeof o.chainId !== 'string' || o.chainId.length === 0 || o.chainId.length > 64)
    problems.push('chainId must be a string of 1 to 64 characters');
  if (typeof o.type !== 'string' || !TYPE.test(o.type) || o.type.length > 64)
    problems.push('type must look like "module.message"');
  if (typeof o.signer !== 'string' || !HEX64.test(o.signer))
    problems.push('signer must be a 32-byte Ed25519 public key in lowercase hex');
  if (typeof o.nonce !== 'number' || !Number.isSafeInteger(o.nonce) || o.nonce < 1)
    problems.push('nonce must be a positive integer');
  if (typeof o.sig !== 'string' || !HEX128.test(o.sig))
    problems.push('sig must be a 64-byte signature in lowercase hex');
  if (typeof o.body !== 'object' || o.body === null || Array.isArray(o.body))
    problems.push('body must be a JSON object');
  if (problems.length > 0) {
    fail(TxErrors.malformed, `The transaction is malformed: ${problems.join('; ')}.`, { problems });
  }
  let canonical: string;
  try {
    canonical = canonicalJson(o);
  } catch (e) {
    fail(TxErrors.malformed, `The transaction cannot be canonicalised: ${(e as Error).message}.`);
  }
  return { tx: o as unknown as SignedTx, canonical };
}
