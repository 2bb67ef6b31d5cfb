// What other modules may ask of identity: who signed, and may they act in this role.
import type { KVRead } from '../../app/kv.ts';
import type { TxContext } from '../../app/module.ts';
import { getJson } from '../../app/typed-kv.ts';
import { fail } from '../../core/errors.ts';
import { IdentityErrors as E } from './errors.ts';
import { getOrg, keys, type Organisation } from './state.ts';

export type { Organisation } from './state.ts';
export { getOrg, listOrgs } from './state.ts';

/** The organisation whose active key is `pubKey`, if any. */
export function orgOfKey(kv: KVRead, pubKey: string): Organisation | undefined {
  const ref = getJson<{ oin: string }>(kv, keys.key(pubKey));
  return ref ? getOrg(kv, ref.oin) : undefined;
}

/** The signer's organisation; refuses plain (citizen) accounts. Marks the organisation as participant. */
export function requireSignerOrg(ctx: TxContext): Organisation {
  const org = orgOfKey(ctx.kv, ctx.signer);
  if (!org) {
    fail(
      E.not_organisation_key,
      'Only an organisation can do this, and the signing key belongs to no organisation. Sign with a key of your organisation.',
    );
  }
  ctx.involve(org.oin);
  return org;
}

/** The signer's organisation, which must hold `role`. */
export function requireSignerRole(ctx: TxContext, role: string): Organisation {
  const org = requireSignerOrg(ctx);
  if (!org.roles.includes(role)) {
    fail(
      E.missing_role,
      `Organisation ${org.oin} does not have the role "${role}". A governance proposal can grant it.`,
      { role },
    );
  }
  return org;
}

export function hasRole(kv: KVRead, oin: string, role: string): boolean {
  return getOrg(kv, oin)?.roles.includes(role) ?? false;
}

export function requireOrg(kv: KVRead, oin: string): Organisation {
  const org = getOrg(kv, oin);
  if (!org)
    fail(E.unknown_organisation, `No organisation with OIN ${oin} is registered on this ledger.`, { oin });
  return org;
}
