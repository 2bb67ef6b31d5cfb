// The work in a case: partners attest, owners set fields, and the performer of the current step
// moves the case along an allowed transition once the step's requirements are present.
import { defineMessage, type TxContext } from '../../../app/module.ts';
import { putJson } from '../../../app/typed-kv.ts';
import { fail } from '../../../core/errors.ts';
import {
  addSeconds,
  recordTimeline,
  requireCase,
  requireCaseRole,
  requireOpen,
  requirePartner,
} from '../case-access.ts';
import { CasesErrors as E } from '../errors.ts';
import { fieldValueProblem } from '../field-values.ts';
import { SUBJECT_ROLE } from '../process-schema.ts';
import { type Missing, stepProgress } from '../progress.ts';
import { advanceSchema, attestSchema, setFieldSchema } from '../schemas.ts';
import { type Attestation, type Case, type Dispute, type FieldValue, keys, putCase } from '../state.ts';
import { closeCaseIndexes } from './close.ts';

const openDisputeOn = (disputes: Dispute[], match: (d: Dispute) => boolean) =>
  disputes.find((d) => d.status === 'open' && match(d));

export const attest = defineMessage({
  type: 'cases.attest',
  summary:
    'A partner attests something in its case role (e.g. income_verified, claim_confirmed), optionally with an evidence hash.',
  schema: attestSchema,
  handle(ctx, body) {
    const r = requireCase(ctx, body.caseId);
    requireOpen(r.case);
    const def = r.definition.attestations.find((a) => a.kind === body.kind);
    if (!def) {
      fail(
        E.unknown_attestation,
        `Process "${r.case.process}" knows no attestation "${body.kind}"; it knows ${r.definition.attestations.map((a) => a.kind).join(', ') || 'none'}.`,
      );
    }
    // The resident attests with their own pseudonymous key; partners with their organisation key.
    const attester =
      def.by === SUBJECT_ROLE ? requireSubjectSigner(ctx, r.case) : requirePartner(ctx, r).org.oin;
    if (def.by !== SUBJECT_ROLE)
      requireCaseRole(
        r.partners.find((p) => p.oin === attester)!,
        def.by,
        r.case.id,
        `attest "${body.kind}"`,
      );
    const disputed = openDisputeOn(
      r.disputes,
      (d) =>
        d.target.kind === 'attestation' && d.target.attestation === body.kind && d.target.oin === attester,
    );
    if (disputed)
      fail(
        E.dispute_open,
        `Dispute ${disputed.id} about this attestation is open: answer it (confirm or correct) instead of attesting again.`,
      );
    const a: Attestation = { kind: body.kind, oin: attester, role: def.by, at: ctx.time, txHash: ctx.txHash };
    if (body.evidence) a.evidence = body.evidence;
    putJson(ctx.kv, keys.attestation(r.case.id, body.kind, attester), a);
    recordTimeline(ctx, r.case, attester, 'attested', {
      attestation: body.kind,
      ...(body.evidence ? { evidence: body.evidence } : {}),
    });
    putCase(ctx.kv, r.case);
    ctx.emit('cases.attested', { case: r.case.id, attestation: body.kind, by: attester });
  },
});

