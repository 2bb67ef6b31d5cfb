// Test support for the budgets module: a consortium with a sponsor, providers and a validator, two
// ways to run a chain (the embedded engine via createTestChain, or a hand-cranked chain whose block
// time the test sets, for expiries and end dates), and scenario helpers. All data here is fake.
import type { KVRead } from '../../app/kv.ts';
import { LedgerApp } from '../../app/ledger-app.ts';
import type { Module } from '../../app/module.ts';
import type { TxResult } from '../../app/types.ts';
import { generateKeyPair } from '../../core/ed25519-node.ts';
import { encodeSignedTx } from '../../core/tx.ts';
import { signTx } from '../../core/tx-node.ts';
import { buildGenesis, fakeOin, type GenesisOrg } from '../../node/genesis-builder.ts';
import { createTestChain, type TestChain, type TestKey } from '../../testing/test-chain.ts';
import { anchorModule } from '../anchor/index.ts';
import { identityModule } from '../identity/index.ts';
import { activationCodeHash } from './codes.ts';
import { budgetsModule } from './index.ts';
import { dateOf } from './rules.ts';

/** The modules the budgets tests need (budgets depends on identity only; anchors make empty-ish blocks). */
export const BUDGET_TEST_MODULES: Module[] = [identityModule, anchorModule, budgetsModule];

export const ORG_SPECS = [
  { name: 'Gemeente Testdam (test)', roles: ['sponsor', 'eligibility_validator'], member: true },
  { name: 'Sportclub Test (test)', roles: ['provider'] },
  { name: 'Museum Test (test)', roles: ['provider'] },
  { name: 'Zorg Test BV (test)', roles: ['provider'] },
  { name: 'Toetsbureau Test (test)', roles: ['eligibility_validator'] },
  { name: 'Gemeente Elders (test)', roles: ['sponsor'] },
];

export interface Parties {
  sponsor: TestKey;
  sport: TestKey;
  museum: TestKey;
  care: TestKey;
  validator: TestKey;
  otherSponsor: TestKey;
}

export type SendResult = { code: number; error: string; log: string; result?: TxResult };

/** What scenario helpers need from either kind of chain. */
export interface Driver {
  orgs: TestKey[];
  parties: Parties;
  kv: KVRead;
  now(): string;
  newAccount(): TestKey;
  trySend(key: TestKey, type: string, body: unknown): Promise<SendResult>;
  /** Sends and insists on success. */
  ok(key: TestKey, type: string, body: unknown): Promise<TxResult>;
  stop(): Promise<void>;
}

function partiesOf(orgs: TestKey[]): Parties {
  const [sponsor, sport, museum, care, validator, otherSponsor] = orgs as [
    TestKey,
    TestKey,
    TestKey,
    TestKey,
    TestKey,
    TestKey,
  ];
  return { sponsor, sport, museum, care, validator, otherSponsor };
}

async function insist(
  d: Pick<Driver, 'trySend'>,
  key: TestKey,
  type: string,
  body: unknown,
): Promise<TxResult> {
  const r = await d.trySend(key, type, body);
  if (r.code !== 0 || !r.result) throw new Error(`${type} failed: ${r.error}: ${r.log}`);
  return r.result;
}

/** A chain on the embedded engine (real blocks, wall-clock block times). */
export async function engineDriver(): Promise<Driver & { chain: TestChain }> {
  const chain = await createTestChain({ orgs: ORG_SPECS, modules: BUDGET_TEST_MODULES });
  const d: Driver & { chain: TestChain } = {
    chain,
    orgs: chain.orgs,
    parties: partiesOf(chain.orgs),
    kv: chain.app.committed,
    now: () => chain.app.store.block(chain.app.lastHeight)?.header.time ?? new Date().toISOString(),
    newAccount: () => chain.newAccount(),
    trySend: (k, t, b) => chain.trySend(k, t, b),
    ok: (k, t, b) => insist(d, k, t, b),
    stop: () => chain.stop(),
  };
  return d;
}

/**
 * A chain the test cranks by hand: each send is one block at the test's clock, so expiries, end
 * dates and request windows are tested without waiting. Same app, same modules, same signatures.
 */
export class ManualChain implements Driver {
  readonly app: LedgerApp;
  readonly orgs: TestKey[] = [];
  readonly parties: Parties;
  readonly chainId = 'ketenboek-budgets-test';
  private clock: number;

  constructor(start = '2026-03-02T09:00:00.000Z') {
    this.clock = Date.parse(start);
    const genesisOrgs: GenesisOrg[] = ORG_SPECS.map((spec, i) => {
      const k = generateKeyPair();
      const oin = fakeOin(i + 1);
      this.orgs.push({ ...k, oin });
      return {
        oin,
        name: spec.name,
        roles: spec.roles,
        keys: [k.publicKey],
        member: spec.member ?? false,
        // Blocks are made by hand here; the validator key only has to exist.
        ...(i === 0 ? { validator: { pubKey: generateKeyPair().publicKey, power: 10 } } : {}),
      };
    });
    this.app = new LedgerApp({ dbPath: ':memory:', modules: BUDGET_TEST_MODULES });
    this.app.initChain(
      buildGenesis({
        chainId: this.chainId,
        genesisTime: new Date(this.clock - 1000).toISOString(),
        organisations: genesisOrgs,
        minVotingSeconds: 0,
      }),
    );
    this.parties = partiesOf(this.orgs);
  }

