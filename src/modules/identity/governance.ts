// Proposals pass with approval of more than two thirds of the consortium members, counted when a
// vote arrives; they are rejected as soon as that can no longer happen, and expire at the deadline.
import type { BlockContext } from '../../app/module.ts';
import { putJson } from '../../app/typed-kv.ts';
import { fail } from '../../core/errors.ts';
import { publishProcess } from '../cases/publish.ts';
import { setRegisterClass } from '../registry/keeper.ts';
import { IdentityErrors as E } from './errors.ts';
import {
  getOrg,
  keys,
  listOrgs,
  memberOins,
  type Organisation,
  type Proposal,
  type ProposalAction,
  putOrg,
  putProposal,
} from './state.ts';

export function passes(approvals: number, members: number): boolean {
  return approvals * 3 > members * 2;
}

export function decide(ctx: BlockContext, p: Proposal): void {
  const members = memberOins(ctx.kv).length;
  if (passes(p.approvals.length, members)) {
    execute(ctx, p.action);
    close(ctx, p, 'passed', members);
  } else if (!passes(members - p.rejections.length, members)) {
    close(ctx, p, 'rejected', members);
  }
}

function close(
  ctx: BlockContext,
  p: Proposal,
  status: 'passed' | 'rejected' | 'expired',
  members: number,
): void {
  ctx.kv.delete(keys.open(p.deadline, p.id));
  putProposal(ctx.kv, { ...p, status, decidedAt: ctx.time, membersAtDecision: members });
  ctx.emit(`identity.proposal_${status}`, { proposal: p.id, action: p.action.kind });
}

export function expireProposals(ctx: BlockContext): void {
  const due: string[] = [];
  for (const [k] of ctx.kv.iterate(keys.openPrefix)) {
    const deadline = k.slice(keys.openPrefix.length, keys.openPrefix.length + 24);
    if (deadline > ctx.time) break; // keys sort by deadline
    due.push(k.slice(keys.openPrefix.length + 25));
  }
  for (const id of due) {
    const p = JSON.parse(ctx.kv.get(keys.proposal(id)) ?? 'null') as Proposal | null;
    if (p && p.status === 'open') close(ctx, p, 'expired', memberOins(ctx.kv).length);
  }
}

function execute(ctx: BlockContext, a: ProposalAction): void {
  switch (a.kind) {
    case 'add_organisation': {
      if (getOrg(ctx.kv, a.oin)) fail(E.organisation_exists, `Organisation ${a.oin} is already registered.`);
      const org: Organisation = {
        oin: a.oin,
        name: a.name,
        roles: [...new Set(a.roles)].sort(),
        keys: [],
        member: a.member,
        addedAtHeight: ctx.height,
      };
      for (const k of a.keys) addKey(ctx, org, k);
      putOrg(ctx.kv, org);
      ctx.emit('identity.organisation_added', { oin: a.oin, member: a.member });
      return;
    }
    case 'remove_organisation': {
      const org = mustGet(ctx, a.oin);
      if (org.member && memberOins(ctx.kv).length === 1)
        fail(E.last_member, 'The last consortium member cannot be removed.');
      for (const k of org.keys) if (k.revokedAtHeight === undefined) ctx.kv.delete(keys.key(k.pubKey));
      if (org.validator) removeValidator(ctx, org);
      ctx.kv.delete(keys.org(a.oin));
      ctx.emit('identity.organisation_removed', { oin: a.oin });
      return;
    }
    case 'grant_role': {
      const org = mustGet(ctx, a.oin);
      if (org.roles.includes(a.role))
        fail(E.role_already_granted, `${a.oin} already has the role ${a.role}.`);
      putOrg(ctx.kv, { ...org, roles: [...org.roles, a.role].sort() });
      ctx.emit('identity.role_granted', { oin: a.oin, role: a.role });
      return;
    }
    case 'revoke_role': {
      const org = mustGet(ctx, a.oin);
      if (!org.roles.includes(a.role)) fail(E.role_not_granted, `${a.oin} does not have the role ${a.role}.`);
      putOrg(ctx.kv, { ...org, roles: org.roles.filter((r) => r !== a.role) });
      ctx.emit('identity.role_revoked', { oin: a.oin, role: a.role });
      return;
    }
    case 'set_member': {
      const org = mustGet(ctx, a.oin);
      if (!a.member && org.member && memberOins(ctx.kv).length === 1)
        fail(E.last_member, 'The last consortium member cannot leave.');
      putOrg(ctx.kv, { ...org, member: a.member });
      ctx.emit('identity.membership_changed', { oin: a.oin, member: a.member });
      return;
    }
    case 'set_validator': {
      const org = mustGet(ctx, a.oin);
      if (a.power === 0) {
        if (org.validator) removeValidator(ctx, org);
        return;
      }
      const owner = JSON.parse(ctx.kv.get(keys.validator(a.pubKey)) ?? 'null') as { oin: string } | null;
      if (owner && owner.oin !== a.oin)
        fail(E.validator_in_use, `Validator key ${a.pubKey} belongs to ${owner.oin}.`);
      if (org.validator && org.validator.pubKey !== a.pubKey) {
        ctx.kv.delete(keys.validator(org.validator.pubKey));
        ctx.addValidatorUpdate({ pubKey: org.validator.pubKey, power: 0 });
      }
      putJson(ctx.kv, keys.validator(a.pubKey), { oin: a.oin });
      putOrg(ctx.kv, { ...org, validator: { pubKey: a.pubKey, power: a.power } });
      ctx.addValidatorUpdate({ pubKey: a.pubKey, power: a.power });
      ctx.emit('identity.validator_set', { oin: a.oin, pubKey: a.pubKey, power: a.power });
      return;
    }
    case 'set_register_class':
      setRegisterClass(ctx, a.registerClass);
      return;
    case 'publish_process':
      publishProcess(ctx, a.process);
      return;
  }
}

function removeValidator(ctx: BlockContext, org: Organisation): void {
  if (!org.validator) return;
  const remaining = listOrgs(ctx.kv).filter((o) => o.validator && o.oin !== org.oin).length;
  if (remaining === 0)
    fail(E.validator_in_use, 'The last validator cannot be removed: the ledger would stop.');
  ctx.kv.delete(keys.validator(org.validator.pubKey));
  ctx.addValidatorUpdate({ pubKey: org.validator.pubKey, power: 0 });
  const { validator: _, ...rest } = org;
  putOrg(ctx.kv, rest);
  ctx.emit('identity.validator_removed', { oin: org.oin, pubKey: org.validator.pubKey });
}

function mustGet(ctx: BlockContext, oin: string): Organisation {
  const org = getOrg(ctx.kv, oin);
  if (!org) fail(E.unknown_organisation, `No organisation with OIN ${oin} is registered.`);
  return org;
}

/** Registers a key for an organisation (mutates `org`; the caller stores it). */
export function addKey(ctx: BlockContext, org: Organisation, pubKey: string): void {
  if (ctx.kv.get(keys.key(pubKey)) !== undefined || org.keys.some((k) => k.pubKey === pubKey)) {
    fail(E.key_in_use, `Key ${pubKey} is already registered to an organisation.`);
  }
  org.keys.push({ pubKey, addedAtHeight: ctx.height });
  putJson(ctx.kv, keys.key(pubKey), { oin: org.oin });
}
