// Encumbrances (mortgage, attachment, easement) on transferable records. The holder grants one in
// favour of a creditor organisation (as an owner grants a mortgage to a bank); only that creditor
// can release it, and while any is registered the record cannot be transferred.
import { defineMessage } from '../../app/module.ts';
import { fail } from '../../core/errors.ts';
import { orgOfKey, requireOrg } from '../identity/keeper.ts';
import { RegistryErrors as E } from './errors.ts';
import {
  holderParticipant,
  recordChange,
  requireClass,
  requireHolder,
  requireInForce,
  requireLive,
  requireRecord,
} from './keeper.ts';
import { encumberSchema, releaseEncumbranceSchema } from './schemas.ts';
import type { Encumbrance } from './state.ts';

export const encumberRecord = defineMessage({
  type: 'registry.encumber',
  summary: 'The holder registers an encumbrance (e.g. a mortgage) in favour of a creditor organisation.',
  schema: encumberSchema,
  handle(ctx, body) {
    const r = requireRecord(ctx.kv, body.recordId);
    const cls = requireClass(ctx.kv, r.classId);
    if (!cls.transferable)
      fail(
        E.not_transferable,
        `Records of class "${cls.id}" are not transferable, so they cannot be encumbered.`,
      );
    requireInForce(ctx, r);
    requireHolder(ctx, r, 'encumber it');
    requireOrg(ctx.kv, body.creditor);
    if (r.encumbrances.some((e) => e.id === body.encumbranceId)) {
      fail(
        E.encumbrance_exists,
        `Record ${r.id} already has an encumbrance "${body.encumbranceId}"; choose another id.`,
      );
    }
    const enc: Encumbrance = {
      id: body.encumbranceId,
      kind: body.kind,
      creditor: body.creditor,
      ...(body.amountCents !== undefined ? { amountCents: body.amountCents } : {}),
      ...(body.deedHash !== undefined ? { deedHash: body.deedHash } : {}),
      registeredAt: ctx.time,
      registeredHeight: ctx.height,
    };
    const encumbrances = [...r.encumbrances, enc].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    ctx.involve(holderParticipant(r.holder), body.creditor);
    recordChange(ctx, { ...r, encumbrances }, 'encumbered', {
      encumbranceId: enc.id,
      kind: enc.kind,
      creditor: enc.creditor,
    });
  },
});

export const releaseEncumbrance = defineMessage({
  type: 'registry.release_encumbrance',
  summary: 'The creditor organisation releases its encumbrance on a record.',
  schema: releaseEncumbranceSchema,
  handle(ctx, body) {
    const r = requireRecord(ctx.kv, body.recordId);
    const enc = r.encumbrances.find((e) => e.id === body.encumbranceId);
    if (!enc) fail(E.unknown_encumbrance, `Record ${r.id} has no encumbrance "${body.encumbranceId}".`);
    const org = orgOfKey(ctx.kv, ctx.signer);
    if (org?.oin !== enc.creditor)
      fail(E.not_creditor, `Only the creditor ${enc.creditor} may release encumbrance ${enc.id}.`);
    requireLive(ctx, r);
    ctx.involve(holderParticipant(r.holder), enc.creditor);
    recordChange(
      ctx,
      { ...r, encumbrances: r.encumbrances.filter((e) => e.id !== enc.id) },
      'encumbrance_released',
      { encumbranceId: enc.id },
      enc.creditor,
    );
  },
});
