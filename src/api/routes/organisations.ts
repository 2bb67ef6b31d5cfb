import { z } from 'zod';
import { IdentityErrors } from '../../modules/identity/errors.ts';
import { getOrg, listOrgs } from '../../modules/identity/state.ts';
import { ApiProblem } from '../problem.ts';
import { type ApiModule, defineRoute } from '../route.ts';
import { oinSchema } from '../schemas.ts';

export const organisationSchema = z.object({
  oin: z.string().describe('Organisatie-identificatienummer (20 digits)'),
  name: z.string(),
  roles: z.array(z.string()),
  keys: z.array(
    z.object({
      pubKey: z.string(),
      addedAtHeight: z.number().int(),
      revokedAtHeight: z.number().int().optional(),
    }),
  ),
  member: z.boolean().describe('Consortium member (may propose and vote)'),
  validator: z.object({ pubKey: z.string(), power: z.number().int() }).optional(),
  addedAtHeight: z.number().int(),
});

export const organisationsApi: ApiModule = {
  tag: { name: 'Organisations', description: 'Organisations by OIN, their roles and keys' },
  routes: [
    defineRoute({
      method: 'get',
      path: '/organisations',
      operationId: 'listOrganisations',
      summary: 'All organisations on the ledger',
      tags: ['Organisations'],
      responses: {
        200: {
          description: 'Every organisation (one page)',
          schema: z.object({ items: z.array(organisationSchema), next: z.null() }),
        },
      },
      handle({ c, node }) {
        return c.json({ items: listOrgs(node.app.committed), next: null });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/organisations/{oin}',
      operationId: 'getOrganisation',
      summary: 'One organisation',
      tags: ['Organisations'],
      params: z.object({ oin: oinSchema }),
      responses: {
        200: { description: 'The organisation', schema: organisationSchema },
        404: { description: 'No organisation with this OIN is registered' },
      },
      handle({ c, node, params }) {
        const org = getOrg(node.app.committed, params.oin);
        if (!org) {
          throw new ApiProblem(
            IdentityErrors.unknown_organisation,
            `No organisation with OIN ${params.oin} is registered on this ledger.`,
          );
        }
        return c.json(org);
      },
    }),
  ],
};
