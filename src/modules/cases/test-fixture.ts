// A test chain with the partners of a shared process, and a driver that can satisfy any step of
// any process definition (every attestation by every holder, every required field), so tests
// can walk every transition without hand-writing each path. Everything here is fake test data.
import { expect } from 'vitest';
import { sha256Hex } from '../../core/hash-node.ts';
import {
  createTestChain,
  type TestChain,
  type TestChainOptions,
  type TestKey,
} from '../../testing/test-chain.ts';
import { type ProcessDefinitionInput, SUBJECT_ROLE } from './process-schema.ts';
import { loadCaseRecords, stepProgress } from './progress.ts';
import { getCase, getProcess, type ProcessDefinition } from './state.ts';

/** Organisation indexes in the fixture chain. */
export const ORG = {
  municipality: 0,
  counsellor: 1,
  benefits: 2,
  creditorA: 3,
  creditorB: 4,
  /** Lacks the identity role case_partner. */
  outsider: 5,
  /** A case partner that is never invited. */
  stranger: 6,
} as const;

export interface CasesFixture {
  chain: TestChain;
  org(name: keyof typeof ORG): TestKey & { oin: string };
  /** Publishes a definition through governance (the municipality is the only member). */
  publish(def: ProcessDefinitionInput): Promise<ProcessDefinition>;
}

/** The organisations of the fixture, in ORG order (for chains made elsewhere, e.g. by the API tests). */
export const CASES_FIXTURE_ORGS: TestChainOptions['orgs'] = [
  { roles: ['sponsor', 'case_partner'], member: true, name: 'Gemeente Testdorp' },
  { roles: ['case_partner'], name: 'Schuldhulp Test' },
  { roles: ['case_partner'], name: 'Uitkeringsinstantie Test' },
  { roles: ['case_partner'], name: 'Schuldeiser A Test' },
  { roles: ['case_partner'], name: 'Schuldeiser B Test' },
  { roles: ['provider'], name: 'Buitenstaander Test' },
  { roles: ['case_partner'], name: 'Niet uitgenodigd Test' },
];

export async function createCasesFixture(opts: { dbPath?: string } = {}): Promise<CasesFixture> {
  return casesFixtureOn(await createTestChain({ ...opts, orgs: CASES_FIXTURE_ORGS }));
}

/** The fixture on a chain that was created with CASES_FIXTURE_ORGS. */
export function casesFixtureOn(chain: TestChain): CasesFixture {
  const org = (name: keyof typeof ORG) => chain.orgs[ORG[name]] as TestKey & { oin: string };
  return {
    chain,
    org,
    async publish(def) {
      const deadline = new Date(Date.now() + 3600_000).toISOString();
      await chain.send(org('municipality'), 'identity.submit_proposal', {
        title: `Proces ${def.id}`,
        action: { kind: 'publish_process', process: def },
        deadline,
      });
      const published = getProcess(chain.app.committed, def.id);
      if (!published) throw new Error(`process ${def.id} was not published`);
      return published;
    },
  };
}

/** The fixture partner that takes each case role of the templates (and of small test processes). */
export const ROLE_HOLDERS: Record<string, Array<keyof typeof ORG>> = {
  municipality: ['municipality'],
  debt_counsellor: ['counsellor'],
  benefits_agency: ['benefits'],
  creditor: ['creditorA', 'creditorB'],
  care_provider: ['creditorA'],
  client_support: ['benefits'],
  worker: ['counsellor'],
};

/** A valid value for each field type (fake and obviously not personal). */
export function sampleValue(type: string, values?: string[]): string {
  switch (type) {
    case 'cents':
      return '1250000';
    case 'count':
      return '18';
    case 'date':
      return '2026-03-01';
    case 'hash':
      return sha256Hex('fake test document');
    default:
      return values![0]!;
  }
}

export class CaseDriver {
  constructor(
    readonly f: CasesFixture,
    readonly id: string,
    /** The resident's pseudonymous key (a fresh one per case unless given). */
    readonly resident: TestKey,
  ) {}

  static async open(
    f: CasesFixture,
    processId: string,
    resident = f.chain.newAccount(),
  ): Promise<CaseDriver> {
    const r = await f.chain.send(f.org('municipality'), 'cases.open', {
      process: processId,
      subject: { kind: 'pseudonym', pubKey: resident.publicKey },
    });
    expect(r.code, r.log).toBe(0);
    return new CaseDriver(f, openedCaseId(r.events), resident);
  }

