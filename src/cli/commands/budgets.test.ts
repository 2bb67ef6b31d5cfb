// The budgets commands as a user types them (`ketenboek tx budgets ...`, `ketenboek budgets ...`),
// parsed by the real command tree and run against a real API server with a temp keyring.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetsApis } from '../../api/routes/budgets.ts';
import { API_MODULES } from '../../api/routes/index.ts';
import { type RunningApi, serveApi } from '../../api/server.ts';
import { addDays, BUDGET_TEST_MODULES, ORG_SPECS } from '../../modules/budgets/test-support.ts';
import { createTestChain, type TestChain, type TestKey } from '../../testing/test-chain.ts';
import { errorLine, exitCodeOf } from '../errors.ts';
import { buildProgram } from '../program.ts';
import { registerBudgetsCommands } from './budgets.ts';
import { euroArg } from './budgets-args.ts';
import { registerBudgetsTx } from './tx/budgets.ts';

let chain: TestChain;
let api: RunningApi;
let home: string;
let dir: string;

/** Runs one command line in process; returns exit code, stdout and stderr like the binary would. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const program = buildProgram();
  if (!program.commands.some((c) => c.name() === 'budgets')) registerBudgetsCommands(program);
  const tx = program.commands.find((c) => c.name() === 'tx') as Command;
  if (!tx.commands.some((c) => c.name() === 'budgets')) registerBudgetsTx(tx);
  let stdout = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync(['node', 'ketenboek', '--home', home, '--node', api.url, ...args]);
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    return { code: exitCodeOf(e), stdout, stderr: `${errorLine(e)}\n` };
  } finally {
    process.stdout.write = write;
  }
}

async function ok(...args: string[]) {
  const r = await cli(...args);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

beforeAll(async () => {
  chain = await createTestChain({ orgs: ORG_SPECS, modules: BUDGET_TEST_MODULES });
  const names = new Set(API_MODULES.map((m) => m.tag.name));
  api = await serveApi(chain.engine, {
    port: 0,
    modules: [...API_MODULES, ...budgetsApis.filter((m) => !names.has(m.tag.name))],
  });
  home = mkdtempSync(join(tmpdir(), 'ketenboek-budgets-cli-'));
  dir = mkdtempSync(join(tmpdir(), 'ketenboek-budgets-files-'));
  const names2 = ['gemeente', 'sportclub', 'museum', 'zorg', 'toetser', 'elders'];
  for (const [i, k] of (chain.orgs as TestKey[]).entries()) {
    await ok('keys', 'add', names2[i]!, '--oin', k.oin!, '--import-private', k.privateKey);
  }
  await ok('keys', 'add', 'bewoner');
});
afterAll(async () => {
  await api?.close();
  await chain?.stop();
});

describe('ketenboek tx budgets / ketenboek budgets', () => {
  it('runs a city pass from the command line: fund, provider, voucher, payment, report, batch, SEPA file', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const sport = chain.orgs[1]!.oin!;
    await ok(
      'tx',
      'budgets',
      'create-fund',
      'stadspas',
      '--from',
      'gemeente',
      '--name',
      'Stadspas (test)',
      '--categories',
      'sport,culture',
      '--start',
      addDays(today, -1),
      '--end',
      addDays(today, 100),
      '--fixed',
      '150',
      '--per-payment',
      '75',
      '--bearer-vouchers',
    );
    await ok('tx', 'budgets', 'top-up', 'stadspas', '--from', 'gemeente', '--amount', '10000');
    await ok('tx', 'budgets', 'activate-fund', 'stadspas', '--from', 'gemeente');
    await ok('tx', 'budgets', 'apply', 'stadspas', '--from', 'sportclub');
    await ok(
      'tx',
      'budgets',
      'accept-provider',
      'stadspas',
      sport,
      '--categories',
      'sport',
      '--from',
      'gemeente',
    );
    await ok(
      'tx',
      'budgets',
      'issue-voucher',
      'pas-1',
      '--fund',
      'stadspas',
      '--holder',
      'bewoner',
      '--from',
      'gemeente',
    );
    const paid = await ok(
      'tx',
      'budgets',
      'pay',
      'p-1',
      '--voucher',
      'pas-1',
      '--provider',
      sport,
      '--amount',
      '12,50',
      '--category',
      'sport',
      '--from',
      'bewoner',
    );
    expect(paid.stdout).toContain('committed budgets.pay');
    const vouchers = await ok('budgets', 'vouchers', '--holder', 'bewoner');
    expect(vouchers.stdout).toContain('€ 137,50');
    const funds = await ok('--json', 'budgets', 'funds');
    expect(JSON.parse(funds.stdout).items[0]).toMatchObject({ id: 'stadspas', totals: { paid: '1250' } });
    const report = await ok('budgets', 'report', 'stadspas', '--csv');
    expect(report.stdout).toContain('sport,1,12.50,0.00,0.00,12.50');
    for (const [i, name] of ['gemeente', 'sportclub'].entries()) {
      await ok(
        'tx',
        'budgets',
        'set-bank-account',
        ['NL91ABNA0417164300', 'GB82WEST12345698765432'][i]!,
        '--name',
        `${name} (test)`,
        '--from',
        name,
      );
    }
    await ok('tx', 'budgets', 'create-settlement', 'batch-1', '--from', 'gemeente');
    await ok('tx', 'budgets', 'approve-settlement', 'batch-1', '--from', 'gemeente');
    const out = join(dir, 'batch-1.xml');
    await ok('budgets', 'sepa-file', 'batch-1', '--out', out);
    expect(readFileSync(out, 'utf8')).toContain('<InstdAmt Ccy="EUR">12.50</InstdAmt>');
    const settlements = await ok('budgets', 'settlements');
    expect(settlements.stdout).toMatch(/batch-1\s+approved\s+€ 12,50/);
  });

  it('hashes codes and receipts locally, and reports refusals as one line with the stable code', async () => {
    await ok(
      'tx',
      'budgets',
      'issue-voucher',
      'kaart-1',
      '--fund',
      'stadspas',
      '--code',
      'CLIX-CODE-0001',
      '--from',
      'gemeente',
    );
    await ok('keys', 'add', 'bewoner-2');
    await ok('tx', 'budgets', 'claim-voucher', 'CLIX-CODE-0001', '--from', 'bewoner-2');
    expect(JSON.parse((await ok('--json', 'budgets', 'voucher', 'kaart-1')).stdout).holder).toMatch(
      /^[0-9a-f]{64}$/,
    );
    const refused = await cli(
      'tx',
      'budgets',
      'pay',
      'p-2',
      '--voucher',
      'pas-1',
      '--provider',
      chain.orgs[2]!.oin!,
      '--amount',
      '5',
      '--category',
      'culture',
      '--from',
      'bewoner',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: budgets\.provider_not_accepted: .*never applied/);
    const tooMuch = await cli(
      'tx',
      'budgets',
      'pay',
      'p-3',
      '--voucher',
      'pas-1',
      '--provider',
      chain.orgs[1]!.oin!,
      '--amount',
      '80',
      '--category',
      'sport',
      '--from',
      'bewoner',
    );
    expect(tooMuch.stderr).toMatch(/budgets\.payment_limit/);
    const badAmount = await cli(
      'tx',
      'budgets',
      'top-up',
      'stadspas',
      '--amount',
      '12.345',
      '--from',
      'gemeente',
    );
    expect(badAmount.code).toBe(2);
    expect(badAmount.stderr).toContain('amount in euros');
    const receipt = join(dir, 'bon.txt');
    writeFileSync(receipt, 'kassabon (fake)');
    const noSwitch = await cli(
      'tx',
      'budgets',
      'reimburse',
      'd-1',
      '--voucher',
      'pas-1',
      '--amount',
      '5',
      '--category',
      'sport',
      '--receipt',
      receipt,
      '--from',
      'bewoner',
    );
    expect(noSwitch.stderr).toMatch(/budgets\.reimbursements_not_allowed/);
  });

  it('lists a provider’s care contracts and a resident’s eligibility requests', async () => {
    const zorg = chain.orgs[3]!.oin!;
    const contracts = await ok('--json', 'budgets', 'care-contracts', '--provider', zorg);
    expect(JSON.parse(contracts.stdout).items).toEqual([]);
    const requests = await ok('budgets', 'eligibility-requests', '--requester', 'bewoner');
    expect(requests.stdout).toContain('ID');
    const bad = await cli('budgets', 'care-contracts', '--provider', '123');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('converts euros as people type them', () => {
    expect(euroArg('12,50', 'x')).toBe('1250');
    expect(euroArg('12.5', 'x')).toBe('1250');
    expect(euroArg('7', 'x')).toBe('700');
    expect(() => euroArg('-1', 'x')).toThrow(/euros/);
  });
});
