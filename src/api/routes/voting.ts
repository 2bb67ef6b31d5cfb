// Civic votes: elections, their issuance records, committed ballots and the tally with the list
// of counted ballot hashes. Writes are signed txs, posted to the resource they act on (see
// voting-submit.ts) or to POST /v1/transactions.
import { z } from 'zod';
import { canonicalJson } from '../../core/canonical.ts';
import { idSchema } from '../../core/schemas.ts';
import {
  getBallot,
  getElection,
  getTally,
  listBallots,
  listElections,
  listIssuance,
  recomputeTally,
  VotingErrors,
} from '../../modules/voting/index.ts';
import { tallyRecord } from '../../modules/voting/tally.ts';
import { ApiProblem } from '../problem.ts';
import { type ApiModule, defineRoute } from '../route.ts';
import { limitQuery, pageSchema, sha256Schema } from '../schemas.ts';
import { API_BASE } from '../version.ts';
import { signedVotingRoute } from './voting-submit.ts';

const TAG = 'Elections';

const projectSchema = z.object({
  id: z.string(),
  title: z.string(),
  costCents: z.string().describe('Euro cents'),
});
const questionSchema = z.object({
  id: z.string(),
  text: z.string(),
  options: z.array(z.object({ id: z.string(), label: z.string() })),
});
const ballotSpecSchema = z.union([
  z.object({
    kind: z.literal('budget'),
    question: z.string(),
    budgetCents: z.string(),
    projects: z.array(projectSchema),
  }),
  z.object({ kind: z.literal('consultation'), questions: z.array(questionSchema) }),
]);

const electionSchema = z.object({
  id: z.string(),
  title: z.string(),
  organiserOin: z.string(),
  ballot: ballotSpecSchema,
  registrarOin: z.string().describe('Checks eligibility off-ledger and blind-signs tokens'),
  registrationOpensAt: z.string(),
  registrationClosesAt: z.string(),
  votingOpensAt: z.string(),
  votingClosesAt: z.string(),
  revealClosesAt: z.string().describe('End of the reveal period; the tally is final then'),
  allowReplacement: z.boolean(),
  createdAt: z.string(),
  createdHeight: z.number().int(),
  registrarKey: z
    .object({
      publicKey: z.string().describe('RSA SubjectPublicKeyInfo DER, hex'),
      modulusBits: z.number().int(),
      suite: z.string().describe('RSABSSA-SHA384-PSS-Randomized (RFC 9474)'),
      publishedAt: z.string(),
    })
    .optional(),
  voterQuota: z.number().int().optional().describe('Eligible residents declared by the registrar'),
  tokensIssued: z.number().int(),
  issuanceBatches: z.number().int(),
  ballotsCast: z.number().int(),
  ballotsRevealed: z.number().int(),
  status: z.enum(['open', 'revealing', 'tallied']),
});

const issuanceSchema = z.object({
  seq: z.number().int(),
  count: z.number().int(),
  totalAfter: z.number().int(),
  time: z.string(),
  height: z.number().int(),
  txHash: z.string(),
});

const choiceSchema = z.union([
  z.object({ projects: z.array(z.string()) }),
  z.object({ answers: z.array(z.object({ question: z.string(), option: z.string() })) }),
]);

const ballotSchema = z.object({
  tokenHash: z.string().describe('sha256 of the token: what makes a token usable once'),
  commitment: z.string().describe('The ballot hash a voter finds in the tally'),
  castAt: z.string(),
  castHeight: z.number().int(),
  replacements: z.number().int(),
  revealed: z.object({ choice: choiceSchema, at: z.string(), height: z.number().int() }).optional(),
});

