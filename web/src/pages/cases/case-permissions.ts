// What the signed-in organisation may do in a case at its current status, worked out from the case
// view and its process definition with the same rules the cases module applies. The page offers
// only these actions; the ledger still decides, and a refusal shows its reason.
import type { CaseView, ProcessDefinition } from '../../../../src/client/modules/cases.ts';

export type ProcessField = ProcessDefinition['fields'][number];
export type CaseDispute = CaseView['disputes'][number];
export type DisputeTarget = CaseDispute['target'];

export interface DisputableItem {
  target: DisputeTarget;
  /** The organisation that owns the item and will answer. */
  owner: string;
}

export interface CaseActions {
  /** The organisation's roles in the case; empty when it is not invited. */
  roles: string[];
  /** Attestation kinds the organisation gives, the ones the current step waits for first. */
  attestable: string[];
  /** Of those, the ones the current step still waits for from this organisation. */
  awaitedAttestations: string[];
  settableFields: ProcessField[];
  /** Steps the case may move to, when this organisation performs the current step. */
  transitions: CaseView['next'];
  invitableRoles: string[];
  disputable: DisputableItem[];
  disputesToAnswer: CaseDispute[];
  canErase: boolean;
}

const SUBJECT = 'subject';

export function caseActionsFor(c: CaseView, def: ProcessDefinition, oin: string): CaseActions {
  const roles = c.partners.find((p) => p.oin === oin)?.roles ?? [];
  const open = c.status === 'open' && roles.length > 0;
  const has = (role: string) => roles.includes(role);
  const awaited = c.progress.waitingOn
    .filter((w) => w.reason === 'attestation' && w.oin === oin)
    .map((w) => w.item);
  const mine = def.attestations.filter((a) => a.by !== SUBJECT && has(a.by)).map((a) => a.kind);
  const attestable = [
    ...mine.filter((k) => awaited.includes(k)),
    ...mine.filter((k) => !awaited.includes(k)),
  ];
  const step = def.steps.find((s) => s.id === c.step);
  const openTargets = c.disputes.filter((d) => d.status === 'open').map((d) => targetKey(d.target));
  const disputable: DisputableItem[] = [
    ...c.attestations
      .filter((a) => a.oin !== SUBJECT && a.oin !== oin)
      .map((a) => ({
        target: { kind: 'attestation' as const, attestation: a.kind, oin: a.oin },
        owner: a.oin,
      })),
    ...c.fields
      .filter((f) => f.by !== oin)
      .map((f) => ({ target: { kind: 'field' as const, field: f.name }, owner: f.by })),
  ].filter((d) => !openTargets.includes(targetKey(d.target)));
  return {
    roles,
    attestable: open ? attestable : [],
    awaitedAttestations: open ? awaited : [],
    settableFields: open ? def.fields.filter((f) => has(f.owner)) : [],
    transitions: open && step && has(step.performer) ? c.next : [],
    invitableRoles: open ? def.roles.filter((r) => r.invitedBy.some(has)).map((r) => r.role) : [],
    disputable: open ? disputable : [],
    disputesToAnswer: open ? c.disputes.filter((d) => d.status === 'open' && d.owner === oin) : [],
    canErase: c.status !== 'erased' && c.opener === oin,
  };
}

/** A dispute target as one key, e.g. for a select option. */
export function targetKey(t: DisputeTarget): string {
  return t.kind === 'field' ? `field:${t.field}` : `attestation:${t.attestation}:${t.oin}`;
}
