// State layout of the cases module (all keys start with "cases/"). A case is one record plus
// child records under "cases/case/<id>/", so a case view reads one prefix and never scans state.
import type { KVRead, KVWrite } from '../../app/kv.ts';
import { getJson, listJson, putJson } from '../../app/typed-kv.ts';
import type { Subject } from './no-personal-data.ts';
import type { ProcessDefinitionBody } from './process-schema.ts';

export interface ProcessDefinition extends ProcessDefinitionBody {
  version: number;
  publishedAt: string;
  /** Height of the block in which the governance vote published this version. */
  publishedAtHeight: number;
}

export type CaseStatus = 'open' | 'closed' | 'erased';

export interface Erasure {
  at: string;
  by: string;
  reason: string;
  txHash: string;
}

export interface Case {
  id: string;
  process: string;
  processVersion: number;
  /** Null once the case's data was erased. */
  subject: Subject | null;
  opener: string;
  openedAt: string;
  status: CaseStatus;
  step: string;
  stepEnteredAt: string;
  /** Block time by which the current step should be done; null when it has no deadline. */
  dueAt: string | null;
  closedAt?: string;
  erasure?: Erasure;
  disputeSeq: number;
  timelineSeq: number;
}

export interface Partner {
  oin: string;
  roles: string[];
  invitedBy: string;
  invitedAt: string;
}

export interface Attestation {
  kind: string;
  /** The attesting organisation, or "subject" when the resident attested with their own key. */
  oin: string;
  role: string;
  /** Salted hash of off-ledger evidence, if any. */
  evidence?: string;
  at: string;
  txHash: string;
}

export interface FieldValue {
  name: string;
  value: string;
  /** The organisation that set the value: it answers disputes about it. */
  by: string;
  at: string;
  txHash: string;
}

export type DisputeTarget =
  | { kind: 'attestation'; attestation: string; oin: string }
  | { kind: 'field'; field: string };

export interface Dispute {
  id: string;
  target: DisputeTarget;
  /** The organisation that must answer. */
  owner: string;
  raisedBy: string;
  reason: string;
  evidence?: string;
  raisedAt: string;
  status: 'open' | 'confirmed' | 'corrected' | 'withdrawn';
  answeredAt?: string;
}

export interface CaseDocument {
  hash: string;
  kind: string;
  owner: string;
  at: string;
  txHash: string;
}

export interface TimelineEntry {
  seq: number;
  at: string;
  height: number;
  txHash: string;
  by: string;
  action: string;
  /** Ids and codes only (step, role, attestation kind...), never personal data. */
  details: Record<string, string>;
}

const P = 'cases/';
const pad = (n: number | string) => String(n).padStart(12, '0');

export const keys = {
  process: (id: string) => `${P}process/${id}`,
  processPrefix: `${P}process/`,
  processVersion: (id: string, v: number) => `${P}process-version/${id}/${pad(v)}`,
  caseSeq: `${P}seq/case`,
  case: (id: string) => `${P}case/${id}`,
  partner: (id: string, oin: string) => `${P}case/${id}/partner/${oin}`,
  partnerPrefix: (id: string) => `${P}case/${id}/partner/`,
  attestation: (id: string, kind: string, oin: string) => `${P}case/${id}/att/${kind}/${oin}`,
  attestationPrefix: (id: string) => `${P}case/${id}/att/`,
  field: (id: string, name: string) => `${P}case/${id}/field/${name}`,
  fieldPrefix: (id: string) => `${P}case/${id}/field/`,
  dispute: (id: string, d: string) => `${P}case/${id}/dispute/${d}`,
  disputePrefix: (id: string) => `${P}case/${id}/dispute/`,
  document: (id: string, hash: string) => `${P}case/${id}/doc/${hash}`,
  documentPrefix: (id: string) => `${P}case/${id}/doc/`,
  timeline: (id: string, seq: number) => `${P}case/${id}/timeline/${pad(seq)}`,
  timelinePrefix: (id: string) => `${P}case/${id}/timeline/`,
  /** Every case, in id order (ids are sequence numbers, padded so they sort). */
  index: (id: string) => `${P}index/${pad(id)}`,
  indexPrefix: `${P}index/`,
  openByPartner: (oin: string, id: string) => `${P}open-by-partner/${oin}/${pad(id)}`,
  openByPartnerPrefix: (oin: string) => `${P}open-by-partner/${oin}/`,
  byPartner: (oin: string, id: string) => `${P}by-partner/${oin}/${pad(id)}`,
  byPartnerPrefix: (oin: string) => `${P}by-partner/${oin}/`,
  openBySubject: (process: string, subjectKey: string) => `${P}open-by-subject/${process}/${subjectKey}`,
};

export const getProcess = (kv: KVRead, id: string) => getJson<ProcessDefinition>(kv, keys.process(id));
export const getProcessVersion = (kv: KVRead, id: string, v: number) =>
  getJson<ProcessDefinition>(kv, keys.processVersion(id, v));
export const getCase = (kv: KVRead, id: string) => getJson<Case>(kv, keys.case(id));
export const putCase = (kv: KVWrite, c: Case) => putJson(kv, keys.case(c.id), c);
export const getPartner = (kv: KVRead, id: string, oin: string) =>
  getJson<Partner>(kv, keys.partner(id, oin));

export function listProcesses(kv: KVRead): ProcessDefinition[] {
  return [...listJson<ProcessDefinition>(kv, keys.processPrefix)].map(([, p]) => p);
}

export function listPartners(kv: KVRead, id: string): Partner[] {
  return [...listJson<Partner>(kv, keys.partnerPrefix(id))].map(([, p]) => p);
}

export function listAttestations(kv: KVRead, id: string): Attestation[] {
  return [...listJson<Attestation>(kv, keys.attestationPrefix(id))].map(([, a]) => a);
}

export function listFields(kv: KVRead, id: string): FieldValue[] {
  return [...listJson<FieldValue>(kv, keys.fieldPrefix(id))].map(([, f]) => f);
}

export function listDisputes(kv: KVRead, id: string): Dispute[] {
  // Dispute ids are sequence numbers: order numerically.
  return [...listJson<Dispute>(kv, keys.disputePrefix(id))]
    .map(([, d]) => d)
    .sort((a, b) => Number(a.id) - Number(b.id));
}

export function listDocuments(kv: KVRead, id: string): CaseDocument[] {
  return [...listJson<CaseDocument>(kv, keys.documentPrefix(id))].map(([, d]) => d);
}

export function listTimeline(kv: KVRead, id: string): TimelineEntry[] {
  return [...listJson<TimelineEntry>(kv, keys.timelinePrefix(id))].map(([, e]) => e);
}

/** Case ids from an index prefix whose keys end in a padded id. */
export function idsUnder(
  kv: KVRead,
  prefix: string,
  opts: { limit?: number; start?: string } = {},
): string[] {
  const out: string[] = [];
  for (const [k] of kv.iterate(prefix, opts)) out.push(String(Number(k.slice(k.lastIndexOf('/') + 1))));
  return out;
}

export const paddedId = pad;
