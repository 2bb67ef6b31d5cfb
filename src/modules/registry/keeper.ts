// What other modules (and governance) may ask of the registry, and the helpers its messages share.
import type { z } from 'zod';
import type { KVRead } from '../../app/kv.ts';
import type { BlockContext, TxContext } from '../../app/module.ts';
import { putJson } from '../../app/typed-kv.ts';
import { fail } from '../../core/errors.ts';
import { effectiveStatus, type RecordStatus } from '../../core/record-proof.ts';
import { orgOfKey, requireOrg } from '../identity/keeper.ts';
import { RegistryErrors as E } from './errors.ts';
import type { registerClassDefinitionSchema } from './schemas.ts';
import {
  getClass,
  getRecord,
  type HistoryAction,
  type HistoryEntry,
  type Holder,
  putRecord,
  type RegisterClass,
  type RegistryRecord,
  registryKeys,
} from './state.ts';

export type RegisterClassDefinition = z.infer<typeof registerClassDefinitionSchema>;
export type { Holder, RegisterClass, RegistryRecord } from './state.ts';
export { getClass, getRecord, listClasses, listHistory } from './state.ts';

/** Roles an organisation needs to be named issuer of a class. */
export const ISSUER_ROLES = ['issuer', 'registrar'];

/**
 * Creates or replaces a register class. Called by governance when a `set_register_class` proposal
 * passes: classes decide who may issue what, so only the consortium may set them.
 */
export function setRegisterClass(ctx: BlockContext, def: RegisterClassDefinition): RegisterClass {
  for (const oin of def.issuers) {
    const org = requireOrg(ctx.kv, oin);
    if (!org.roles.some((r) => ISSUER_ROLES.includes(r))) {
      fail(
        E.bad_class,
        `Organisation ${oin} cannot issue records: it has neither the role "issuer" nor "registrar". Grant the role first.`,
        { oin },
      );
    }
  }
  for (const oin of def.notaries) {
    if (!requireOrg(ctx.kv, oin).roles.includes('notary')) {
      fail(
        E.bad_class,
        `Organisation ${oin} cannot confirm transfers: it does not have the role "notary". Grant the role first.`,
        { oin },
      );
    }
  }
  const previous = getClass(ctx.kv, def.id);
  const cls: RegisterClass = {
    id: def.id,
    name: def.name,
    kind: def.kind,
    issuers: [...def.issuers].sort(),
    transferable: def.transferable,
    notaries: [...def.notaries].sort(),
    version: (previous?.version ?? 0) + 1,
    updatedAt: ctx.time,
    updatedHeight: ctx.height,
  };
  putJson(ctx.kv, registryKeys.class(cls.id), cls);
  ctx.emit('registry.class_set', { class: cls.id, version: cls.version, transferable: cls.transferable });
  return cls;
}

export function requireClass(kv: KVRead, id: string): RegisterClass {
  const cls = getClass(kv, id);
  if (!cls)
    fail(
      E.unknown_class,
      `There is no register class "${id}". A governance proposal (set_register_class) creates it.`,
      { classId: id },
    );
  return cls;
}

export function requireRecord(kv: KVRead, id: string): RegistryRecord {
  const r = getRecord(kv, id);
  if (!r) fail(E.unknown_record, `There is no record "${id}" in the register.`, { recordId: id });
  return r;
}

/** The status of a record at block time `time` (see core/record-proof.ts). */
export function recordStatus(r: RegistryRecord, time: string): RecordStatus {
  return effectiveStatus(r, time);
}

/** Refuses unless the record may still change: not revoked and not expired at this block. */
export function requireLive(ctx: BlockContext, r: RegistryRecord): void {
  const s = recordStatus(r, ctx.time);
  if (s === 'revoked')
    fail(
      E.record_revoked,
      `Record ${r.id} is revoked; a revoked record cannot change. Issue a new record instead.`,
    );
  if (s === 'expired')
    fail(
      E.record_expired,
      `Record ${r.id} expired after ${r.validUntil}; an expired record cannot change. Issue a new record instead.`,
    );
}

/** Refuses unless the record is in force right now: live, not suspended, and past its validFrom. */
export function requireInForce(ctx: BlockContext, r: RegistryRecord): void {
  requireLive(ctx, r);
  const s = recordStatus(r, ctx.time);
  if (s === 'suspended')
    fail(E.record_suspended, `Record ${r.id} is suspended; its issuer must reinstate it first.`);
  if (s === 'not_yet_valid')
    fail(E.record_not_yet_valid, `Record ${r.id} is valid only from ${r.validFrom}.`);
}

/** The signer's organisation, which must be an authorised issuer of the class. */
export function requireIssuer(ctx: TxContext, cls: RegisterClass, recordIssuer?: string): string {
  const org = orgOfKey(ctx.kv, ctx.signer);
  if (!org || !cls.issuers.includes(org.oin)) {
    fail(
      E.issuer_not_authorised,
      `Only the organisations named by register class "${cls.id}" may issue and manage its records (${cls.issuers.join(', ')}); the signing key is not theirs.`,
    );
  }
  if (recordIssuer !== undefined && org.oin !== recordIssuer) {
    fail(
      E.issuer_not_authorised,
      `Record was issued by ${recordIssuer}; only that organisation may manage it.`,
    );
  }
  ctx.involve(org.oin);
  return org.oin;
}

export function holderParticipant(h: Holder): string {
  return h.kind === 'key' ? h.pubKey : h.oin;
}

/** Does the tx signer act for `holder` (its own key, or a key of the holding organisation)? */
export function signerActsFor(ctx: TxContext, holder: Holder): boolean {
  if (holder.kind === 'key') return ctx.signer === holder.pubKey;
  return orgOfKey(ctx.kv, ctx.signer)?.oin === holder.oin;
}

export function requireHolder(ctx: TxContext, r: RegistryRecord, what: string): void {
  if (!signerActsFor(ctx, r.holder)) {
    fail(
      E.holder_mismatch,
      `Only the holder of record ${r.id} may ${what}; the signing key does not act for the holder.`,
    );
  }
}

export function sameHolder(a: Holder, b: Holder): boolean {
  return a.kind === 'key'
    ? b.kind === 'key' && a.pubKey === b.pubKey
    : b.kind === 'organisation' && a.oin === b.oin;
}

/**
 * Stores the changed record and appends its history entry. Every change goes through here, so the
 * history is complete even when several txs change one record in the same block.
 */
export function recordChange(
  ctx: BlockContext | TxContext,
  r: RegistryRecord,
  action: HistoryAction,
  details: Record<string, unknown>,
  organisation?: string,
): void {
  const version = r.version + 1;
  const next: RegistryRecord = { ...r, version, updatedAt: ctx.time, updatedHeight: ctx.height };
  putRecord(ctx.kv, next);
  const entry: HistoryEntry = {
    version,
    action,
    height: ctx.height,
    time: ctx.time,
    ...('txHash' in ctx ? { txHash: ctx.txHash, signer: ctx.signer } : {}),
    ...(organisation !== undefined ? { organisation } : {}),
    details,
  };
  putJson(ctx.kv, registryKeys.history(r.id, version), entry);
  ctx.emit(`registry.record_${action}`, { record: r.id, class: r.classId, version });
}
