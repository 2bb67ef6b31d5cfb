import { z } from 'zod';
import { type ApiModule, defineRoute } from '../route.ts';

export const openapiApi: ApiModule = {
  tag: { name: 'API', description: 'This document' },
  routes: [
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      operationId: 'getOpenApi',
      summary: 'The OpenAPI 3.1 document of this API (public, any origin)',
      tags: ['API'],
      publicCors: true,
      responses: {
        200: { description: 'OpenAPI 3.1 document', schema: z.object({ openapi: z.string() }).loose() },
      },
      handle({ c, api }) {
        return c.json(api.openapi());
      },
    }),
  ],
};
