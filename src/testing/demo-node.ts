// A demo-consortium node in a temp home with only the given modules, and the same DemoContext
// the start command gives demo loaders: for testing one module's demo on its own.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LedgerApp } from '../app/ledger-app.ts';
import type { Module } from '../app/module.ts';
import { EmbeddedEngine } from '../engines/embedded/embedded-engine.ts';
import type { DemoContext } from '../node/demo/demo-context.ts';
import { demoContextOf } from '../node/demo/demo-context-of.ts';
import { ensureHome, keyringOf } from '../node/home.ts';
import { ensureGenesis, loadOrCreateNodeKey } from '../node/start-node.ts';

export interface DemoNode {
  app: LedgerApp;
  engine: EmbeddedEngine;
  ctx: DemoContext;
  home: string;
  stop(): Promise<void>;
}

export async function startDemoNode(modules: Module[]): Promise<DemoNode> {
  const home = mkdtempSync(join(tmpdir(), 'ketenboek-demo-test-'));
  ensureHome(home);
  const nodeKey = loadOrCreateNodeKey(home);
  const genesis = ensureGenesis(home, nodeKey.publicKey, true, 'ketenboek-demo');
  const app = new LedgerApp({ dbPath: ':memory:', modules });
  app.initChain(genesis);
  const engine = new EmbeddedEngine({ app, nodeKey, blockIntervalMs: 5 });
  engine.start();
  return {
    app,
    engine,
    home,
    ctx: demoContextOf(engine, keyringOf(home), () => {}),
    async stop() {
      await engine.stop();
      app.close();
    },
  };
}
