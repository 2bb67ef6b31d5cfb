import { z } from 'zod';
import { ApiErrors } from '../api-errors.ts';
import { ApiProblem, problemType } from '../problem.ts';
import { type ApiModule, defineRoute } from '../route.ts';

const problemTypeSchema = z.object({
  type: z.string(),
  code: z.string().describe('Stable error code'),
  title: z.string(),
  status: z.number().int().describe('HTTP status a refusal with this code is answered with'),
});

export const problemsApi: ApiModule = {
  tag: { name: 'Problems', description: 'The problem types (stable error codes) the API answers with' },
  routes: [
    defineRoute({
      method: 'get',
      path: '/problems',
      operationId: 'listProblemTypes',
      summary: 'Every known problem type',
      tags: ['Problems'],
      responses: {
        200: {
          description: 'All problem types',
          schema: z.object({ items: z.array(problemTypeSchema), next: z.null() }),
        },
      },
      handle({ c, api }) {
        const items = api.errors
          .all()
          .map((d) => ({ type: problemType(d.code), code: d.code, title: d.title, status: d.httpStatus }));
        return c.json({ items, next: null });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/problems/{code}',
      operationId: 'getProblemType',
      summary: 'One problem type (what a problem’s `type` URI points to)',
      tags: ['Problems'],
      params: z.object({
        code: z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'must be a code like "tx.bad_nonce"'),
      }),
      responses: {
        200: { description: 'The problem type', schema: problemTypeSchema },
        404: { description: 'Unknown code' },
      },
      handle({ c, api, params }) {
        const d = api.errors.get(params.code);
        if (!d)
          throw new ApiProblem(
            ApiErrors.not_found,
            `There is no problem type ${params.code}. See ${problemType('')}`,
          );
        return c.json({ type: problemType(d.code), code: d.code, title: d.title, status: d.httpStatus });
      },
    }),
  ],
};
