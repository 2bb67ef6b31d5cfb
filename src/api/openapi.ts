// Builds the OpenAPI 3.1 document from the same route table the server mounts, so the document
// cannot drift from what the API validates and answers.
import { z } from 'zod';
import type { LedgerNode } from '../engines/ledger-node.ts';
import { PROBLEM_CONTENT_TYPE } from './problem.ts';
import type { ApiModule, ApiRoute, ResponseSpec } from './route.ts';
import { problemSchema, signedTxSchema, txResultSchema } from './schemas.ts';
import { API_BASE, API_VERSION } from './version.ts';

type Json = Record<string, unknown>;

const DESCRIPTION = [
  'REST API of a Ketenboek node: a shared, tamper-evident ledger that Dutch municipalities and their',
  'chain partners keep together. Follows the NL API Design Rules: resources under /v1, RFC 9457',
  'problem details for every error (with a stable `code` and, for invalid input, all `invalidParams`',
  'at once), RFC 3339 UTC times, and an `API-Version` header on every response.',
  '',
  'Language: this API (paths, fields, codes, messages) is in English; the web user interface is in',
  'Dutch. Glossary: organisation = organisatie (identified by its OIN), account = rekening',
  '(an Ed25519 public key), anchor = verankering, proposal = voorstel, block = blok.',
  '',
  'Writes are signed transactions (POST /transactions); the node never holds user keys.',
].join('\n');

export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const apiVersionHeader = { 'API-Version': { $ref: '#/components/headers/API-Version' } };

function parameters(route: ApiRoute): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
    ['header', route.headers],
  ] as const) {
    if (!schema) continue;
    const js = toJsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      const { description, ...propSchema } = prop;
      out.push({
        name,
        in: where,
        required: where === 'path' || (js.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: propSchema,
      });
    }
  }
  return out;
}

function response(status: number, spec: ResponseSpec): Json {
  const isProblem = status >= 400;
  const contentType = spec.contentType ?? (isProblem ? PROBLEM_CONTENT_TYPE : 'application/json');
  const schema = spec.schema ? toJsonSchema(spec.schema, 'output') : isProblem ? ref('Problem') : undefined;
  return {
    description: spec.description,
    headers: { ...apiVersionHeader, ...spec.headers },
    ...(schema ? { content: { [contentType]: { schema } } } : {}),
  };
}

function operation(route: ApiRoute): Json {
  const responses: Json = {};
  for (const [status, spec] of Object.entries(route.responses))
    responses[status] = response(Number(status), spec);
  const hasInput = route.params || route.query || route.headers || route.body;
  if (hasInput && !responses['400']) responses['400'] = { $ref: '#/components/responses/BadRequest' };
  responses.default = { $ref: '#/components/responses/Error' };
  const params = parameters(route);
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: route.tags,
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toJsonSchema(route.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument(modules: readonly ApiModule[], node: LedgerNode): Json {
  const paths: Record<string, Json> = {};
  for (const m of modules) {
    for (const r of m.routes) {
      paths[r.path] ??= {};
      paths[r.path]![r.method] = operation(r);
    }
  }
  const txBodies: Json = {};
  for (const msg of node.app.messageTypes()) {
    txBodies[`TxBody.${msg.type}`] = {
      ...toJsonSchema(msg.schema, 'input'),
      description: `${msg.type}: ${msg.summary}`,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ketenboek API',
      version: API_VERSION,
      description: DESCRIPTION,
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: API_BASE, description: 'This node' }],
    tags: modules.map((m) => m.tag),
    paths,
    components: {
      schemas: {
        Problem: toJsonSchema(problemSchema, 'output'),
        SignedTx: toJsonSchema(signedTxSchema, 'input'),
        TxResult: toJsonSchema(txResultSchema, 'output'),
        ...txBodies,
      },
      headers: {
        'API-Version': {
          description: 'Semantic version of this API',
          schema: { type: 'string', example: API_VERSION },
        },
      },
      responses: {
        BadRequest: {
          description: 'Invalid input; invalidParams lists every invalid value',
          headers: apiVersionHeader,
          content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } },
        },
        Error: {
          description: 'Any other problem (404 unknown resource, 405, 413, 500, 503, ...)',
          headers: apiVersionHeader,
          content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } },
        },
      },
    },
  };
}
