// Issuing and managing records: only an organisation the record's class names as issuer may issue,
// and only the issuing organisation may later amend, suspend, reinstate or revoke its records.
import { defineMessage, type TxContext } from '../../app/module.ts';
import { putJson } from '../../app/typed-kv.ts';
import { fail } from '../../core/errors.ts';
import { requireOrg } from '../identity/keeper.ts';
import { RegistryErrors as E } from './errors.ts';
import {
  holderParticipant,
  recordChange,
  requireClass,
  requireIssuer,
  requireLive,
  requireRecord,
} from './keeper.ts';
import { amendRecordSchema, issueRecordSchema, recordReasonSchema } from './schemas.ts';
import { type DocumentRef, getDocumentRef, getRecord, type RegistryRecord, registryKeys } from './state.ts';

function checkValidity(ctx: TxContext, validFrom: string, validUntil: string | undefined): void {
  if (validUntil === undefined) return;
  if (validUntil < validFrom)
    fail(E.bad_validity, `validUntil ${validUntil} lies before validFrom ${validFrom}.`);
  const today = ctx.time.slice(0, 10);
  if (validUntil < today)
    fail(
      E.bad_validity,
      `validUntil ${validUntil} has already passed (today is ${today}); a record cannot be valid only in the past.`,
    );
}

function claimDocument(ctx: TxContext, hash: string, ref: DocumentRef): void {
  const used = getDocumentRef(ctx.kv, hash);
  if (used) {
    fail(
      E.duplicate_document,
      `Document ${hash} is already registered for record ${used.recordId}; a document belongs to one record.`,
      {
        recordId: used.recordId,
      },
    );
  }
  putJson(ctx.kv, registryKeys.document(hash), ref);
}

export const issueRecord = defineMessage({
  type: 'registry.issue',
  summary: 'An authorised issuer registers a record (title, certificate, permit, visa) of a register class.',
  schema: issueRecordSchema,
  handle(ctx, body) {
    const cls = requireClass(ctx.kv, body.classId);
    const issuer = requireIssuer(ctx, cls);
    if (getRecord(ctx.kv, body.id))
      fail(E.duplicate_id, `Record id "${body.id}" is already used; choose another id.`, {
        recordId: body.id,
      });
    checkValidity(ctx, body.validFrom, body.validUntil);
    if (body.holder.kind === 'organisation') requireOrg(ctx.kv, body.holder.oin);
    claimDocument(ctx, body.documentHash, { recordId: body.id, version: 1 });
    const record: RegistryRecord = {
      id: body.id,
      classId: cls.id,
      issuer,
      holder: body.holder,
      attributes: body.attributes,
      documentHash: body.documentHash,
      validFrom: body.validFrom,
      ...(body.validUntil !== undefined ? { validUntil: body.validUntil } : {}),
      status: 'active',
      issuedAt: ctx.time,
      issuedHeight: ctx.height,
      updatedAt: ctx.time,
      updatedHeight: ctx.height,
      version: 0,
      encumbrances: [],
    };
    ctx.kv.set(registryKeys.byClass(cls.id, record.id), '1');
    ctx.kv.set(registryKeys.byHolder(record.holder, record.id), '1');
    if (record.validUntil !== undefined) ctx.kv.set(registryKeys.expiry(record.validUntil, record.id), '1');
    ctx.involve(holderParticipant(record.holder));
    recordChange(
      ctx,
      record,
      'issued',
      { classId: cls.id, holder: record.holder, documentHash: record.documentHash },
      issuer,
    );
  },
});

