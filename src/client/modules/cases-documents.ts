// Case documents with personal data, through signed requests (cases-signed-request.ts): store a
// document at a node, read one with a purpose (the node logs it), and inspect the processing log.
// Standalone because signing a request needs the key, the chain id and fetch directly:
//   const docs = caseDocuments({ baseUrl, signer: orgKey, sign });   // sign: ed25519-node or -browser
//   const { document, attach } = await docs.store('3', bytes, { kind: 'income_statement', mediaType: 'application/pdf' });
//   await client.cases.attachDocument(orgKey, attach.body);
//   const doc = await docs.read('3', document.hash, 'inkomen beoordelen voor betalingsregeling');
import { concatBytes, fromHex, isLowerHex } from '../../core/bytes.ts';
import { sha256Hex } from '../../core/hash.ts';
import { apiErrorFrom, KetenboekNetworkError } from '../errors.ts';
import { type Signer, type SignFn, signWith } from '../signer.ts';
import { requestSigningBytes, SIGNATURE_HEADERS } from './cases-signed-request.ts';

export interface CaseDocumentsOptions {
  /** The node holding the documents, e.g. http://127.0.0.1:8080 (a trailing /v1 is accepted). */
  baseUrl: string;
  /** A key of the organisation (a key pair, with `sign`, or a signer object). */
  signer: Signer;
  sign?: SignFn;
  fetch?: typeof fetch;
  /** Asked from GET /v1/status when omitted. */
  chainId?: string;
  /** The clock used for the signature timestamp (tests). */
  now?: () => Date;
}

export interface StoredDocument {
  caseId: string;
  hash: string;
  kind: string;
  mediaType: string;
  size: number;
  storedBy: string;
  storedAt: string;
}

export interface FetchedDocument {
  hash: string;
  salt: string;
  mediaType: string;
  content: Uint8Array;
  /** sha256(salt ‖ content) equals the hash (compare it with the hash on the ledger). */
  verified: boolean;
}

export interface ProcessingLogEntry {
  seq: number;
  time: string;
  action: 'store' | 'read' | 'erase';
  actor: { oin: string; pubKey: string };
  caseId: string;
  document: string | null;
  purpose: string;
  prevHash: string;
  hash: string;
}

export interface CaseDocumentsClient {
  store(
    caseId: string,
    content: Uint8Array,
    meta: { kind: string; mediaType?: string },
  ): Promise<{
    document: StoredDocument;
    attach: { type: 'cases.attach_document'; body: { caseId: string; hash: string; kind: string } };
  }>;
  read(caseId: string, hash: string, purpose: string): Promise<FetchedDocument>;
  processingLog(
    caseId: string,
  ): Promise<{ items: ProcessingLogEntry[]; verification: { ok: boolean; count: number; head: string } }>;
  /** Sends one signed request (for routes without a helper). */
  request(method: string, pathAndQuery: string, body?: Uint8Array, contentType?: string): Promise<Response>;
}

export function caseDocuments(opts: CaseDocumentsOptions): CaseDocumentsClient {
  const base = opts.baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const now = opts.now ?? (() => new Date());
  let chainId: Promise<string> | undefined = opts.chainId ? Promise.resolve(opts.chainId) : undefined;
  const getChainId = () => {
    chainId ??= call(() => doFetch(`${base}/v1/status`)).then(
      async (r) => ((await r.json()) as { chainId: string }).chainId,
    );
    return chainId;
  };
  async function call(send: () => Promise<Response>): Promise<Response> {
    let res: Response;
    try {
      res = await send();
    } catch (e) {
      throw new KetenboekNetworkError(base, e);
    }
    if (!res.ok) throw await apiErrorFrom(res);
    return res;
  }
  async function request(
    method: string,
    pathAndQuery: string,
    body: Uint8Array = new Uint8Array(),
    contentType?: string,
  ) {
    const timestamp = now().toISOString();
    const bytes = requestSigningBytes({ chainId: await getChainId(), method, pathAndQuery, timestamp, body });
    const headers: Record<string, string> = {
      [SIGNATURE_HEADERS.key]: opts.signer.publicKey,
      [SIGNATURE_HEADERS.timestamp]: timestamp,
      [SIGNATURE_HEADERS.signature]: await signWith(opts.signer, bytes, opts.sign),
    };
    if (contentType) headers['Content-Type'] = contentType;
    const init: RequestInit = { method, headers };
    if (method !== 'GET') init.body = body as BodyInit;
    return call(() => doFetch(base + pathAndQuery, init));
  }
  const casePath = (id: string) => `/v1/cases/${encodeURIComponent(id)}`;
  return {
    request,
    async store(caseId, content, meta) {
      const q = new URLSearchParams({ kind: meta.kind });
      const res = await request(
        'POST',
        `${casePath(caseId)}/documents?${q}`,
        content,
        meta.mediaType ?? 'application/octet-stream',
      );
      return res.json();
    },
    async read(caseId, hash, purpose) {
      const q = new URLSearchParams({ purpose });
      const res = await request('GET', `${casePath(caseId)}/documents/${hash}?${q}`);
      const content = new Uint8Array(await res.arrayBuffer());
      const salt = res.headers.get('Document-Salt') ?? '';
      return {
        hash,
        salt,
        mediaType: res.headers.get('Content-Type') ?? 'application/octet-stream',
        content,
        verified: isLowerHex(salt, 32) && sha256Hex(concatBytes(fromHex(salt), content)) === hash,
      };
    },
    async processingLog(caseId) {
      return (await request('GET', `${casePath(caseId)}/processing-log`)).json();
    },
  };
}
