// Joint quality: any invited partner can dispute another partner's attestation or field value.
// The owner answers (confirms, corrects or withdraws it); until then the case does not move.
import { defineMessage } from '../../../app/module.ts';
import { putJson } from '../../../app/typed-kv.ts';
import { fail } from '../../../core/errors.ts';
import { recordTimeline, requireCase, requireOpen, requirePartner } from '../case-access.ts';
import { CasesErrors as E } from '../errors.ts';
import { fieldValueProblem } from '../field-values.ts';
import type { CaseRecords } from '../progress.ts';
import { answerDisputeSchema, disputeSchema } from '../schemas.ts';
import { type Dispute, type DisputeTarget, keys, putCase } from '../state.ts';

const sameTarget = (a: DisputeTarget, b: DisputeTarget) =>
  a.kind === 'field'
    ? b.kind === 'field' && a.field === b.field
    : b.kind === 'attestation' && a.attestation === b.attestation && a.oin === b.oin;

/** The organisation that owns the disputed attestation or field value. */
function ownerOf(r: CaseRecords, t: DisputeTarget): string {
  if (t.kind === 'field') {
    const f = r.fields.find((x) => x.name === t.field);
    if (!f) fail(E.unknown_field, `Field "${t.field}" of case ${r.case.id} has no value to dispute.`);
    return f.by;
  }
  const a = r.attestations.find((x) => x.kind === t.attestation && x.oin === t.oin);
  if (!a) fail(E.unknown_attestation, `${t.oin} has not attested "${t.attestation}" in case ${r.case.id}.`);
  return a.oin;
}

export const disputeItem = defineMessage({
  type: 'cases.dispute',
  summary:
    'An invited partner disputes another partner’s attestation or field value; the case waits for the owner’s answer.',
  schema: disputeSchema,
  handle(ctx, body) {
    const r = requireCase(ctx, body.caseId);
    const c = r.case;
    requireOpen(c);
    const { org } = requirePartner(ctx, r);
    const owner = ownerOf(r, body.target);
    if (owner === org.oin)
      fail(E.own_item, 'You own this attestation or field: correct it directly instead of disputing it.');
    const open = r.disputes.find((d) => d.status === 'open' && sameTarget(d.target, body.target));
    if (open)
      fail(E.dispute_open, `Dispute ${open.id} about the same item is already open.`, { disputeId: open.id });
    c.disputeSeq += 1;
    const d: Dispute = {
      id: String(c.disputeSeq),
      target: body.target,
      owner,
      raisedBy: org.oin,
      reason: body.reason,
      raisedAt: ctx.time,
      status: 'open',
    };
    if (body.evidence) d.evidence = body.evidence;
    putJson(ctx.kv, keys.dispute(c.id, d.id), d);
    ctx.involve(owner);
    const item =
      body.target.kind === 'field' ? body.target.field : `${body.target.attestation}@${body.target.oin}`;
    recordTimeline(ctx, c, org.oin, 'disputed', {
      dispute: d.id,
      target: body.target.kind,
      item,
      owner,
      reason: body.reason,
    });
    putCase(ctx.kv, c);
    ctx.emit('cases.disputed', { case: c.id, dispute: d.id, owner, by: org.oin, reason: body.reason });
  },
});

export const answerDispute = defineMessage({
  type: 'cases.answer_dispute',
  summary:
    'The owner of a disputed attestation or field confirms, corrects or withdraws it, which closes the dispute.',
  schema: answerDisputeSchema,
  handle(ctx, body) {
    const r = requireCase(ctx, body.caseId);
    const c = r.case;
    requireOpen(c);
    const { org } = requirePartner(ctx, r);
    const d = r.disputes.find((x) => x.id === body.disputeId);
    if (!d) fail(E.unknown_dispute, `Case ${c.id} has no dispute ${body.disputeId}.`);
    if (d.status !== 'open')
      fail(E.dispute_closed, `Dispute ${d.id} was already answered (${d.status}) on ${d.answeredAt}.`);
    if (d.owner !== org.oin)
      fail(E.not_owner, `Dispute ${d.id} is about an item of ${d.owner}; only that organisation answers it.`);
    const t = d.target;
    if (body.resolution !== 'corrected' && (body.value !== undefined || body.evidence !== undefined)) {
      fail(
        E.bad_answer,
        `A "${body.resolution}" answer carries no value or evidence; send "corrected" to change the item.`,
      );
    }
    if (t.kind === 'field') {
      const key = keys.field(c.id, t.field);
      if (body.evidence !== undefined)
        fail(E.bad_answer, 'A field is corrected with a value, not with evidence.');
      if (body.resolution === 'corrected') {
        if (body.value === undefined) fail(E.bad_answer, `Send the corrected value of field "${t.field}".`);
        const def = r.definition.fields.find((f) => f.name === t.field)!;
        const problem = fieldValueProblem(def, body.value);
        if (problem) fail(E.invalid_field_value, `The value of field "${t.field}" (${def.type}) ${problem}.`);
        putJson(ctx.kv, key, {
          name: t.field,
          value: body.value,
          by: org.oin,
          at: ctx.time,
          txHash: ctx.txHash,
        });
      }
      if (body.resolution === 'withdrawn') ctx.kv.delete(key);
    } else {
      const key = keys.attestation(c.id, t.attestation, t.oin);
      const a = r.attestations.find((x) => x.kind === t.attestation && x.oin === t.oin)!;
      if (body.value !== undefined)
        fail(E.bad_answer, 'An attestation is corrected with new evidence, not with a value.');
      if (body.resolution === 'corrected') {
        if (body.evidence === undefined) fail(E.bad_answer, 'Send the hash of the corrected evidence.');
        putJson(ctx.kv, key, { ...a, evidence: body.evidence, at: ctx.time, txHash: ctx.txHash });
      }
      if (body.resolution === 'withdrawn') ctx.kv.delete(key);
    }
    putJson(ctx.kv, keys.dispute(c.id, d.id), { ...d, status: body.resolution, answeredAt: ctx.time });
    ctx.involve(d.raisedBy);
    recordTimeline(ctx, c, org.oin, 'dispute_answered', { dispute: d.id, resolution: body.resolution });
    putCase(ctx.kv, c);
    ctx.emit('cases.dispute_answered', {
      case: c.id,
      dispute: d.id,
      resolution: body.resolution,
      by: org.oin,
    });
  },
});
