// Identity & governance: organisations (by OIN) with roles and keys, consortium members, and
// proposals that change membership, roles or validators with more than 2/3 approval.
import type { Module } from '../../app/module.ts';
import { putJson } from '../../app/typed-kv.ts';
import { fail } from '../../core/errors.ts';
import { IdentityErrors as E } from './errors.ts';
import { addKey, expireProposals } from './governance.ts';
import { addOrgKey, revokeOrgKey, submitProposal, voteOnProposal } from './messages.ts';
import { identityQueries } from './queries.ts';
import { identityGenesisSchema } from './schemas.ts';
import { DEFAULT_PARAMS, getOrg, keys, type Organisation, putOrg } from './state.ts';

export const identityModule: Module = {
  name: 'identity',
  messages: [addOrgKey, revokeOrgKey, submitProposal, voteOnProposal],
  errors: [E],
  initGenesis(ctx, genesis) {
    const parsed = identityGenesisSchema.safeParse(genesis.identity);
    if (!parsed.success) {
      fail(
        E.bad_genesis,
        `identity genesis: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    const g = parsed.data;
    putJson(ctx.kv, keys.params, g.params ?? DEFAULT_PARAMS);
    for (const o of g.organisations) {
      if (getOrg(ctx.kv, o.oin)) fail(E.organisation_exists, `genesis lists ${o.oin} twice`);
      const org: Organisation = {
        oin: o.oin,
        name: o.name,
        roles: [...new Set(o.roles)].sort(),
        keys: [],
        member: o.member,
        addedAtHeight: 0,
      };
      for (const k of o.keys) addKey(ctx, org, k);
      if (o.validator) {
        org.validator = o.validator;
        putJson(ctx.kv, keys.validator(o.validator.pubKey), { oin: o.oin });
        ctx.addValidatorUpdate(o.validator);
      }
      putOrg(ctx.kv, org);
    }
    if (!g.organisations.some((o) => o.member))
      fail(E.bad_genesis, 'genesis needs at least one consortium member');
  },
  endBlock: expireProposals,
  queries: identityQueries,
};

export * from './keeper.ts';
