// State layout of the registry module (all keys start with "registry/"). Records carry their own
// status, encumbrances and pending transfer, so one Merkle proof of the record key shows everything
// a verifier needs; every change also appends a numbered history entry.
import type { KVRead, KVWrite } from '../../app/kv.ts';
import { getJson, listJson, putJson } from '../../app/typed-kv.ts';
import type { StoredRecordStatus } from '../../core/record-proof.ts';
import type { CLASS_KINDS, ENCUMBRANCE_KINDS } from './schemas.ts';

export interface RegisterClass {
  id: string;
  name: string;
  kind: (typeof CLASS_KINDS)[number];
  /** OINs, sorted. */
  issuers: string[];
  transferable: boolean;
  /** OINs, sorted; one of them must confirm a transfer (none: seller and buyer suffice). */
  notaries: string[];
  version: number;
  updatedAt: string;
  updatedHeight: number;
}

export type Holder = { kind: 'key'; pubKey: string } | { kind: 'organisation'; oin: string };

export interface Encumbrance {
  id: string;
  kind: (typeof ENCUMBRANCE_KINDS)[number];
  creditor: string;
  amountCents?: string;
  deedHash?: string;
  registeredAt: string;
  registeredHeight: number;
}

export interface PendingTransfer {
  from: Holder;
  to: Holder;
  deedHash?: string;
  proposedAt: string;
  proposedHeight: number;
  /** Set when the buyer accepted. */
  acceptedAt?: string;
}

export interface RegistryRecord {
  id: string;
  classId: string;
  /** OIN of the issuing organisation. */
  issuer: string;
  holder: Holder;
  attributes: Record<string, string>;
  documentHash: string;
  validFrom: string;
  validUntil?: string;
  status: StoredRecordStatus;
  /** Why it was last suspended, reinstated, revoked or amended (non-personal). */
  statusReason?: string;
  issuedAt: string;
  issuedHeight: number;
  updatedAt: string;
  updatedHeight: number;
  /** Number of history entries; the latest entry has this number. */
  version: number;
  /** Sorted by id. */
  encumbrances: Encumbrance[];
  pendingTransfer?: PendingTransfer;
}

export type HistoryAction =
  | 'issued'
  | 'amended'
  | 'suspended'
  | 'reinstated'
  | 'revoked'
  | 'expired'
  | 'transfer_proposed'
  | 'transfer_accepted'
  | 'transferred'
  | 'transfer_cancelled'
  | 'encumbered'
  | 'encumbrance_released';

export interface HistoryEntry {
  version: number;
  action: HistoryAction;
  height: number;
  time: string;
  /** The tx that made the change; absent for expiries, which the ledger applies at the end of a block. */
  txHash?: string;
  /** Signing key of that tx. */
  signer?: string;
  /** OIN of the organisation that acted, when an organisation did. */
  organisation?: string;
  /** What changed (new values), ids only: never personal data. */
  details: Record<string, unknown>;
}

const P = 'registry/';
const pad = (n: number) => String(n).padStart(10, '0');

export function holderRef(h: Holder): string {
  return h.kind === 'key' ? `key:${h.pubKey}` : `org:${h.oin}`;
}

export const registryKeys = {
  class: (id: string) => `${P}class/${id}`,
  classPrefix: `${P}class/`,
  record: (id: string) => `${P}record/${id}`,
  recordPrefix: `${P}record/`,
  history: (id: string, version: number) => `${P}history/${id}/${pad(version)}`,
  historyPrefix: (id: string) => `${P}history/${id}/`,
  /** Every document hash a record ever carried -> that record (amended documents stay findable). */
  document: (hash: string) => `${P}document/${hash}`,
  byClass: (classId: string, id: string) => `${P}by-class/${classId}/${id}`,
  byClassPrefix: (classId: string) => `${P}by-class/${classId}/`,
  byHolder: (holder: Holder, id: string) => `${P}by-holder/${holderRef(holder)}/${id}`,
  byHolderPrefix: (holder: Holder) => `${P}by-holder/${holderRef(holder)}/`,
  /** Records by their last valid day, for the end-block expiry. */
  expiry: (validUntil: string, id: string) => `${P}expiry/${validUntil}/${id}`,
  expiryPrefix: `${P}expiry/`,
};

export interface DocumentRef {
  recordId: string;
  /** Record version that introduced this document. */
  version: number;
}

export const getClass = (kv: KVRead, id: string) => getJson<RegisterClass>(kv, registryKeys.class(id));
export const getRecord = (kv: KVRead, id: string) => getJson<RegistryRecord>(kv, registryKeys.record(id));
export const getDocumentRef = (kv: KVRead, hash: string) =>
  getJson<DocumentRef>(kv, registryKeys.document(hash));

export function putRecord(kv: KVWrite, r: RegistryRecord): void {
  putJson(kv, registryKeys.record(r.id), r);
}

export function listClasses(kv: KVRead): RegisterClass[] {
  return [...listJson<RegisterClass>(kv, registryKeys.classPrefix)].map(([, c]) => c);
}

export function listHistory(kv: KVRead, id: string): HistoryEntry[] {
  return [...listJson<HistoryEntry>(kv, registryKeys.historyPrefix(id))].map(([, e]) => e);
}
