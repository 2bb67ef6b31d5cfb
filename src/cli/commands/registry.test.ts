import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, serveApi } from '../../api/server.ts';
import { identityModule } from '../../modules/identity/index.ts';
import { registryModule } from '../../modules/registry/index.ts';
import { cliRunner, ok, oneLineError } from '../../testing/cli-runner.ts';
import { createTestChain, type TestChain } from '../../testing/test-chain.ts';

let chain: TestChain;
let api: RunningApi;
let home: string;
let dir: string;

const { cli } = cliRunner(() => ({ home, nodeUrl: api.url }));

beforeAll(async () => {
  chain = await createTestChain({
    modules: [identityModule, registryModule],
    genesisTime: new Date().toISOString(),
    orgs: [{ roles: ['registrar'], member: true }, { roles: ['issuer'] }],
  });
  api = await serveApi(chain.engine, { port: 0 });
  home = mkdtempSync(join(tmpdir(), 'ketenboek-registry-cli-'));
  dir = mkdtempSync(join(tmpdir(), 'ketenboek-registry-files-'));
  const [registrar, school] = chain.orgs;
  ok(
    await cli(
      'keys',
      'add',
      'kadaster',
      '--oin',
      registrar!.oin!,
      '--import-private',
      registrar!.privateKey,
      '--home',
      home,
    ),
  );
  ok(
    await cli(
      'keys',
      'add',
      'school',
      '--oin',
      school!.oin!,
      '--import-private',
      school!.privateKey,
      '--home',
      home,
    ),
  );
  ok(await cli('keys', 'add', 'bewoner', '--home', home));
});

afterAll(async () => {
  await api?.close();
  await chain?.stop();
});

describe('ketenboek registry', () => {
  // The steps build on each other (one chain); each is its own test so each gets its own time budget.
  const file = () => join(dir, 'diploma.pdf');
  const proofFile = () => join(dir, 'proof.json');

  it('proposes a class and issues a record whose document is hashed from a local file', async () => {
    const school = chain.orgs[1]!;
    ok(
      await cli(
        'tx',
        'registry',
        'propose-class',
        'diploma',
        '--name',
        'Diploma (test)',
        '--kind',
        'certificate',
        '--issuers',
        school.oin!,
        '--deadline',
        '1h',
        '--from',
        'kadaster',
      ),
    );
    writeFileSync(file(), 'fake test diploma, not a real document');
    const issued = await cli(
      'tx',
      'registry',
      'issue',
      'dipl-1',
      '--class',
      'diploma',
      '--holder',
      'bewoner',
      '--document-file',
      file(),
      '--valid-from',
      '2026-01-01',
      '--attr',
      'programme=Testopleiding',
      '--attr',
      'level=4',
      '--from',
      'school',
      '--json',
    );
    expect(JSON.parse(ok(issued).stdout).status).toBe('committed');
    const record = JSON.parse(ok(await cli('registry', 'record', 'dipl-1', '--json')).stdout);
    expect(record).toMatchObject({
      id: 'dipl-1',
      issuer: school.oin,
      attributes: { programme: 'Testopleiding', level: '4' },
      effectiveStatus: 'active',
    });
  });

  it('verifies by document file, writes the proof, and checks it offline; a tampered proof fails', async () => {
    const verified = ok(await cli('registry', 'verify', '--document-file', file(), '--out', proofFile()));
    expect(verified.stdout).toMatch(/proof valid: record dipl-1 is active/);
    expect(ok(await cli('registry', 'verify-proof', proofFile(), '--record', 'dipl-1')).stdout).toMatch(
      /proof valid/,
    );
    const tampered = JSON.parse(readFileSync(proofFile(), 'utf8'));
    tampered.record.value = tampered.record.value.replace('"level":"4"', '"level":"6"');
    const badFile = join(dir, 'tampered.json');
    writeFileSync(badFile, JSON.stringify(tampered));
    oneLineError(await cli('registry', 'verify-proof', badFile), 1, /not a valid record proof: record proof/);
  });

  it('exports a credential that verifies until the issuer revokes the record', async () => {
    const vc = join(dir, 'diploma.jwt');
    ok(await cli('registry', 'credential-export', 'dipl-1', '--from', 'school', '--out', vc));
    expect(readFileSync(vc, 'utf8').split('.')).toHaveLength(3);
    expect(ok(await cli('registry', 'credential-verify', vc)).stdout).toMatch(
      /credential valid: record dipl-1 is active/,
    );
    ok(await cli('tx', 'registry', 'revoke', 'dipl-1', '--reason', 'Ten onrechte', '--from', 'school'));
    oneLineError(await cli('registry', 'credential-verify', vc), 1, /revoked/);
    expect(ok(await cli('registry', 'history', 'dipl-1')).stdout).toMatch(/issued[\s\S]*revoked/);
  });

  it('reports refusals and usage errors in one line', async () => {
    oneLineError(
      await cli(
        'tx',
        'registry',
        'issue',
        'x-1',
        '--class',
        'diploma',
        '--holder',
        'bewoner',
        '--document',
        'a'.repeat(64),
        '--valid-from',
        '2026-01-01',
        '--from',
        'kadaster',
      ),
      1,
      /registry\.issuer_not_authorised/,
    );
    oneLineError(
      await cli(
        'tx',
        'registry',
        'issue',
        'x-1',
        '--class',
        'diploma',
        '--holder',
        'bewoner',
        '--valid-from',
        '2026-01-01',
        '--from',
        'school',
      ),
      2,
      /--document/,
    );
    oneLineError(await cli('registry', 'verify'), 2, /record id or --document/);
    oneLineError(await cli('registry', 'record', 'bestaat-niet'), 1, /registry\.unknown_record/);
  });
});
