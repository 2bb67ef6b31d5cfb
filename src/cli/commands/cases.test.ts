import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, serveApi } from '../../api/server.ts';
import { closeDocstoreOf } from '../../docstore/node-docstore.ts';
import { DEBT_ASSISTANCE } from '../../modules/cases/templates.ts';
import {
  CASES_FIXTURE_ORGS,
  type CasesFixture,
  casesFixtureOn,
  type ORG,
} from '../../modules/cases/test-fixture.ts';
import { cliRunner, ok, oneLineError } from '../../testing/cli-runner.ts';
import { createTestChain, tempDbPath } from '../../testing/test-chain.ts';

let f: CasesFixture;
let api: RunningApi;
let home: string;
let dir: string;

const { cli } = cliRunner(() => ({ home, nodeUrl: api.url }));

beforeAll(async () => {
  f = casesFixtureOn(
    await createTestChain({ orgs: CASES_FIXTURE_ORGS, dbPath: tempDbPath('ketenboek-cases-cli-') }),
  );
  await f.publish(DEBT_ASSISTANCE);
  api = await serveApi(f.chain.engine, { port: 0 });
  home = mkdtempSync(join(tmpdir(), 'ketenboek-cases-cli-home-'));
  dir = mkdtempSync(join(tmpdir(), 'ketenboek-cases-cli-files-'));
  const imports: Array<[string, keyof typeof ORG]> = [
    ['gemeente', 'municipality'],
    ['uitkering', 'benefits'],
  ];
  for (const [name, org] of imports) {
    ok(
      await cli(
        'keys',
        'add',
        name,
        '--oin',
        f.org(org).oin,
        '--import-private',
        f.org(org).privateKey,
        '--home',
        home,
      ),
    );
  }
  ok(await cli('keys', 'add', 'bewoner', '--home', home));
});

afterAll(async () => {
  await api?.close();
  if (f) closeDocstoreOf(f.chain.app);
  await f?.chain.stop();
});

describe('ketenboek tx cases and ketenboek cases', () => {
  it('opens a case, invites, shares a document with a logged purpose, and shows the overview', async () => {
    const opened = JSON.parse(
      ok(
        await cli(
          'tx',
          'cases',
          'open',
          '--process',
          'debt-assistance',
          '--subject-key',
          'bewoner',
          '--from',
          'gemeente',
          '--json',
        ),
      ).stdout,
    );
    const caseId = opened.result.events
      .find((e: { type: string }) => e.type === 'cases.opened')
      .attributes.find((a: { key: string }) => a.key === 'case').value;
    ok(
      await cli(
        'tx',
        'cases',
        'invite',
        caseId,
        '--oin',
        f.org('benefits').oin,
        '--role',
        'benefits_agency',
        '--from',
        'gemeente',
      ),
    );

    const file = join(dir, 'intake.txt');
    writeFileSync(file, 'Fictief intakeverslag van een testbewoner.');
    const upload = JSON.parse(
      ok(
        await cli(
          'cases',
          'upload',
          caseId,
          file,
          '--kind',
          'intake_report',
          '--media-type',
          'text/plain',
          '--from',
          'gemeente',
          '--json',
        ),
      ).stdout,
    );
    const hash = upload.document.hash as string;
    expect(upload.tx.status).toBe('committed');

    const out = join(dir, 'gelezen.txt');
    const read = JSON.parse(
      ok(
        await cli(
          'cases',
          'download',
          caseId,
          hash,
          '--purpose',
          'inkomen beoordelen',
          '--from',
          'uitkering',
          '--out',
          out,
          '--json',
        ),
      ).stdout,
    );
    expect(read.verified).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe('Fictief intakeverslag van een testbewoner.');

    const log = JSON.parse(ok(await cli('cases', 'log', caseId, '--from', 'gemeente', '--json')).stdout);
    expect(log.items.map((e: { action: string; purpose: string }) => [e.action, e.purpose])).toEqual([
      ['store', 'store intake_report'],
      ['read', 'inkomen beoordelen'],
    ]);

    const overview = ok(await cli('cases', 'overview', 'gemeente'));
    expect(overview.stdout).toMatch(new RegExp(`^${caseId}\\s+debt-assistance\\s+intake`, 'm'));
    expect(overview.stdout).toContain('attestation consent_given (subject)');
    const timeline = ok(await cli('cases', 'timeline', caseId));
    expect(timeline.stdout).toContain('document_attached');
  });

  it('refuses a BSN as subject before signing, and reports a ledger refusal in one line', async () => {
    oneLineError(
      await cli(
        'tx',
        'cases',
        'open',
        '--process',
        'debt-assistance',
        '--subject-ref',
        '111222333',
        '--from',
        'gemeente',
      ),
      2,
      /--subject-ref must be a SHA-256 hash/,
    );
    const opened = JSON.parse(
      ok(
        await cli(
          'tx',
          'cases',
          'open',
          '--process',
          'debt-assistance',
          '--subject-key',
          f.chain.newAccount().publicKey,
          '--from',
          'gemeente',
          '--json',
        ),
      ).stdout,
    );
    const caseId = opened.result.events[0].attributes.find((a: { key: string }) => a.key === 'case').value;
    oneLineError(
      await cli('tx', 'cases', 'advance', caseId, '--to', 'inventory', '--from', 'gemeente'),
      1,
      /cases\.requirements_missing/,
    );
  });
});
