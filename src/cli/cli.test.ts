// The `ketenboek` command as users run it: `node bin/ketenboek.js ...` in a child process, against a
// real API server in this process (so children must be spawned asynchronously) and a temp home.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, serveApi } from '../api/server.ts';
import { sha256Hex } from '../core/hash-node.ts';
import { createTestChain, type TestChain } from '../testing/test-chain.ts';

const BIN = fileURLToPath(new URL('../../bin/ketenboek.js', import.meta.url));
// start and verify run signature worker threads that load tsx with `--import tsx`, which Node
// resolves against the working directory: until that resolves against the repo, run them from it.
const REPO = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let chain: TestChain;
let api: RunningApi;
let home: string;

function cli(args: string[], opts: { cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: opts.cwd ?? tmpdir(),
        env: { ...process.env, KETENBOEK_HOME: home, KETENBOEK_NODE: api.url, KETENBOEK_DEBUG: '' },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Asserts the convention for failures: exit code, nothing on stdout, exactly one line on stderr. */
function expectOneLineError(r: Run, code: number, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^error: /);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const docHash = (n: string) => sha256Hex(`cli test document ${n} ${Math.random()}`);

beforeAll(async () => {
  chain = await createTestChain({ orgs: [{ roles: ['sponsor'] }, { roles: [] }] });
  api = await serveApi(chain.engine, { port: 0 });
  home = mkdtempSync(join(tmpdir(), 'ketenboek-cli-'));
  // The first organisation's key, imported the way an operator would.
  const r = await cli([
    'keys',
    'add',
    'org0',
    '--oin',
    chain.orgs[0]!.oin!,
    '--import-private',
    chain.orgs[0]!.privateKey,
    '--home',
    home,
  ]);
  expect(r.code, r.stderr).toBe(0);
});

afterAll(async () => {
  await api?.close();
  await chain?.stop();
});

describe('ketenboek keys', () => {
  it('adds keys as owner-only files and never shows a private key unasked', async () => {
    const added = await cli(['--json', 'keys', 'add', 'alice', '--home', home]);
    expect(added.code, added.stderr).toBe(0);
    const key = JSON.parse(added.stdout) as {
      name: string;
      publicKey: string;
      file: string;
      privateKey?: string;
    };
    expect(key.name).toBe('alice');
    expect(key.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(key.privateKey).toBeUndefined();
    expect(statSync(key.file).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'keys')).mode & 0o077).toBe(0);
    expect(JSON.parse(readFileSync(key.file, 'utf8')).privateKey).toMatch(/^[0-9a-f]{64}$/);

    const list = await cli(['keys', 'list', '--json', '--home', home]);
    const keys = JSON.parse(list.stdout) as Array<Record<string, unknown>>;
    expect(keys.map((k) => k.name)).toEqual(['alice', 'org0']);
    expect(keys.every((k) => !('privateKey' in k))).toBe(true);
    expect(keys.find((k) => k.name === 'org0')).toMatchObject({
      publicKey: chain.orgs[0]!.publicKey,
      oin: chain.orgs[0]!.oin,
    });

    const shown = await cli(['keys', 'show', 'alice', '--home', home]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(key.publicKey);
    expect(shown.stdout).not.toMatch(/private/i);

    const secret = await cli(['keys', 'show', 'alice', '--private', '--json', '--home', home]);
    expect(JSON.parse(secret.stdout).privateKey).toBe(JSON.parse(readFileSync(key.file, 'utf8')).privateKey);
  });

  it('refuses a duplicate name and a bad OIN with one line', async () => {
    expectOneLineError(await cli(['keys', 'add', 'org0', '--home', home]), 1, /already exists/);
    expectOneLineError(await cli(['keys', 'add', 'bob', '--oin', '123', '--home', home]), 2, /OIN "123"/);
  });
});

describe('ketenboek tx and query', () => {
  it('anchors a hash and finds the tx and the anchor again', async () => {
    const hash = docHash('a');
    const sent = await cli(['tx', 'anchor', hash, '--label', 'Raadsbesluit', '--from', 'org0', '--json']);
    expect(sent.code, sent.stderr).toBe(0);
    const result = JSON.parse(sent.stdout) as { status: string; hash: string; height: number };
    expect(result.status).toBe('committed');

    const tx = await cli(['query', 'tx', result.hash, '--json']);
    expect(tx.code, tx.stderr).toBe(0);
    expect(JSON.parse(tx.stdout)).toMatchObject({
      hash: result.hash,
      type: 'anchor.create',
      signer: chain.orgs[0]!.publicKey,
      tx: { body: { hash, label: 'Raadsbesluit' } },
    });

    const human = await cli(['query', 'tx', result.hash]);
    expect(human.stdout).toMatch(/^type: anchor\.create$/m);
    expect(human.stdout).toContain(`hash: ${hash}`);

    const anchor = await cli(['query', 'anchor', hash, '--json']);
    expect(JSON.parse(anchor.stdout)).toMatchObject({ hash, label: 'Raadsbesluit', txHash: result.hash });
  });

  it('hashes a file locally for anchor-file', async () => {
    const file = join(home, 'besluit.txt');
    writeFileSync(file, `Besluit ${Math.random()}\n`);
    const sent = await cli(['tx', 'anchor-file', file, '--label', 'Besluit', '--from', 'org0']);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(/^committed anchor\.create in block \d+/);
    const anchor = await cli(['query', 'anchor', sha256Hex(readFileSync(file)), '--json']);
    expect(JSON.parse(anchor.stdout).label).toBe('Besluit');
  });

  it('reads accounts by key name and lists organisations as JSON', async () => {
    const account = await cli(['query', 'account', 'org0', '--json']);
    expect(JSON.parse(account.stdout)).toMatchObject({
      pubKey: chain.orgs[0]!.publicKey,
      organisation: chain.orgs[0]!.oin,
    });
    const orgs = await cli(['query', 'organisations', '--json']);
    expect((JSON.parse(orgs.stdout) as { items: Array<{ oin: string }> }).items.map((o) => o.oin)).toContain(
      chain.orgs[1]!.oin,
    );
    const status = await cli(['query', 'status']);
    expect(status.stdout).toContain(`chainId: ${chain.chainId}`);
  });

  it('proposes and votes through tx identity', async () => {
    const proposed = await cli([
      'tx',
      'identity',
      'propose',
      'grant-role',
      '--oin',
      chain.orgs[1]!.oin!,
      '--role',
      'auditor',
      '--title',
      'Auditor erbij',
      '--deadline',
      '2h',
      '--from',
      'org0',
      '--json',
    ]);
    expect(proposed.code, proposed.stderr).toBe(0);
    // The only member approves by proposing, so the proposal passes at once.
    const proposals = await cli(['query', 'proposals', '--status', 'passed', '--json']);
    const items = (
      JSON.parse(proposals.stdout) as { items: Array<{ title: string; action: { role: string } }> }
    ).items;
    expect(items.find((p) => p.title === 'Auditor erbij')?.action.role).toBe('auditor');
    expectOneLineError(
      await cli([
        'tx',
        'identity',
        'propose',
        'grant-role',
        '--oin',
        chain.orgs[1]!.oin!,
        '--title',
        't',
        '--deadline',
        '2h',
        '--from',
        'org0',
      ]),
      2,
      /grant_role needs --role/,
    );
    expectOneLineError(
      await cli(['tx', 'identity', 'vote', '1', '--from', 'org0']),
      2,
      /--approve or --reject/,
    );
  });
});

describe('ketenboek errors', () => {
  it('refuses a malformed hash before signing anything (usage error)', async () => {
    expectOneLineError(await cli(['tx', 'anchor', 'abc', '--label', 'x', '--from', 'org0']), 2, /SHA-256/);
    expectOneLineError(await cli(['query', 'tx', 'xyz']), 2, /tx hash must be a SHA-256 hash/);
  });

  it('names an unknown key and how to create it', async () => {
    expectOneLineError(
      await cli(['tx', 'anchor', docHash('k'), '--label', 'x', '--from', 'nobody']),
      1,
      /no key named "nobody".*ketenboek keys add nobody/,
    );
  });

  it('says when the node cannot be reached', async () => {
    expectOneLineError(
      await cli(['--node', 'http://127.0.0.1:1', 'query', 'status']),
      1,
      /cannot reach the node at http:\/\/127\.0\.0\.1:1/,
    );
  });

  it("passes the ledger's refusal on with its stable code", async () => {
    const hash = docHash('twice');
    expect((await cli(['tx', 'anchor', hash, '--label', 'x', '--from', 'org0'])).code).toBe(0);
    expectOneLineError(
      await cli(['tx', 'anchor', hash, '--label', 'x', '--from', 'org0']),
      1,
      /^error: anchor\.already_anchored: This hash was already anchored/,
    );
  });

  it('exits 2 with one line for an unknown option or command', async () => {
    expectOneLineError(await cli(['query', 'status', '--bogus']), 2, /unknown option '--bogus'/);
    expectOneLineError(await cli(['frobnicate']), 2, /unknown command 'frobnicate'/);
  });
});

describe('ketenboek receipt', () => {
  it('writes a receipt that verifies offline, and rejects a tampered copy', async () => {
    const sent = JSON.parse(
      (await cli(['tx', 'anchor', docHash('r'), '--label', 'bon', '--from', 'org0', '--json'])).stdout,
    );
    const file = join(home, 'receipt.json');
    const got = await cli(['receipt', 'get', sent.hash, '--out', file]);
    expect(got.code, got.stderr).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).txHash).toBe(sent.hash);

    const ok = await cli(['receipt', 'verify', file]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/receipt valid/);

    const receipt = JSON.parse(readFileSync(file, 'utf8'));
    receipt.tx.body.label = 'vervalst';
    const bad = join(home, 'receipt-bad.json');
    writeFileSync(bad, JSON.stringify(receipt));
    const refused = await cli(['receipt', 'verify', bad, '--json']);
    expect(refused.code).toBe(1);
    const verdict = JSON.parse(refused.stdout) as { valid: boolean; checks: Array<{ ok: boolean }> };
    expect(verdict.valid).toBe(false);
    expect(verdict.checks.some((c) => !c.ok)).toBe(true);
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('ketenboek start and verify', () => {
  it('refuses a port that is in use with one line and exits 1 instead of running on without an API', async () => {
    // The test's own API server holds a port on 127.0.0.1.
    const busyPort = new URL(api.url).port;
    const nodeHome = mkdtempSync(join(tmpdir(), 'ketenboek-busy-'));
    const r = await cli(['start', '--home', nodeHome, '--port', busyPort], { cwd: REPO });
    expectOneLineError(r, 1, new RegExp(`port ${busyPort} on 127\\.0\\.0\\.1 is already in use`));
    expect(r.stderr).toMatch(/choose another port/);
  });

  it('prints help from any directory, serves a node, stops on SIGINT and verifies the chain it wrote', async () => {
    const help = await cli(['--help'], { cwd: '/' });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ketenboek');

    const nodeHome = mkdtempSync(join(tmpdir(), 'ketenboek-node-'));
    const child: ChildProcess = spawn(
      process.execPath,
      [BIN, 'start', '--home', nodeHome, '--port', '0', '--block-interval', '20', '--json'],
      {
        cwd: REPO,
        env: { ...process.env, KETENBOEK_DEBUG: '' },
      },
    );
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => {
      err += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        out += d;
        try {
          resolve((JSON.parse(out) as { url: string }).url);
        } catch {
          // not complete yet
        }
      });
      child.on('exit', () => reject(new Error(`start exited: ${err}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const sent = await cli([
      '--node',
      url,
      '--home',
      nodeHome,
      'tx',
      'anchor',
      docHash('s'),
      '--label',
      'x',
      '--from',
      'operator',
    ]);
    expect(sent.code, `${sent.stderr}\nnode: ${err}`).toBe(0);

    child.kill('SIGINT');
    expect(await exited).toBe(0);

    const verified = await cli(['verify', '--home', nodeHome], { cwd: REPO });
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^ok: \d+ blocks and 1 txs verified/);
    const json = await cli(['verify', '--home', nodeHome, '--json'], { cwd: REPO });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, txs: 1 });

    expectOneLineError(await cli(['verify', '--home', join(nodeHome, 'nothing-here')]), 1, /no chain data/);
  });
});
