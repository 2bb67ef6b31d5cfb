import { defineMessage } from '../../app/module.ts';
import { getJson, putJson } from '../../app/typed-kv.ts';
import { fail } from '../../core/errors.ts';
import { IdentityErrors as E } from './errors.ts';
import { addKey, decide } from './governance.ts';
import { requireSignerOrg } from './keeper.ts';
import { addKeySchema, revokeKeySchema, submitProposalSchema, voteSchema } from './schemas.ts';
import { getParams, getProposal, keys, type Proposal, putOrg, putProposal } from './state.ts';

export const addOrgKey = defineMessage({
  type: 'identity.add_key',
  summary: 'An organisation adds a signing key (first step of a key rotation).',
  schema: addKeySchema,
  handle(ctx, body) {
    const org = requireSignerOrg(ctx);
    addKey(ctx, org, body.pubKey);
    putOrg(ctx.kv, org);
    ctx.emit('identity.key_added', { oin: org.oin, pubKey: body.pubKey });
  },
});

export const revokeOrgKey = defineMessage({
  type: 'identity.revoke_key',
  summary: 'An organisation revokes one of its keys (e.g. the old key after a rotation).',
  schema: revokeKeySchema,
  handle(ctx, body) {
    const org = requireSignerOrg(ctx);
    const key = org.keys.find((k) => k.pubKey === body.pubKey && k.revokedAtHeight === undefined);
    if (!key) fail(E.unknown_key, `Key ${body.pubKey} is not an active key of ${org.oin}.`);
    if (org.keys.filter((k) => k.revokedAtHeight === undefined).length === 1) {
      fail(
        E.last_key,
        'This is the organisation’s last active key. Add a new key first, then revoke this one.',
      );
    }
    key.revokedAtHeight = ctx.height;
    ctx.kv.delete(keys.key(body.pubKey));
    putOrg(ctx.kv, org);
    ctx.emit('identity.key_revoked', { oin: org.oin, pubKey: body.pubKey });
  },
});

export const submitProposal = defineMessage({
  type: 'identity.submit_proposal',
  summary: 'A consortium member proposes a governance action; submitting counts as its approval.',
  schema: submitProposalSchema,
  handle(ctx, body) {
    const org = requireSignerOrg(ctx);
    if (!org.member)
      fail(E.not_member, `Organisation ${org.oin} is not a consortium member and cannot propose.`);
    const params = getParams(ctx.kv);
    const seconds = (Date.parse(body.deadline) - Date.parse(ctx.time)) / 1000;
    if (!(seconds >= params.minVotingSeconds && seconds <= params.maxVotingSeconds)) {
      fail(
        E.bad_deadline,
        `The deadline must be between ${params.minVotingSeconds} seconds and ${params.maxVotingSeconds} seconds after the current block time ${ctx.time}.`,
      );
    }
    const seq = (getJson<number>(ctx.kv, keys.proposalSeq) ?? 0) + 1;
    putJson(ctx.kv, keys.proposalSeq, seq);
    const id = String(seq);
    const p: Proposal = {
      id,
      title: body.title,
      action: body.action,
      proposer: org.oin,
      submittedAt: ctx.time,
      deadline: body.deadline,
      approvals: [org.oin],
      rejections: [],
      status: 'open',
    };
    putProposal(ctx.kv, p);
    ctx.kv.set(keys.open(p.deadline, id), '1');
    ctx.emit('identity.proposal_submitted', { proposal: id, action: body.action.kind, proposer: org.oin });
    decide(ctx, p);
  },
});

export const voteOnProposal = defineMessage({
  type: 'identity.vote',
  summary: 'A consortium member approves or rejects an open proposal.',
  schema: voteSchema,
  handle(ctx, body) {
    const org = requireSignerOrg(ctx);
    if (!org.member)
      fail(E.not_member, `Organisation ${org.oin} is not a consortium member and cannot vote.`);
    const p = getProposal(ctx.kv, body.proposalId);
    if (!p) fail(E.unknown_proposal, `There is no proposal ${body.proposalId}.`);
    if (p.status !== 'open' || p.deadline <= ctx.time) {
      fail(
        E.proposal_closed,
        `Proposal ${p.id} is ${p.status === 'open' ? 'past its deadline' : p.status}; votes are no longer counted.`,
      );
    }
    if (p.approvals.includes(org.oin) || p.rejections.includes(org.oin)) {
      fail(E.already_voted, `Organisation ${org.oin} already voted on proposal ${p.id}.`);
    }
    const next: Proposal = body.approve
      ? { ...p, approvals: [...p.approvals, org.oin].sort() }
      : { ...p, rejections: [...p.rejections, org.oin].sort() };
    putProposal(ctx.kv, next);
    ctx.emit('identity.vote_cast', { proposal: p.id, oin: org.oin, approve: body.approve });
    decide(ctx, next);
  },
});
