import { afterEach, describe, expect, it } from 'vitest';
import { createTestChain, type TestChain } from '../../testing/test-chain.ts';
import { getProposal } from '../identity/state.ts';
import { getProcess, getProcessVersion } from './state.ts';
import { DEBT_ASSISTANCE } from './templates.ts';

let chain: TestChain;
afterEach(async () => chain?.stop());

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

describe('publishing processes through governance', () => {
  it('publishes a process only when the proposal passes, and versions republished definitions', async () => {
    chain = await createTestChain({
      orgs: [
        { roles: ['case_partner'], member: true },
        { roles: ['case_partner'], member: true },
      ],
    });
    const [a, b] = chain.orgs as [(typeof chain.orgs)[0], (typeof chain.orgs)[0]];
    const propose = (process: unknown) =>
      chain.send(a, 'identity.submit_proposal', {
        title: 'Proces publiceren',
        action: { kind: 'publish_process', process },
        deadline: inAnHour(),
      });
    await propose(DEBT_ASSISTANCE);
    // 1 of 2 members is not more than two thirds.
    expect(getProcess(chain.app.committed, 'debt-assistance')).toBeUndefined();
    const vote = await chain.send(b, 'identity.vote', { proposalId: '1', approve: true });
    expect(vote.events.map((e) => e.type)).toContain('cases.process_published');
    expect(getProcess(chain.app.committed, 'debt-assistance')).toMatchObject({
      version: 1,
      title: 'Schuldhulpverlening',
    });

    await propose({ ...DEBT_ASSISTANCE, title: 'Schuldhulpverlening 2027' });
    await chain.send(b, 'identity.vote', { proposalId: '2', approve: true });
    expect(getProcess(chain.app.committed, 'debt-assistance')).toMatchObject({
      version: 2,
      title: 'Schuldhulpverlening 2027',
    });
    expect(getProcessVersion(chain.app.committed, 'debt-assistance', 1)?.title).toBe('Schuldhulpverlening');
  });

  it('keeps open cases on the version they started with', async () => {
    chain = await createTestChain({ orgs: [{ roles: ['case_partner'], member: true }] });
    const org = chain.orgs[0]!;
    const publish = (title: string) =>
      chain.send(org, 'identity.submit_proposal', {
        title: 'Proces',
        action: { kind: 'publish_process', process: { ...DEBT_ASSISTANCE, title } },
        deadline: inAnHour(),
      });
    await publish('Versie een');
    await chain.send(org, 'cases.open', {
      process: 'debt-assistance',
      subject: { kind: 'pseudonym', pubKey: chain.newAccount().publicKey },
    });
    await publish('Versie twee');
    const c = JSON.parse(chain.app.committed.get('cases/case/1')!);
    expect(c.processVersion).toBe(1);
  });

  it('refuses an inconsistent definition when it is proposed, listing every problem', async () => {
    chain = await createTestChain({ orgs: [{ roles: ['case_partner'], member: true }] });
    const broken = {
      ...DEBT_ASSISTANCE,
      steps: DEBT_ASSISTANCE.steps.map((s) => (s.id === 'plan' ? { ...s, performer: 'bailiff' } : s)),
      transitions: [...DEBT_ASSISTANCE.transitions, { from: 'completed', to: 'intake' }],
    };
    const r = await chain.trySend(chain.orgs[0]!, 'identity.submit_proposal', {
      title: 'Kapot proces',
      action: { kind: 'publish_process', process: broken },
      deadline: inAnHour(),
    });
    expect(r.error).toBe('tx.invalid_body');
    expect(r.log).toContain('"bailiff"');
    expect(r.log).toContain('"completed" is terminal');
    expect(getProposal(chain.app.committed, '1')).toBeUndefined();
  });
});