  get kv(): KVRead {
    return this.app.committed;
  }

  now(): string {
    return new Date(this.clock).toISOString();
  }

  newAccount(): TestKey {
    return generateKeyPair();
  }

  advance(ms: number): void {
    this.clock += ms;
  }

  /** Sets the clock to `time` (never backwards). */
  at(time: string): void {
    this.clock = Math.max(this.clock, Date.parse(time));
  }

  sign(key: TestKey, type: string, body: unknown, nonce?: number): Uint8Array {
    const env = {
      v: 1,
      chainId: this.chainId,
      type,
      signer: key.publicKey,
      nonce: nonce ?? this.app.nextNonce(key.publicKey),
      body,
    };
    return encodeSignedTx(signTx(env, key.privateKey));
  }

  /** One block with these txs (already signed) at the clock; the clock then moves on a second. */
  block(txs: Uint8Array[] = []): TxResult[] {
    const height = this.app.lastHeight + 1;
    const res = this.app.finalizeBlock({ height, time: this.now(), txs, proposer: this.orgs[0]!.publicKey });
    this.app.commit();
    this.clock += 1000;
    return res.txResults;
  }

  async trySend(key: TestKey, type: string, body: unknown): Promise<SendResult> {
    const r = this.block([this.sign(key, type, body)])[0]!;
    return { code: r.code, error: r.error, log: r.log, result: r };
  }

  ok(key: TestKey, type: string, body: unknown): Promise<TxResult> {
    return insist(this, key, type, body);
  }

  async stop(): Promise<void> {
    this.app.close();
  }
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const today = (d: Pick<Driver, 'now'>) => dateOf(d.now());

/** A code as a resident would type it, with its hash. */
export function code(n: number): { code: string; hash: string } {
  const c = `TEST-${String(n).padStart(4, '0')}-ABCD`.replace(/0/g, 'Q');
  return { code: c, hash: activationCodeHash(c) };
}

export interface FundOptions {
  fundId?: string;
  kind?: 'regular' | 'care';
  categories?: string[];
  amount?: unknown;
  limits?: Record<string, string>;
  switches?: { bearerVouchers?: boolean; reimbursements?: boolean };
  criteria?: Array<{ record: string; operator: string; value: string }>;
  validators?: string[];
  topUp?: string;
  activate?: boolean;
  startDate?: string;
  endDate?: string;
  lowBalanceCents?: string;
}

/** Creates, tops up and (by default) activates a fund of the test sponsor. */
export async function setupFund(d: Driver, o: FundOptions = {}): Promise<string> {
  const fundId = o.fundId ?? 'stadspas';
  await d.ok(d.parties.sponsor, 'budgets.create_fund', {
    fundId,
    name: `Testregeling ${fundId}`,
    kind: o.kind ?? 'regular',
    categories: o.categories ?? ['sport', 'culture'],
    startDate: o.startDate ?? addDays(today(d), -1),
    endDate: o.endDate ?? addDays(today(d), 365),
    amount: o.amount ?? { kind: 'fixed', cents: '30000' },
    limits: o.limits ?? {},
    switches: { bearerVouchers: false, reimbursements: false, ...o.switches },
    criteria: o.criteria ?? [],
    validators: o.validators ?? [],
    ...(o.lowBalanceCents ? { lowBalanceCents: o.lowBalanceCents } : {}),
  });
  if (o.topUp !== '0')
    await d.ok(d.parties.sponsor, 'budgets.top_up_fund', { fundId, amountCents: o.topUp ?? '1000000' });
  if (o.activate !== false) await d.ok(d.parties.sponsor, 'budgets.activate_fund', { fundId });
  return fundId;
}

/** The provider applies and the sponsor accepts it (for `categories`, or the whole budget). */
export async function acceptProvider(
  d: Driver,
  fundId: string,
  provider: TestKey,
  categories?: string[],
): Promise<void> {
  await d.ok(provider, 'budgets.apply_to_fund', { fundId });
  await d.ok(d.parties.sponsor, 'budgets.decide_provider', {
    fundId,
    provider: provider.oin,
    decision: 'accepted',
    ...(categories ? { categories } : {}),
  });
}

/** Issues a budget voucher to a new resident; returns the resident's key. */
export async function residentWithVoucher(
  d: Driver,
  fundId: string,
  voucherId: string,
  extra: Record<string, unknown> = {},
): Promise<TestKey> {
  const resident = d.newAccount();
  await d.ok(d.parties.sponsor, 'budgets.issue_voucher', {
    voucherId,
    fundId,
    holder: resident.publicKey,
    ...extra,
  });
  return resident;
}