export const amendRecord = defineMessage({
  type: 'registry.amend',
  summary: 'The issuer corrects the attributes, document hash or validity of a record.',
  schema: amendRecordSchema,
  handle(ctx, body) {
    const r = requireRecord(ctx.kv, body.recordId);
    const issuer = requireIssuer(ctx, requireClass(ctx.kv, r.classId), r.issuer);
    requireLive(ctx, r);
    const validFrom = body.validFrom ?? r.validFrom;
    const validUntil = body.validUntil === undefined ? r.validUntil : (body.validUntil ?? undefined);
    checkValidity(ctx, validFrom, validUntil);
    const changes: Record<string, unknown> = {};
    if (body.documentHash !== undefined && body.documentHash !== r.documentHash) {
      claimDocument(ctx, body.documentHash, { recordId: r.id, version: r.version + 1 });
      changes.documentHash = body.documentHash;
    }
    if (body.attributes !== undefined) changes.attributes = body.attributes;
    if (validFrom !== r.validFrom) changes.validFrom = validFrom;
    if (validUntil !== r.validUntil) {
      changes.validUntil = validUntil ?? null;
      if (r.validUntil !== undefined) ctx.kv.delete(registryKeys.expiry(r.validUntil, r.id));
      if (validUntil !== undefined) ctx.kv.set(registryKeys.expiry(validUntil, r.id), '1');
    }
    const { validUntil: _old, ...rest } = r;
    const next: RegistryRecord = {
      ...rest,
      attributes: body.attributes ?? r.attributes,
      documentHash: body.documentHash ?? r.documentHash,
      validFrom,
      ...(validUntil !== undefined ? { validUntil } : {}),
      statusReason: body.reason,
    };
    ctx.involve(holderParticipant(r.holder));
    recordChange(ctx, next, 'amended', { ...changes, reason: body.reason }, issuer);
  },
});

export const suspendRecord = defineMessage({
  type: 'registry.suspend',
  summary: 'The issuer suspends an active record (it stays registered but is not in force).',
  schema: recordReasonSchema,
  handle(ctx, body) {
    const r = requireRecord(ctx.kv, body.recordId);
    const issuer = requireIssuer(ctx, requireClass(ctx.kv, r.classId), r.issuer);
    requireLive(ctx, r);
    if (r.status !== 'active')
      fail(
        E.not_active,
        `Record ${r.id} is ${r.status}, not active; only an active record can be suspended.`,
      );
    ctx.involve(holderParticipant(r.holder));
    recordChange(
      ctx,
      { ...r, status: 'suspended', statusReason: body.reason },
      'suspended',
      { reason: body.reason },
      issuer,
    );
  },
});

export const reinstateRecord = defineMessage({
  type: 'registry.reinstate',
  summary: 'The issuer lifts the suspension of a record.',
  schema: recordReasonSchema,
  handle(ctx, body) {
    const r = requireRecord(ctx.kv, body.recordId);
    const issuer = requireIssuer(ctx, requireClass(ctx.kv, r.classId), r.issuer);
    requireLive(ctx, r);
    if (r.status !== 'suspended')
      fail(E.not_suspended, `Record ${r.id} is ${r.status}, not suspended; there is nothing to reinstate.`);
    ctx.involve(holderParticipant(r.holder));
    recordChange(
      ctx,
      { ...r, status: 'active', statusReason: body.reason },
      'reinstated',
      { reason: body.reason },
      issuer,
    );
  },
});

export const revokeRecord = defineMessage({
  type: 'registry.revoke',
  summary: 'The issuer revokes a record for good; a pending transfer lapses.',
  schema: recordReasonSchema,
  handle(ctx, body) {
    const r = requireRecord(ctx.kv, body.recordId);
    const issuer = requireIssuer(ctx, requireClass(ctx.kv, r.classId), r.issuer);
    requireLive(ctx, r);
    if (r.validUntil !== undefined) ctx.kv.delete(registryKeys.expiry(r.validUntil, r.id));
    const { pendingTransfer: _lapsed, ...rest } = r;
    ctx.involve(holderParticipant(r.holder));
    recordChange(
      ctx,
      { ...rest, status: 'revoked', statusReason: body.reason },
      'revoked',
      { reason: body.reason },
      issuer,
    );
  },
});
