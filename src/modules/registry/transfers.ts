// Transfers of transferable records (property titles) in three signed steps, as at a notary's
// office: the seller (current holder) proposes, the buyer accepts, a notary the class names confirms,
// and only that confirmation moves the record. Classes without notaries transfer on acceptance.
// Encumbrances block a transfer at every step, including the last.
import { defineMessage, type TxContext } from '../../app/module.ts';
import { fail } from '../../core/errors.ts';
import { orgOfKey, requireOrg } from '../identity/keeper.ts';
import { RegistryErrors as E } from './errors.ts';
import {
  holderParticipant,
  recordChange,
  requireClass,
  requireHolder,
  requireInForce,
  requireRecord,
  sameHolder,
  signerActsFor,
} from './keeper.ts';
import { proposeTransferSchema, recordIdSchema } from './schemas.ts';
import type { PendingTransfer, RegisterClass, RegistryRecord } from './state.ts';
import { registryKeys } from './state.ts';

function requireUnencumbered(r: RegistryRecord): void {
  if (r.encumbrances.length > 0) {
    const list = r.encumbrances.map((e) => `${e.id} (${e.kind}, ${e.creditor})`).join(', ');
    fail(
      E.encumbered,
      `Record ${r.id} is encumbered by ${list}; the creditor must release it before the record can be transferred.`,
      {
        encumbrances: r.encumbrances.map((e) => e.id),
      },
    );
  }
}

function requirePending(r: RegistryRecord): PendingTransfer {
  if (!r.pendingTransfer)
    fail(E.no_pending_transfer, `Record ${r.id} has no pending transfer; the holder proposes one first.`);
  return r.pendingTransfer;
}

/** The signer's organisation if the class names it as notary (and it still holds the notary role). */
function notaryOf(ctx: TxContext, cls: RegisterClass): string | undefined {
  const org = orgOfKey(ctx.kv, ctx.signer);
  return org && cls.notaries.includes(org.oin) && org.roles.includes('notary') ? org.oin : undefined;
}

function complete(ctx: TxContext, r: RegistryRecord, p: PendingTransfer, notary: string | undefined): void {
  requireInForce(ctx, r);
  requireUnencumbered(r);
  ctx.kv.delete(registryKeys.byHolder(r.holder, r.id));
  ctx.kv.set(registryKeys.byHolder(p.to, r.id), '1');
  const { pendingTransfer: _done, ...rest } = r;
  ctx.involve(holderParticipant(p.from), holderParticipant(p.to));
  recordChange(
    ctx,
    { ...rest, holder: p.to },
    'transferred',
    {
      from: p.from,
      to: p.to,
      ...(p.deedHash ? { deedHash: p.deedHash } : {}),
      ...(notary ? { notary } : {}),
    },
    notary,
  );
}

export const proposeTransfer = defineMessage({
  type: 'registry.propose_transfer',
  summary: 'The holder (seller) proposes to transfer a record to a buyer (first of three signatures).',
  schema: proposeTransferSchema,
  handle(ctx, body) {
    const r = requireRecord(ctx.kv, body.recordId);
    const cls = requireClass(ctx.kv, r.classId);
    if (!cls.transferable) fail(E.not_transferable, `Records of class "${cls.id}" cannot be transferred.`);
    requireInForce(ctx, r);
    requireHolder(ctx, r, 'propose its transfer');
    if (r.pendingTransfer)
      fail(E.transfer_pending, `Record ${r.id} already has a pending transfer; cancel it first.`);
    requireUnencumbered(r);
    if (sameHolder(body.to, r.holder))
      fail(E.bad_transfer, 'The buyer is already the holder of this record.');
    if (body.to.kind === 'organisation') requireOrg(ctx.kv, body.to.oin);
    const pending: PendingTransfer = {
      from: r.holder,
      to: body.to,
      ...(body.deedHash ? { deedHash: body.deedHash } : {}),
      proposedAt: ctx.time,
      proposedHeight: ctx.height,
    };
    ctx.involve(holderParticipant(r.holder), holderParticipant(body.to));
    recordChange(ctx, { ...r, pendingTransfer: pending }, 'transfer_proposed', {
      to: body.to,
      ...(body.deedHash ? { deedHash: body.deedHash } : {}),
    });
  },
});

export const acceptTransfer = defineMessage({
  type: 'registry.accept_transfer',
  summary: 'The buyer named in a pending transfer accepts it (second signature).',
  schema: recordIdSchema,
  handle(ctx, body) {
    const r = requireRecord(ctx.kv, body.recordId);
    const cls = requireClass(ctx.kv, r.classId);
    const p = requirePending(r);
    if (!signerActsFor(ctx, p.to))
      fail(E.holder_mismatch, `Only the buyer named in the pending transfer of ${r.id} may accept it.`);
    if (p.acceptedAt)
      fail(E.bad_transfer, `The buyer already accepted the transfer of ${r.id} at ${p.acceptedAt}.`);
    requireInForce(ctx, r);
    requireUnencumbered(r);
    const accepted: RegistryRecord = { ...r, pendingTransfer: { ...p, acceptedAt: ctx.time } };
    ctx.involve(holderParticipant(p.from), holderParticipant(p.to));
    recordChange(ctx, accepted, 'transfer_accepted', {});
    // Without notaries the buyer's signature is the last one needed.
    if (cls.notaries.length === 0) complete(ctx, requireRecord(ctx.kv, r.id), p, undefined);
  },
});

export const confirmTransfer = defineMessage({
  type: 'registry.confirm_transfer',
  summary:
    'A notary named by the class confirms an accepted transfer, which moves the record (third signature).',
  schema: recordIdSchema,
  handle(ctx, body) {
    const r = requireRecord(ctx.kv, body.recordId);
    const cls = requireClass(ctx.kv, r.classId);
    const p = requirePending(r);
    const notary = notaryOf(ctx, cls);
    if (!notary) {
      fail(
        E.notary_not_authorised,
        `Only a notary organisation named by class "${cls.id}" may confirm its transfers (${cls.notaries.join(', ') || 'none named'}).`,
      );
    }
    ctx.involve(notary);
    if (!p.acceptedAt)
      fail(
        E.missing_cosignature,
        `The buyer has not accepted the transfer of ${r.id} yet; the notary confirms only after both parties signed.`,
      );
    complete(ctx, r, p, notary);
  },
});

export const cancelTransfer = defineMessage({
  type: 'registry.cancel_transfer',
  summary: 'The seller, the buyer or a notary of the class withdraws a pending transfer.',
  schema: recordIdSchema,
  handle(ctx, body) {
    const r = requireRecord(ctx.kv, body.recordId);
    const cls = requireClass(ctx.kv, r.classId);
    const p = requirePending(r);
    const notary = notaryOf(ctx, cls);
    if (!signerActsFor(ctx, p.from) && !signerActsFor(ctx, p.to) && !notary) {
      fail(
        E.holder_mismatch,
        `Only the seller, the buyer or a notary of class "${cls.id}" may cancel the transfer of ${r.id}.`,
      );
    }
    const { pendingTransfer: _cancelled, ...rest } = r;
    ctx.involve(holderParticipant(p.from), holderParticipant(p.to));
    recordChange(ctx, rest, 'transfer_cancelled', {}, notary);
  },
});
