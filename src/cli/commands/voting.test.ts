import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, serveApi } from '../../api/server.ts';
import { budgetElection, controlClock, T0, WINDOWS } from '../../modules/voting/voting-test-kit.ts';
import { cliRunner, ok } from '../../testing/cli-runner.ts';
import { createTestChain, type TestChain } from '../../testing/test-chain.ts';

let chain: TestChain;
let api: RunningApi;
let home: string;
let dir: string;
let clock: ReturnType<typeof controlClock>;
const ID = 'buurtbudget';

const { cli } = cliRunner(() => ({ home, nodeUrl: api.url }));

const advanceTo = (iso: string) => clock.advanceTo(iso);

beforeAll(async () => {
  chain = await createTestChain({
    genesisTime: T0,
    orgs: [{ roles: ['organiser'] }, { roles: ['registrar'] }],
  });
  clock = controlClock(chain.engine);
  api = await serveApi(chain.engine, { port: 0 });
  home = mkdtempSync(join(tmpdir(), 'ketenboek-voting-cli-'));
  dir = mkdtempSync(join(tmpdir(), 'ketenboek-voting-files-'));
  const [organiser, registrar] = chain.orgs;
  ok(
    await cli('keys', 'add', 'gemeente', '--oin', organiser!.oin!, '--import-private', organiser!.privateKey),
  );
  ok(
    await cli(
      'keys',
      'add',
      'stembureau',
      '--oin',
      registrar!.oin!,
      '--import-private',
      registrar!.privateKey,
    ),
  );
});

afterAll(async () => {
  await api?.close();
  await chain?.stop();
});

describe('ketenboek voting', () => {
  // The steps build on each other (one chain); each is its own test so each gets its own time budget.
  const keyFile = () => join(dir, 'registrar-key.pem');
  let blinded = '';
  let tokenHash = '';

  it('creates an election from a ballot file, and the registrar publishes a key made by the CLI', async () => {
    const ballotFile = join(dir, 'ballot.json');
    writeFileSync(ballotFile, JSON.stringify(budgetElection().ballot));
    const w = WINDOWS;
    ok(
      await cli(
        'tx',
        'voting',
        'create-election',
        ID,
        '--title',
        'Buurtbudget test',
        '--ballot-file',
        ballotFile,
        '--registrar',
        chain.orgs[1]!.oin!,
        '--registration-opens',
        w.registrationOpensAt,
        '--registration-closes',
        w.registrationClosesAt,
        '--voting-opens',
        w.votingOpensAt,
        '--voting-closes',
        w.votingClosesAt,
        '--reveal-closes',
        w.revealClosesAt,
        '--from',
        'gemeente',
      ),
    );
    const made = ok(await cli('voting', 'registrar-key', keyFile(), '--bits', '2048', '--json'));
    expect(JSON.parse(made.stdout).publicKey).toMatch(/^30[0-9a-f]+$/);
    expect(statSync(keyFile()).mode & 0o077).toBe(0);
    ok(
      await cli(
        'tx',
        'voting',
        'publish-key',
        ID,
        '--key-file',
        keyFile(),
        '--quota',
        '5',
        '--from',
        'stembureau',
      ),
    );
    const e = JSON.parse(ok(await cli('voting', 'election', ID, '--json')).stdout);
    expect(e.registrarKey.publicKey).toBe(JSON.parse(made.stdout).publicKey);
    expect(e.voterQuota).toBe(5);
  });

  it('runs the token steps: request by the resident, blind signature by the registrar, finalize', async () => {
    advanceTo(WINDOWS.registrationOpensAt);
    const req = ok(await cli('voting', 'token-request', ID, '--ballot-key', 'mijn-stem', '--json'));
    blinded = JSON.parse(req.stdout).blindedMessage;
    expect(blinded).toMatch(/^[0-9a-f]{512}$/);
    const signed = ok(await cli('voting', 'blind-sign', blinded, '--key-file', keyFile(), '--json'));
    const blindSignature = JSON.parse(signed.stdout).blindSignature;
    ok(await cli('tx', 'voting', 'record-issuance', ID, '--count', '1', '--from', 'stembureau'));
    const fin = ok(
      await cli('voting', 'token-finalize', ID, blindSignature, '--ballot-key', 'mijn-stem', '--json'),
    );
    tokenHash = JSON.parse(fin.stdout).tokenHash;
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    // The wallet links the ballot key to the ballot: only its owner may read it.
    expect(statSync(join(home, 'voting', `${ID}.mijn-stem.json`)).mode & 0o077).toBe(0);
    // A tampered blind signature never becomes a token.
    const bad = await cli(
      'voting',
      'token-finalize',
      ID,
      `${blindSignature.slice(0, -2)}00`,
      '--ballot-key',
      'mijn-stem',
    );
    expect(bad.code).not.toBe(0);
  });

  it('casts a sealed ballot from the ballot key and refuses a second one with the ledger’s code', async () => {
    advanceTo(WINDOWS.votingOpensAt);
    ok(await cli('tx', 'voting', 'cast', ID, '--projects', 'bomen,bankjes', '--from', 'mijn-stem'));
    const again = await cli('tx', 'voting', 'cast', ID, '--projects', 'speeltuin', '--from', 'mijn-stem');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/voting\.token_used/);
    const ballots = ok(await cli('voting', 'ballots', ID));
    expect(ballots.stdout).toContain(tokenHash);
    const sealed = await cli('voting', 'tally', ID);
    expect(sealed.code).toBe(1);
    expect(sealed.stderr).toMatch(/voting\.tally_not_ready/);
  });

  it('reveals after closing and finds the ballot among the counted ones in the tally', async () => {
    advanceTo(WINDOWS.votingClosesAt);
    ok(await cli('keys', 'add', 'helper'));
    ok(await cli('tx', 'voting', 'reveal', ID, '--ballot-key', 'mijn-stem', '--from', 'helper'));
    advanceTo(WINDOWS.revealClosesAt);
    const ballot = JSON.parse(ok(await cli('voting', 'ballots', ID, '--json')).stdout).items[0];
    const tally = ok(await cli('voting', 'tally', ID, '--find', ballot.commitment));
    expect(tally.stdout).toMatch(/final tally of buurtbudget: 1 counted/);
    expect(tally.stdout).toMatch(/recount from the ballots matches/);
    expect(tally.stdout).toMatch(/was counted/);
    const missing = await cli('voting', 'tally', ID, '--find', 'ab'.repeat(32));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/was NOT counted/);
  });
});
