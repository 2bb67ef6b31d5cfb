// Records as W3C Verifiable Credentials (VC Data Model 2.0, secured as a JWS: VC-JOSE-COSE,
// media type vc+jwt, alg EdDSA). The issuing organisation signs off-ledger with one of its own
// Ed25519 keys; the ledger keeps the record. The credentialStatus entry points back to the ledger,
// so a verifier checks both the signature and the record's current status there.
import { fromHex, toHex, utf8 } from '../../core/bytes.ts';
import { canonicalJson } from '../../core/canonical.ts';
import { publicKeyFromPrivate, sign, verify } from '../../core/ed25519-node.ts';
import type { ReceiptCheck } from '../../core/receipt.ts';
import { effectiveStatus, type RecordStatus } from '../../core/record-proof.ts';
import type { Holder, RegistryRecord } from './state.ts';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const CREDENTIAL_TYPE = 'KetenboekRecordCredential';
export const STATUS_TYPE = 'KetenboekLedgerStatus';

export const oinUrn = (oin: string) => `urn:oin:${oin}`;
export const holderUrn = (h: Holder) => (h.kind === 'key' ? `urn:ketenboek:key:${h.pubKey}` : oinUrn(h.oin));

export interface RecordCredential {
  '@context': string[];
  id: string;
  type: string[];
  name?: string;
  issuer: { id: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: {
    id: string;
    record: {
      id: string;
      class: string;
      version: number;
      attributes: Record<string, string>;
      documentHash: string;
    };
  };
  credentialStatus: { id: string; type: string; chainId: string; recordId: string };
}

export interface ExportCredentialOptions {
  /** 32-byte Ed25519 seed (hex) of a key of the issuing organisation. Never leaves the caller. */
  issuerPrivateKey: string;
  chainId: string;
  /** Base URL of a node's API, e.g. https://node.example/v1: the status entry points there. */
  statusBaseUrl: string;
  /** Time of export (RFC 3339), from the caller's clock: export happens off-ledger. */
  issuedAt: string;
  /** Human name of the credential, e.g. the register class name. */
  name?: string;
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const fromB64url = (s: string) => new Uint8Array(Buffer.from(s, 'base64url'));
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);
/** validUntil is the last valid day, so the credential ends at the end of that day (UTC). */
const endOfDay = (date: string) => `${date}T23:59:59Z`;

export function credentialOf(
  r: RegistryRecord,
  opts: Omit<ExportCredentialOptions, 'issuerPrivateKey' | 'issuedAt'>,
): RecordCredential {
  return {
    '@context': [VC_CONTEXT],
    id: `urn:ketenboek:${opts.chainId}:record:${r.id}:v${r.version}`,
    type: ['VerifiableCredential', CREDENTIAL_TYPE],
    ...(opts.name ? { name: opts.name } : {}),
    issuer: { id: oinUrn(r.issuer) },
    validFrom: `${r.validFrom}T00:00:00Z`,
    ...(r.validUntil ? { validUntil: endOfDay(r.validUntil) } : {}),
    credentialSubject: {
      id: holderUrn(r.holder),
      record: {
        id: r.id,
        class: r.classId,
        version: r.version,
        attributes: r.attributes,
        documentHash: r.documentHash,
      },
    },
    credentialStatus: {
      id: `${opts.statusBaseUrl.replace(/\/+$/, '')}/verifications?recordId=${encodeURIComponent(r.id)}`,
      type: STATUS_TYPE,
      chainId: opts.chainId,
      recordId: r.id,
    },
  };
}

/** Signs the record as a vc+jwt. Refuses a record that is not in force at `issuedAt`. */
export function exportCredential(r: RegistryRecord, opts: ExportCredentialOptions): string {
  const status = effectiveStatus(r, opts.issuedAt);
  if (status !== 'active')
    throw new Error(`record ${r.id} is ${status}; only a record in force can be exported as a credential`);
  const vc = credentialOf(r, opts);
  const publicKey = publicKeyFromPrivate(opts.issuerPrivateKey);
  const header = { alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: `${vc.issuer.id}#${publicKey}` };
  // JWT claims beside the credential let plain JWT libraries check issuer, subject and validity.
  const payload = {
    ...vc,
    iss: vc.issuer.id,
    sub: vc.credentialSubject.id,
    jti: vc.id,
    iat: seconds(opts.issuedAt),
    nbf: seconds(vc.validFrom),
    ...(vc.validUntil ? { exp: seconds(vc.validUntil) + 1 } : {}),
  };
  const input = `${b64url(utf8(JSON.stringify(header)))}.${b64url(utf8(canonicalJson(payload)))}`;
  return `${input}.${b64url(fromHex(sign(opts.issuerPrivateKey, utf8(input))))}`;
}

export interface CredentialLedgerView {
  /** The record as the ledger holds it now (undefined: not on the ledger). */
  record: RegistryRecord | undefined;
  /** Active public keys (hex) of the organisation the credential names as issuer. */
  issuerKeys: string[];
  /** Block time the ledger view is from. */
  time: string;
  chainId: string;
}

export interface CredentialVerdict {
  valid: boolean;
  checks: ReceiptCheck[];
  status: RecordStatus;
  credential?: RecordCredential;
}

export function decodeCredential(jwt: string): {
  header: Record<string, unknown>;
  payload: RecordCredential & Record<string, unknown>;
  signingInput: string;
  signature: Uint8Array;
} {
  const parts = jwt.trim().split('.');
  if (parts.length !== 3) throw new Error('not a compact JWS (three dot-separated parts)');
  const [h, p, s] = parts as [string, string, string];
  const text = (x: string) => new TextDecoder('utf-8', { fatal: true }).decode(fromB64url(x));
  return {
    header: JSON.parse(text(h)),
    payload: JSON.parse(text(p)),
    signingInput: `${h}.${p}`,
    signature: fromB64url(s),
  };
}

/** The issuer OIN a credential names (to look up its keys and the record before verifying). */
export function credentialRefs(jwt: string): { issuerOin: string; recordId: string; chainId: string } {
  const { payload } = decodeCredential(jwt);
  return {
    issuerOin: String(payload.issuer?.id ?? '').replace(/^urn:oin:/, ''),
    recordId: String(payload.credentialStatus?.recordId ?? ''),
    chainId: String(payload.credentialStatus?.chainId ?? ''),
  };
}

/** Checks the issuer's signature, that the credential matches the ledger record, and its status now. */
export function verifyCredential(jwt: string, ledger: CredentialLedgerView): CredentialVerdict {
  const checks: ReceiptCheck[] = [];
  const check = (name: string, fn: () => true | string) => {
    let res: true | string;
    try {
      res = fn();
    } catch (e) {
      res = `cannot check: ${(e as Error).message}`;
    }
    checks.push({ name, ok: res === true, detail: res === true ? 'ok' : res });
  };
  let decoded: ReturnType<typeof decodeCredential>;
  try {
    decoded = decodeCredential(jwt);
  } catch (e) {
    return {
      valid: false,
      status: 'unknown',
      checks: [{ name: 'format', ok: false, detail: (e as Error).message }],
    };
  }
  const { header, payload: vc, signingInput, signature } = decoded;
  const kid = typeof header.kid === 'string' ? header.kid : '';
  const publicKey = kid.slice(kid.lastIndexOf('#') + 1);
  const r = ledger.record;
  check('format', () =>
    header.alg === 'EdDSA' &&
    header.typ === 'vc+jwt' &&
    vc.type?.includes(CREDENTIAL_TYPE) &&
    vc.credentialStatus?.type === STATUS_TYPE
      ? true
      : 'not a Ketenboek record credential (EdDSA vc+jwt)',
  );
  check('signature', () =>
    verify(publicKey, utf8(signingInput), toHex(signature))
      ? true
      : 'the signature does not match the credential and its key',
  );
  check('issuer key', () =>
    kid.startsWith(`${vc.issuer.id}#`) && ledger.issuerKeys.includes(publicKey)
      ? true
      : `key ${publicKey} is not an active key of ${vc.issuer.id} on the ledger`,
  );
  check('ledger record', () => {
    if (vc.credentialStatus.chainId !== ledger.chainId)
      return `the credential points to chain ${vc.credentialStatus.chainId}, not ${ledger.chainId}`;
    if (!r || r.id !== vc.credentialStatus.recordId)
      return `record ${vc.credentialStatus.recordId} is not on the ledger`;
    if (vc.issuer.id !== oinUrn(r.issuer))
      return `the ledger record was issued by ${r.issuer}, not ${vc.issuer.id}`;
    const s = vc.credentialSubject;
    const same =
      s.id === holderUrn(r.holder) &&
      s.record.id === r.id &&
      s.record.class === r.classId &&
      s.record.documentHash === r.documentHash &&
      canonicalJson(s.record.attributes) === canonicalJson(r.attributes);
    return same
      ? true
      : 'the credential no longer matches the ledger record (amended or transferred since): ask the issuer for a new one';
  });
  const status = r ? effectiveStatus(r, ledger.time) : 'unknown';
  check('ledger status', () =>
    status === 'active' ? true : `the record is ${status} on the ledger at ${ledger.time}`,
  );
  return { valid: checks.every((c) => c.ok), checks, status, credential: vc };
}
