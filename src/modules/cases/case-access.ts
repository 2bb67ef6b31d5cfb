// The checks every case message starts with: the case exists and still has its data, the signer
// speaks for an invited organisation, and that organisation holds the needed case role. Every
// invited partner is involved in every case tx, so each one sees the whole case in its stream.
import type { TxContext } from '../../app/module.ts';
import { putJson } from '../../app/typed-kv.ts';
import { fail } from '../../core/errors.ts';
import { type Organisation, requireSignerOrg } from '../identity/keeper.ts';
import { CasesErrors as E } from './errors.ts';
import { type CaseRecords, loadCaseRecords } from './progress.ts';
import { type Case, keys, type Partner } from './state.ts';

export function requireCase(ctx: TxContext, id: string): CaseRecords {
  const r = loadCaseRecords(ctx.kv, id);
  if (!r) fail(E.unknown_case, `There is no case ${id}. Check the case id.`);
  ctx.involve(...r.partners.map((p) => p.oin));
  if (r.case.status === 'erased') {
    fail(
      E.case_erased,
      `The data of case ${id} was erased on ${r.case.erasure?.at}; the case can no longer change.`,
    );
  }
  return r;
}

export function requireOpen(c: Case): void {
  if (c.status !== 'open')
    fail(
      E.case_closed,
      `Case ${c.id} was closed on ${c.closedAt} in step "${c.step}"; it can no longer change.`,
    );
}

export function requirePartner(ctx: TxContext, r: CaseRecords): { org: Organisation; partner: Partner } {
  const org = requireSignerOrg(ctx);
  const partner = r.partners.find((p) => p.oin === org.oin);
  if (!partner) {
    fail(
      E.not_invited,
      `Organisation ${org.oin} is not invited to case ${r.case.id}. A partner of the case can invite it.`,
    );
  }
  return { org, partner };
}

export function requireCaseRole(partner: Partner, role: string, caseId: string, doing: string): void {
  if (!partner.roles.includes(role)) {
    fail(
      E.wrong_role,
      `To ${doing} in case ${caseId} an organisation needs the case role "${role}"; ${partner.oin} holds ${partner.roles.join(', ')}.`,
      { role },
    );
  }
}

/** Appends to the case's timeline (and counts it on `c`; the caller stores `c`). */
export function recordTimeline(
  ctx: TxContext,
  c: Case,
  by: string,
  action: string,
  details: Record<string, string> = {},
): void {
  c.timelineSeq += 1;
  putJson(ctx.kv, keys.timeline(c.id, c.timelineSeq), {
    seq: c.timelineSeq,
    at: ctx.time,
    height: ctx.height,
    txHash: ctx.txHash,
    by,
    action,
    details,
  });
}

/** The block time `seconds` after `time` (RFC 3339 with ms, like block times). */
export function addSeconds(time: string, seconds: number): string {
  return new Date(Date.parse(time) + seconds * 1000).toISOString();
}
