import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsApi } from './routes/accounts.ts';
import { anchorsApi } from './routes/anchors.ts';
import { blocksApi } from './routes/blocks.ts';
import { API_MODULES } from './routes/index.ts';
import { openapiApi } from './routes/openapi.ts';
import { organisationsApi } from './routes/organisations.ts';
import { problemsApi } from './routes/problems.ts';
import { proposalsApi } from './routes/proposals.ts';
import { stateProofsApi } from './routes/state-proofs.ts';
import { statusApi } from './routes/status.ts';
import { transactionsApi } from './routes/transactions.ts';
import { anchorBody, startTestApi, type TestApi } from './test-support.ts';

// The routes whose sample data this test sets up; module routes test their own answers.
const CORE = [
  statusApi,
  blocksApi,
  transactionsApi,
  accountsApi,
  organisationsApi,
  proposalsApi,
  anchorsApi,
  stateProofsApi,
  problemsApi,
  openapiApi,
];

let t: TestApi;
// biome-ignore lint/suspicious/noExplicitAny: the document is checked structurally below
let doc: any;
const samples: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApi();
  const body = anchorBody();
  const sent = await t.chain.send(t.chain.orgs[0]!, 'anchor.create', body);
  const deadline = new Date(Date.now() + 3600_000).toISOString();
  await t.chain.send(t.chain.orgs[0]!, 'identity.submit_proposal', {
    title: 'Rol toekennen',
    action: { kind: 'grant_role', oin: t.chain.orgs[0]!.oin!, role: 'notary' },
    deadline,
  });
  Object.assign(samples, {
    height: String(sent.height),
    hash: sent.hash,
    pubKey: t.chain.orgs[0]!.publicKey,
    oin: t.chain.orgs[0]!.oin!,
    id: '1',
    key: encodeURIComponent(`anchor/${body.hash}`),
    code: 'tx.bad_nonce',
  });
  doc = await (await t.get('/v1/openapi.json')).json();
});
afterAll(() => t.close());

function fill(path: string, route: { path: string }): string {
  // /anchors/{hash} wants the anchored document's hash, /transactions/{hash} the tx hash
  const anchorHash = decodeURIComponent(samples.key!).slice('anchor/'.length);
  return path.replace(/\{(\w+)\}/g, (_, name: string) =>
    route.path === '/anchors/{hash}' && name === 'hash' ? anchorHash : samples[name]!,
  );
}

describe('GET /v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document for /v1 with a semantic version matching API-Version', async () => {
    const res = await t.get('/v1/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0].url).toBe('/v1');
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(doc.info.version).toBe(res.headers.get('API-Version'));
    expect(doc.info.description).toMatch(/API .* is in English/);
    expect(doc.info.description).toMatch(/interface is in\s+Dutch/);
    expect(doc.components.schemas.Problem.properties).toHaveProperty('invalidParams');
    expect(doc.components.schemas['TxBody.anchor.create'].properties).toHaveProperty('hash');
  });

  it('documents every mounted route, and nothing else', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((m) => `${m} ${path}`),
    );
    const mounted = API_MODULES.flatMap((m) => m.routes.map((r) => `${r.method} ${r.path}`));
    expect(documented.sort()).toEqual(mounted.sort());
  });

  it('has only references that resolve', () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const path = ref.slice(8, -1).replace(/^#\//, '').split('/');
      let node = doc;
      for (const part of path) node = node?.[part];
      expect(node, ref).toBeDefined();
    }
  });

  it('every documented GET of the core routes answers 200 with a body matching its documented schema', async () => {
    for (const m of CORE) {
      for (const route of m.routes) {
        if (route.method !== 'get' || route.path === '/events') continue;
        const query = route.path === '/transactions' ? `?account=${samples.pubKey}` : '';
        const res = await t.get(`/v1${fill(route.path, route)}${query}`);
        expect(res.status, route.path).toBe(200);
        const schema = route.responses[200]!.schema!;
        const parsed = schema.safeParse(await res.json());
        expect(parsed.success ? [] : parsed.error.issues, route.path).toEqual([]);
      }
    }
  });

  it('every documented GET of any module is mounted (answers, even if the sample does not exist)', async () => {
    for (const route of API_MODULES.flatMap((m) => m.routes)) {
      if (route.method !== 'get' || route.path === '/events') continue;
      const res = await t.get(`/v1${route.path.replace(/\{\w+\}/g, 'x1')}`);
      expect(res.status, route.path).toBeLessThan(500);
      if (res.status === 404 || res.status === 405) {
        const problem = await res.json();
        expect(problem.detail, route.path).not.toMatch(/^No resource at|is not allowed on/);
      }
    }
  });

  it('every documented path parameter and query parameter is declared with a schema', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const op of Object.values(
        ops as Record<string, { parameters?: Array<{ name: string; in: string; schema: object }> }>,
      )) {
        const pathParams = (path.match(/\{(\w+)\}/g) ?? []).map((p) => p.slice(1, -1));
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect(declared.sort(), path).toEqual(pathParams.sort());
        for (const p of op.parameters ?? []) expect(p.schema, `${path} ${p.name}`).toBeTypeOf('object');
      }
    }
  });
});
