// Client helpers of the identity & governance module: organisation keys, proposals and votes.
import type { z } from 'zod';
import type {
  actionSchema,
  addKeySchema,
  revokeKeySchema,
  submitProposalSchema,
  voteSchema,
} from '../../modules/identity/schemas.ts';
import { type MessageSender, type ModuleClientContext, messageSender } from '../message-sender.ts';

export type AddKeyBody = z.infer<typeof addKeySchema>;
export type RevokeKeyBody = z.infer<typeof revokeKeySchema>;
export type SubmitProposalBody = z.infer<typeof submitProposalSchema>;
export type ProposalActionInput = z.infer<typeof actionSchema>;
export type VoteBody = z.infer<typeof voteSchema>;

export interface IdentityClient {
  /** identity.add_key: the signer's organisation adds a key (first step of a rotation). */
  addKey: MessageSender<AddKeyBody>;
  /** identity.revoke_key: the signer's organisation revokes one of its keys. */
  revokeKey: MessageSender<RevokeKeyBody>;
  /** identity.submit_proposal: a member proposes a governance action (counts as its approval). */
  submitProposal: MessageSender<SubmitProposalBody>;
  /** identity.vote: a member approves or rejects an open proposal. */
  vote: MessageSender<VoteBody>;
}

export function identityClient(ctx: ModuleClientContext): IdentityClient {
  return {
    addKey: messageSender(ctx, 'identity.add_key'),
    revokeKey: messageSender(ctx, 'identity.revoke_key'),
    submitProposal: messageSender(ctx, 'identity.submit_proposal'),
    vote: messageSender(ctx, 'identity.vote'),
  };
}