const tallySchema = z.object({
  electionId: z.string(),
  final: z.boolean().describe('False during the reveal period'),
  voterQuota: z.number().int(),
  tokensIssued: z.number().int(),
  ballotsCast: z.number().int(),
  ballotsCounted: z.number().int(),
  ballotsUnrevealed: z.number().int().describe('Committed but never revealed: not counted'),
  budget: z
    .object({
      budgetCents: z.string(),
      projects: z.array(z.object({ id: z.string(), costCents: z.string(), votes: z.number().int() })),
      funded: z.array(z.string()).describe('Most votes first; a project that no longer fits is skipped'),
      fundedCents: z.string(),
    })
    .optional(),
  consultation: z
    .object({
      questions: z.array(
        z.object({
          id: z.string(),
          options: z.array(z.object({ id: z.string(), votes: z.number().int() })),
          abstentions: z.number().int(),
        }),
      ),
    })
    .optional(),
  countedBallotsDigest: z.string().describe('sha256 of the sorted counted ballot hashes joined by "\\n"'),
  countedBallots: z.array(z.string()).describe('Commitments of the counted ballots, sorted'),
  matchesRecount: z.boolean().describe('The stored tally equals a recount of the ballots in state'),
});

const unknownElection = (id: string) =>
  new ApiProblem(
    VotingErrors.unknown_election,
    `There is no election "${id}". GET /v1/elections lists them.`,
  );