export const setField = defineMessage({
  type: 'cases.set_field',
  summary:
    'The partner that owns a field of the process sets its value (an amount, count, date, hash or code).',
  schema: setFieldSchema,
  handle(ctx, body) {
    const r = requireCase(ctx, body.caseId);
    requireOpen(r.case);
    const { org, partner } = requirePartner(ctx, r);
    const def = r.definition.fields.find((f) => f.name === body.field);
    if (!def) {
      fail(
        E.unknown_field,
        `Process "${r.case.process}" has no field "${body.field}"; it has ${r.definition.fields.map((f) => f.name).join(', ') || 'none'}.`,
      );
    }
    requireCaseRole(partner, def.owner, r.case.id, `set the field "${body.field}"`);
    const problem = fieldValueProblem(def, body.value);
    if (problem) fail(E.invalid_field_value, `The value of field "${body.field}" (${def.type}) ${problem}.`);
    const disputed = openDisputeOn(
      r.disputes,
      (d) => d.target.kind === 'field' && d.target.field === body.field,
    );
    if (disputed)
      fail(
        E.dispute_open,
        `Dispute ${disputed.id} about this field is open: answer it (confirm or correct) instead.`,
      );
    const f: FieldValue = {
      name: body.field,
      value: body.value,
      by: org.oin,
      at: ctx.time,
      txHash: ctx.txHash,
    };
    putJson(ctx.kv, keys.field(r.case.id, body.field), f);
    recordTimeline(ctx, r.case, org.oin, 'field_set', { field: body.field, value: body.value });
    putCase(ctx.kv, r.case);
    ctx.emit('cases.field_set', { case: r.case.id, field: body.field, oin: org.oin });
  },
});

/** The signer must be the case's resident, by the pseudonymous key the case was opened for. */
function requireSubjectSigner(ctx: TxContext, c: Case): string {
  if (c.subject?.kind !== 'pseudonym' || c.subject.pubKey !== ctx.signer) {
    fail(
      E.wrong_role,
      `Only the resident of case ${c.id}, signing with the pseudonymous key the case was opened for, gives this attestation.`,
      {
        role: SUBJECT_ROLE,
      },
    );
  }
  return SUBJECT_ROLE;
}

function describeMissing(m: Missing): string {
  if (m.kind === 'field') return `field "${m.field}" (set by the ${m.owner})`;
  const who = m.pending.length > 0 ? `pending: ${m.pending.join(', ')}` : `no ${m.by} invited yet`;
  return `attestation "${m.attestation}" from ${m.quorum === 'each' ? 'each' : 'a'} ${m.by} (${who})`;
}

export const advance = defineMessage({
  type: 'cases.advance',
  summary: 'The performer of the current step moves the case along an allowed transition.',
  schema: advanceSchema,
  handle(ctx, body) {
    const r = requireCase(ctx, body.caseId);
    const c = r.case;
    requireOpen(c);
    const { org, partner } = requirePartner(ctx, r);
    const transition = r.definition.transitions.find((t) => t.from === c.step && t.to === body.to);
    if (!transition) {
      const allowed = r.definition.transitions.filter((t) => t.from === c.step).map((t) => t.to);
      fail(
        E.transition_not_allowed,
        `Case ${c.id} cannot move from "${c.step}" to "${body.to}"; allowed: ${allowed.join(', ')}.`,
        { allowed },
      );
    }
    const step = r.definition.steps.find((s) => s.id === c.step)!;
    requireCaseRole(partner, step.performer, c.id, `move the case out of step "${c.step}"`);
    const progress = stepProgress(r);
    if (progress.openDisputes.length > 0) {
      fail(
        E.dispute_open,
        `Dispute(s) ${progress.openDisputes.join(', ')} of case ${c.id} are open; their owners answer them before the case proceeds.`,
      );
    }
    if (transition.requiresComplete && !progress.complete) {
      fail(
        E.requirements_missing,
        `Step "${c.step}" is not complete; missing: ${progress.missing.map(describeMissing).join('; ')}.`,
        {
          missing: progress.missing,
        },
      );
    }
    const target = r.definition.steps.find((s) => s.id === body.to)!;
    const from = c.step;
    c.step = target.id;
    c.stepEnteredAt = ctx.time;
    c.dueAt = target.deadlineSeconds === undefined ? null : addSeconds(ctx.time, target.deadlineSeconds);
    recordTimeline(ctx, c, org.oin, 'advanced', { from, to: target.id });
    ctx.emit('cases.advanced', { case: c.id, from, to: target.id, oin: org.oin });
    if (target.terminal) {
      c.status = 'closed';
      c.closedAt = ctx.time;
      closeCaseIndexes(ctx.kv, r);
      ctx.emit('cases.closed', { case: c.id, step: target.id });
    }
    putCase(ctx.kv, c);
  },
});
