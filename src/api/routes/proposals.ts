import { z } from 'zod';
import { idSchema } from '../../core/schemas.ts';
import { IdentityErrors } from '../../modules/identity/errors.ts';
import { listProposals } from '../../modules/identity/queries.ts';
import { getProposal } from '../../modules/identity/state.ts';
import { ApiProblem } from '../problem.ts';
import { type ApiModule, defineRoute } from '../route.ts';

const STATUSES = ['open', 'passed', 'rejected', 'expired'] as const;

const proposalSchema = z.object({
  id: z.string(),
  title: z.string(),
  action: z
    .object({ kind: z.string() })
    .loose()
    .describe('The governance action (see identity.submit_proposal)'),
  proposer: z.string().describe('OIN'),
  submittedAt: z.string(),
  deadline: z.string(),
  approvals: z.array(z.string()),
  rejections: z.array(z.string()),
  status: z.enum(STATUSES),
  decidedAt: z.string().optional(),
  membersAtDecision: z.number().int().optional(),
});

export const proposalsApi: ApiModule = {
  tag: { name: 'Proposals', description: 'Governance proposals of the consortium (2/3 of members decide)' },
  routes: [
    defineRoute({
      method: 'get',
      path: '/proposals',
      operationId: 'listProposals',
      summary: 'Governance proposals, newest first',
      tags: ['Proposals'],
      query: z.object({
        status: z
          .enum(STATUSES, `must be one of ${STATUSES.join(', ')}`)
          .optional()
          .describe('Only proposals with this status'),
      }),
      responses: {
        200: {
          description: 'Every matching proposal (one page)',
          schema: z.object({ items: z.array(proposalSchema), next: z.null() }),
        },
      },
      handle({ c, node, query }) {
        return c.json({ items: listProposals(node.app.committed, query.status), next: null });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/proposals/{id}',
      operationId: 'getProposal',
      summary: 'One proposal with its votes',
      tags: ['Proposals'],
      params: z.object({ id: idSchema }),
      responses: {
        200: { description: 'The proposal', schema: proposalSchema },
        404: { description: 'No such proposal' },
      },
      handle({ c, node, params }) {
        const p = getProposal(node.app.committed, params.id);
        if (!p) throw new ApiProblem(IdentityErrors.unknown_proposal, `There is no proposal ${params.id}.`);
        return c.json(p);
      },
    }),
  ],
};
