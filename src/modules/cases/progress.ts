// Where a case stands: which requirements of its current step are missing, and on whom it waits.
// Pure functions over one case's records, used by the advance handler (consensus) and by the
// overview queries alike, so "complete" means the same thing everywhere.
import type { KVRead } from '../../app/kv.ts';
import { SUBJECT_ROLE } from './process-schema.ts';
import {
  type Attestation,
  type Case,
  type CaseDocument,
  type Dispute,
  type FieldValue,
  getCase,
  getProcessVersion,
  listAttestations,
  listDisputes,
  listDocuments,
  listFields,
  listPartners,
  type Partner,
  type ProcessDefinition,
} from './state.ts';

export interface CaseRecords {
  case: Case;
  definition: ProcessDefinition;
  partners: Partner[];
  attestations: Attestation[];
  fields: FieldValue[];
  disputes: Dispute[];
  documents: CaseDocument[];
}

export type WaitReason = 'attestation' | 'field' | 'invitation' | 'advance' | 'dispute_answer';

export interface WaitingOn {
  /**
   * The organisation expected to act; absent when no organisation holds `role` in the case yet, and
   * when the resident (role "subject") is to act with their own key.
   */
  oin?: string;
  /** The case role in which it is expected to act. */
  role: string;
  reason: WaitReason;
  /** The attestation kind, field name, role to invite, step to leave, or dispute id. */
  item: string;
}

export type Missing =
  | { kind: 'attestation'; attestation: string; by: string; quorum: 'one' | 'each'; pending: string[] }
  | { kind: 'field'; field: string; owner: string };

export interface StepProgress {
  step: string;
  complete: boolean;
  missing: Missing[];
  openDisputes: string[];
  waitingOn: WaitingOn[];
  dueAt: string | null;
  overdue: boolean;
}

export function loadCaseRecords(kv: KVRead, id: string): CaseRecords | undefined {
  const c = getCase(kv, id);
  if (!c) return undefined;
  const definition = getProcessVersion(kv, c.process, c.processVersion);
  if (!definition)
    throw new Error(`case ${id} names process ${c.process} v${c.processVersion}, which is not stored`);
  return {
    case: c,
    definition,
    partners: listPartners(kv, id),
    attestations: listAttestations(kv, id),
    fields: listFields(kv, id),
    disputes: listDisputes(kv, id),
    documents: listDocuments(kv, id),
  };
}

export const holders = (partners: Partner[], role: string) =>
  partners.filter((p) => p.roles.includes(role)).map((p) => p.oin);

/** `now` is the latest block time; a step is overdue when its deadline lies before it. */
export function stepProgress(r: CaseRecords, now?: string): StepProgress {
  const { definition: def, case: c, partners } = r;
  const step = def.steps.find((s) => s.id === c.step);
  if (!step) throw new Error(`case ${c.id} is in step ${c.step}, which process ${c.process} does not define`);
  const missing: Missing[] = [];
  const waitingOn: WaitingOn[] = [];
  const wait = (role: string, reason: WaitReason, item: string, oins: string[]) => {
    if (oins.length === 0) waitingOn.push({ role, reason, item });
    for (const oin of oins) waitingOn.push({ oin, role, reason, item });
  };
  const needInvitation = (role: string) => {
    const inviters = def.roles.find((d) => d.role === role)?.invitedBy ?? [];
    for (const by of inviters) wait(by, 'invitation', role, holders(partners, by));
  };

  for (const req of step.requires) {
    const by = def.attestations.find((a) => a.kind === req.attestation)!.by;
    const bySubject = by === SUBJECT_ROLE;
    const inRole = bySubject
      ? c.subject?.kind === 'pseudonym'
        ? [SUBJECT_ROLE]
        : []
      : holders(partners, by);
    const attested = new Set(
      r.attestations.filter((a) => a.kind === req.attestation && inRole.includes(a.oin)).map((a) => a.oin),
    );
    const pending = inRole.filter((oin) => !attested.has(oin));
    const met = inRole.length > 0 && (req.quorum === 'each' ? pending.length === 0 : attested.size > 0);
    if (met) continue;
    missing.push({ kind: 'attestation', attestation: req.attestation, by, quorum: req.quorum, pending });
    if (bySubject) waitingOn.push({ role: by, reason: 'attestation', item: req.attestation });
    else if (inRole.length === 0) needInvitation(by);
    else wait(by, 'attestation', req.attestation, pending);
  }
  for (const name of step.requiredFields) {
    if (r.fields.some((f) => f.name === name)) continue;
    const owner = def.fields.find((f) => f.name === name)!.owner;
    missing.push({ kind: 'field', field: name, owner });
    const inRole = holders(partners, owner);
    if (inRole.length === 0) needInvitation(owner);
    else wait(owner, 'field', name, inRole);
  }
  const open = r.disputes.filter((d) => d.status === 'open');
  for (const d of open) wait(ownerRole(r, d), 'dispute_answer', d.id, [d.owner]);
  const complete = missing.length === 0;
  if (complete && open.length === 0 && !step.terminal)
    wait(step.performer, 'advance', step.id, holders(partners, step.performer));

  const active = c.status === 'open';
  return {
    step: c.step,
    complete,
    missing,
    openDisputes: open.map((d) => d.id),
    waitingOn: active ? waitingOn : [],
    dueAt: c.dueAt,
    overdue: active && c.dueAt !== null && now !== undefined && c.dueAt < now,
  };
}

function ownerRole(r: CaseRecords, d: Dispute): string {
  if (d.target.kind === 'field') {
    const name = d.target.field;
    return r.definition.fields.find((f) => f.name === name)?.owner ?? '';
  }
  const { attestation, oin } = d.target;
  return r.attestations.find((a) => a.kind === attestation && a.oin === oin)?.role ?? '';
}
