// Opening a case for a resident (known only by a pseudonymous key or a salted reference) and
// inviting partners into case roles.
import { defineMessage } from '../../../app/module.ts';
import { getJson, putJson } from '../../../app/typed-kv.ts';
import { fail } from '../../../core/errors.ts';
import { hasRole, orgOfKey, requireOrg, requireSignerRole } from '../../identity/keeper.ts';
import { addSeconds, recordTimeline, requireCase, requireOpen, requirePartner } from '../case-access.ts';
import { CasesErrors as E } from '../errors.ts';
import { subjectKey } from '../no-personal-data.ts';
import { SUBJECT_ROLE } from '../process-schema.ts';
import { holders } from '../progress.ts';
import { inviteSchema, openCaseSchema } from '../schemas.ts';
import { type Case, getPartner, getProcess, keys, type Partner, putCase } from '../state.ts';

/** The identity role an organisation needs to open or join cases. */
export const CASE_PARTNER_ROLE = 'case_partner';

export const openCase = defineMessage({
  type: 'cases.open',
  summary:
    'A partner opens a case of a published process for a resident known by a pseudonymous key or salted reference.',
  schema: openCaseSchema,
  handle(ctx, body) {
    const org = requireSignerRole(ctx, CASE_PARTNER_ROLE);
    const def = getProcess(ctx.kv, body.process);
    if (!def)
      fail(
        E.unknown_process,
        `No process "${body.process}" has been published. Governance publishes processes.`,
      );
    if (body.subject.kind === 'pseudonym' && orgOfKey(ctx.kv, body.subject.pubKey)) {
      fail(
        E.subject_is_organisation,
        'The subject key is an organisation key; a case is about a resident’s own pseudonymous key.',
      );
    }
    if (body.subject.kind !== 'pseudonym' && def.attestations.some((a) => a.by === SUBJECT_ROLE)) {
      fail(
        E.subject_key_required,
        `In process "${def.id}" the resident signs attestations, so the case needs the resident’s pseudonymous key, not a reference.`,
      );
    }
    const bySubject = keys.openBySubject(def.id, subjectKey(body.subject));
    const existing = getJson<string>(ctx.kv, bySubject);
    if (existing) {
      fail(
        E.duplicate_case,
        `Case ${existing} of process "${def.id}" is already open for this subject; join it instead of opening a second one.`,
        {
          caseId: existing,
        },
      );
    }
    const seq = (getJson<number>(ctx.kv, keys.caseSeq) ?? 0) + 1;
    putJson(ctx.kv, keys.caseSeq, seq);
    const id = String(seq);
    const first = def.steps.find((s) => s.id === def.initialStep)!;
    const c: Case = {
      id,
      process: def.id,
      processVersion: def.version,
      subject: body.subject,
      opener: org.oin,
      openedAt: ctx.time,
      status: 'open',
      step: first.id,
      stepEnteredAt: ctx.time,
      dueAt: first.deadlineSeconds === undefined ? null : addSeconds(ctx.time, first.deadlineSeconds),
      disputeSeq: 0,
      timelineSeq: 0,
    };
    const partner: Partner = {
      oin: org.oin,
      roles: [def.openerRole],
      invitedBy: org.oin,
      invitedAt: ctx.time,
    };
    putJson(ctx.kv, keys.partner(id, org.oin), partner);
    ctx.kv.set(keys.index(id), '1');
    ctx.kv.set(keys.byPartner(org.oin, id), '1');
    ctx.kv.set(keys.openByPartner(org.oin, id), '1');
    putJson(ctx.kv, bySubject, id);
    recordTimeline(ctx, c, org.oin, 'opened', {
      process: def.id,
      version: String(def.version),
      step: c.step,
    });
    putCase(ctx.kv, c);
    ctx.emit('cases.opened', {
      case: id,
      process: def.id,
      version: def.version,
      opener: org.oin,
      step: c.step,
    });
  },
});

export const inviteToCase = defineMessage({
  type: 'cases.invite',
  summary: 'A case partner invites an organisation into a case role (e.g. creditor, benefits_agency).',
  schema: inviteSchema,
  handle(ctx, body) {
    const r = requireCase(ctx, body.caseId);
    requireOpen(r.case);
    const { org, partner } = requirePartner(ctx, r);
    const roleDef = r.definition.roles.find((d) => d.role === body.role);
    if (!roleDef) {
      fail(
        E.wrong_role,
        `Process "${r.case.process}" has no case role "${body.role}"; its roles are ${r.definition.roles.map((d) => d.role).join(', ')}.`,
      );
    }
    if (!roleDef.invitedBy.some((by) => partner.roles.includes(by))) {
      fail(
        E.wrong_role,
        `Only a partner in the case role ${roleDef.invitedBy.join(' or ') || '(none)'} may invite a "${body.role}"; ${org.oin} holds ${partner.roles.join(', ')}.`,
        { role: body.role },
      );
    }
    requireOrg(ctx.kv, body.oin);
    if (!hasRole(ctx.kv, body.oin, CASE_PARTNER_ROLE)) {
      fail(
        E.not_case_partner,
        `Organisation ${body.oin} lacks the role "${CASE_PARTNER_ROLE}"; governance grants it before it can join cases.`,
      );
    }
    const current = getPartner(ctx.kv, r.case.id, body.oin);
    if (current?.roles.includes(body.role))
      fail(E.already_invited, `${body.oin} already is a "${body.role}" in case ${r.case.id}.`);
    const max = roleDef.maxPartners;
    if (max !== undefined && holders(r.partners, body.role).length >= max) {
      fail(
        E.too_many_partners,
        `Case ${r.case.id} already has ${max} partner(s) in the role "${body.role}", the most its process allows.`,
      );
    }
    const next: Partner = current
      ? { ...current, roles: [...current.roles, body.role].sort() }
      : { oin: body.oin, roles: [body.role], invitedBy: org.oin, invitedAt: ctx.time };
    putJson(ctx.kv, keys.partner(r.case.id, body.oin), next);
    ctx.kv.set(keys.byPartner(body.oin, r.case.id), '1');
    ctx.kv.set(keys.openByPartner(body.oin, r.case.id), '1');
    ctx.involve(body.oin);
    recordTimeline(ctx, r.case, org.oin, 'invited', { oin: body.oin, role: body.role });
    putCase(ctx.kv, r.case);
    ctx.emit('cases.partner_invited', { case: r.case.id, oin: body.oin, role: body.role, by: org.oin });
  },
});