export const votingApi: ApiModule = {
  tag: {
    name: TAG,
    description:
      'Civic votes (participatory budgets, consultations) with blind-signed eligibility tokens, sealed ballots and a tally anyone can recompute. Not for official elections.',
  },
  routes: [
    defineRoute({
      method: 'get',
      path: '/elections',
      operationId: 'listElections',
      summary: 'Elections in id order',
      tags: [TAG],
      query: z.object({
        limit: limitQuery(),
        after: idSchema
          .optional()
          .describe('Only elections whose id sorts after this one (the `next` link sets it)'),
      }),
      responses: { 200: { description: 'A page of elections', schema: pageSchema(electionSchema) } },
      handle({ c, node, query }) {
        const items = listElections(node.app.committed, {
          limit: query.limit,
          ...(query.after ? { after: query.after } : {}),
        });
        const last = items[items.length - 1];
        const next =
          items.length === query.limit && last
            ? `${API_BASE}/elections?limit=${query.limit}&after=${last.id}`
            : null;
        if (next) c.header('Link', `<${next}>; rel="next"`);
        return c.json({ items, next });
      },
    }),
    signedVotingRoute({
      path: '/elections',
      operationId: 'createElection',
      summary: 'Create an election (signed voting.create_election, by an organiser)',
      type: 'voting.create_election',
      tag: TAG,
    }),
    defineRoute({
      method: 'get',
      path: '/elections/{id}',
      operationId: 'getElection',
      summary: 'One election: ballot, windows, registrar key, counters and status',
      tags: [TAG],
      params: z.object({ id: idSchema }),
      responses: {
        200: { description: 'The election', schema: electionSchema },
        404: { description: 'No such election' },
      },
      handle({ c, node, params }) {
        const e = getElection(node.app.committed, params.id);
        if (!e) throw unknownElection(params.id);
        return c.json(e);
      },
    }),
    signedVotingRoute({
      path: '/elections/{id}/registrar-key',
      operationId: 'publishRegistrarKey',
      summary:
        'Publish the registrar’s blind-signing key and voter quota (signed voting.publish_registrar_key)',
      type: 'voting.publish_registrar_key',
      tag: TAG,
    }),
    defineRoute({
      method: 'get',
      path: '/elections/{id}/issuances',
      operationId: 'listIssuances',
      summary: 'How many tokens the registrar recorded as issued, batch by batch',
      tags: [TAG],
      params: z.object({ id: idSchema }),
      responses: {
        200: {
          description: 'Every batch (one page)',
          schema: z.object({ items: z.array(issuanceSchema), next: z.null() }),
        },
        404: { description: 'No such election' },
      },
      handle({ c, node, params }) {
        if (!getElection(node.app.committed, params.id)) throw unknownElection(params.id);
        return c.json({ items: listIssuance(node.app.committed, params.id), next: null });
      },
    }),
    signedVotingRoute({
      path: '/elections/{id}/issuances',
      operationId: 'recordIssuance',
      summary: 'Record a batch of issued tokens (signed voting.record_issuance, by the registrar)',
      type: 'voting.record_issuance',
      tag: TAG,
    }),
    defineRoute({
      method: 'get',
      path: '/elections/{id}/ballots',
      operationId: 'listBallots',
      summary: 'Ballots in token-hash order: commitments, revealed choices after closing',
      tags: [TAG],
      params: z.object({ id: idSchema }),
      query: z.object({
        limit: limitQuery(),
        after: sha256Schema.optional().describe('Only ballots whose token hash sorts after this one'),
      }),
      responses: {
        200: { description: 'A page of ballots', schema: pageSchema(ballotSchema) },
        404: { description: 'No such election' },
      },
      handle({ c, node, params, query }) {
        if (!getElection(node.app.committed, params.id)) throw unknownElection(params.id);
        const items = listBallots(node.app.committed, params.id, {
          limit: query.limit,
          ...(query.after ? { after: query.after } : {}),
        });
        const last = items[items.length - 1];
        const next =
          items.length === query.limit && last
            ? `${API_BASE}/elections/${params.id}/ballots?limit=${query.limit}&after=${last.tokenHash}`
            : null;
        if (next) c.header('Link', `<${next}>; rel="next"`);
        return c.json({ items, next });
      },
    }),
    signedVotingRoute({
      path: '/elections/{id}/ballots',
      operationId: 'castBallot',
      summary: 'Cast or replace a sealed ballot (signed voting.cast_ballot, from a fresh ballot key)',
      type: 'voting.cast_ballot',
      tag: TAG,
    }),
    defineRoute({
      method: 'get',
      path: '/elections/{id}/ballots/{tokenHash}',
      operationId: 'getBallot',
      summary: 'One ballot by its token hash (a voter checks theirs)',
      tags: [TAG],
      params: z.object({ id: idSchema, tokenHash: sha256Schema }),
      responses: {
        200: { description: 'The ballot', schema: ballotSchema },
        404: { description: 'No such election or ballot' },
      },
      handle({ c, node, params }) {
        if (!getElection(node.app.committed, params.id)) throw unknownElection(params.id);
        const b = getBallot(node.app.committed, params.id, params.tokenHash);
        if (!b)
          throw new ApiProblem(
            VotingErrors.unknown_ballot,
            `No ballot with token hash ${params.tokenHash} was cast in "${params.id}".`,
          );
        return c.json(b);
      },
    }),
    signedVotingRoute({
      path: '/elections/{id}/reveals',
      operationId: 'revealBallot',
      summary: 'Reveal a ballot’s choice and salt after voting closes (signed voting.reveal_ballot, any key)',
      type: 'voting.reveal_ballot',
      tag: TAG,
    }),
    defineRoute({
      method: 'get',
      path: '/elections/{id}/tally',
      operationId: 'getTally',
      summary: 'The tally with the list of counted ballot hashes (provisional during the reveal period)',
      tags: [TAG],
      params: z.object({ id: idSchema }),
      responses: {
        200: { description: 'The tally', schema: tallySchema },
        404: { description: 'No such election' },
        409: { description: 'Voting is still open: ballots are sealed' },
      },
      handle({ c, node, params }) {
        const kv = node.app.committed;
        const e = getElection(kv, params.id);
        if (!e) throw unknownElection(params.id);
        const tally = getTally(kv, params.id);
        if (!tally) {
          throw new ApiProblem(
            VotingErrors.tally_not_ready,
            `Voting in "${params.id}" closes at ${e.votingClosesAt}; until then every ballot is sealed and there is nothing to count.`,
          );
        }
        const recount = recomputeTally(kv, params.id)!;
        const matchesRecount = canonicalJson(tallyRecord(recount)) === canonicalJson(tallyRecord(tally));
        return c.json({ ...tally, matchesRecount });
      },
    }),
  ],
};
