// The browser tests' node starts without the demo's data, so a cases test publishes the demo
// processes (debt assistance, Wmo) itself, the way the consortium does: a governance proposal by
// one member, approved by the others until it passes.
import { readFileSync } from 'node:fs';
import { KetenboekClient, type KeyPair } from '../../../src/client/index.ts';
import { PROCESS_TEMPLATES } from '../../../src/modules/cases/templates.ts';
import { DEMO_ORGS } from '../../../src/node/demo/demo-orgs.ts';
import type { TestNode } from './test-node.ts';

const passed = (events: Array<{ type: string }>) => events.some((e) => e.type === 'identity.proposal_passed');

export async function publishDemoProcesses(node: TestNode): Promise<void> {
  const client = new KetenboekClient({ baseUrl: node.url });
  const key = (name: string) => JSON.parse(readFileSync(node.keyFile(name), 'utf8')) as KeyPair;
  const [proposer, ...others] = DEMO_ORGS.filter((o) => o.member);
  for (const process of PROCESS_TEMPLATES) {
    // Sent untyped: the templates are definition *inputs* (defaults left out), while the typed
    // helper expects the parsed form.
    const submitted = await client.send(key(proposer!.keyName), 'identity.submit_proposal', {
      title: `Ketenproces ${process.title}`,
      action: { kind: 'publish_process', process },
      deadline: new Date(Date.now() + 24 * 3600_000).toISOString(),
    });
    if (passed(submitted.result.events)) continue;
    const proposalId = submitted.result.events
      .find((e) => e.type === 'identity.proposal_submitted')
      ?.attributes.find((a) => a.key === 'proposal')?.value;
    if (!proposalId) throw new Error(`proposal to publish ${process.id} was not submitted`);
    let done = false;
    for (const member of others) {
      const vote = await client.identity.vote(key(member.keyName), { proposalId, approve: true });
      done = passed(vote.result.events);
      if (done) break;
    }
    if (!done) throw new Error(`proposal to publish ${process.id} did not pass`);
  }
}