  get records() {
    return loadCaseRecords(this.f.chain.app.committed, this.id)!;
  }

  get case() {
    return getCase(this.f.chain.app.committed, this.id)!;
  }

  /** Invites the fixture holders of every case role the process has (except the opener's). */
  async inviteAll(): Promise<void> {
    const def = this.records.definition;
    for (const role of def.roles) {
      if (role.role === def.openerRole) continue;
      const inviterRole = role.invitedBy[0]!;
      const inviter = ROLE_HOLDERS[inviterRole]![0]!;
      for (const holder of ROLE_HOLDERS[role.role] ?? []) {
        await this.send(inviter, 'cases.invite', {
          caseId: this.id,
          oin: this.f.org(holder).oin,
          role: role.role,
        });
      }
    }
  }

  async send(who: keyof typeof ORG | TestKey, type: string, body: Record<string, unknown>) {
    const key = typeof who === 'string' ? this.f.org(who) : who;
    return this.f.chain.trySend(key, type, body);
  }

  /** Gives every attestation and field the current step requires. */
  async completeStep(): Promise<void> {
    const r = this.records;
    const step = r.definition.steps.find((s) => s.id === r.case.step)!;
    for (const req of step.requires) {
      const by = r.definition.attestations.find((a) => a.kind === req.attestation)!.by;
      const attesters: Array<keyof typeof ORG | TestKey> =
        by === SUBJECT_ROLE
          ? [this.resident]
          : r.partners.filter((p) => p.roles.includes(by)).map((p) => this.nameOf(p.oin));
      for (const who of attesters) {
        const res = await this.send(who, 'cases.attest', { caseId: this.id, kind: req.attestation });
        expect(res.error, res.log).toBe('');
      }
    }
    for (const name of step.requiredFields) {
      const def = r.definition.fields.find((x) => x.name === name)!;
      const owner = r.partners.find((p) => p.roles.includes(def.owner))!;
      const res = await this.send(this.nameOf(owner.oin), 'cases.set_field', {
        caseId: this.id,
        field: name,
        value: sampleValue(def.type, def.values),
      });
      expect(res.error, res.log).toBe('');
    }
    expect(stepProgress(this.records).complete).toBe(true);
  }

  /** The performer of the current step moves the case to `to`. */
  async advance(to: string) {
    const r = this.records;
    const step = r.definition.steps.find((s) => s.id === r.case.step)!;
    const performer = r.partners.find((p) => p.roles.includes(step.performer))!;
    return this.send(this.nameOf(performer.oin), 'cases.advance', { caseId: this.id, to });
  }

  /** Completes steps and advances along the shortest complete path until the case is in `target`. */
  async driveTo(target: string): Promise<void> {
    const path = shortestPath(this.records.definition, this.case.step, target);
    for (const next of path) {
      await this.completeStep();
      const res = await this.advance(next);
      expect(res.error, res.log).toBe('');
    }
    expect(this.case.step).toBe(target);
  }

  nameOf(oin: string): keyof typeof ORG {
    const name = (Object.keys(ORG) as Array<keyof typeof ORG>).find((n) => this.f.org(n).oin === oin);
    if (!name) throw new Error(`no fixture organisation with OIN ${oin}`);
    return name;
  }
}

export function openedCaseId(
  events: Array<{ type: string; attributes: Array<{ key: string; value: string }> }>,
): string {
  return events.find((e) => e.type === 'cases.opened')!.attributes.find((a) => a.key === 'case')!.value;
}

/** Steps after `from` up to and including `to`, over transitions that need a complete step. */
export function shortestPath(def: ProcessDefinition, from: string, to: string): string[] {
  const prev = new Map<string, string>([[from, '']]);
  const queue = [from];
  while (queue.length > 0) {
    const s = queue.shift()!;
    if (s === to) break;
    for (const t of def.transitions) {
      if (t.from === s && !prev.has(t.to)) {
        prev.set(t.to, s);
        queue.push(t.to);
      }
    }
  }
  if (!prev.has(to)) throw new Error(`no path from ${from} to ${to}`);
  const path: string[] = [];
  for (let s = to; s !== from; s = prev.get(s)!) path.unshift(s);
  return path;
}
