// A node of its own for the browser tests: the demo consortium's organisations and keys (so the
// test imports key files the way a demo user does), but none of the demo's data, so the test
// creates every record itself and starts fast.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningNode, startNode } from '../../../src/node/start-node.ts';
import { WEB_DIST } from './web-build.ts';

export interface TestNode {
  url: string;
  home: string;
  keyFile(name: string): string;
  stop(): Promise<void>;
}

export async function startTestNode(): Promise<TestNode> {
  const home = mkdtempSync(join(tmpdir(), 'ketenboek-web-test-'));
  // startNode loads the demo data once and then leaves this flag; setting it first keeps the
  // demo genesis (organisations, roles, key files) without the demo's transactions.
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'demo-loaded'), 'skipped by the browser tests\n');
  const node: RunningNode = await startNode({ home, port: 0, demo: true, webDir: WEB_DIST, log: () => {} });
  return {
    url: node.url,
    home,
    keyFile: (name) => join(home, 'keys', `${name}.json`),
    async stop() {
      await node.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
