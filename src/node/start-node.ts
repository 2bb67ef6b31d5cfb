// Starts a node from its home directory: genesis and node key on first start (the demo consortium
// with --demo), the app store, the embedded engine, the REST API and, with --demo, demo data.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningApi, serveApi } from '../api/server.ts';
import { LedgerApp } from '../app/ledger-app.ts';
import { generateKeyPair } from '../core/ed25519-node.ts';
import { closeDocstoreOf } from '../docstore/node-docstore.ts';
import { EmbeddedEngine } from '../engines/embedded/embedded-engine.ts';
import { ALL_MODULES } from '../modules/registry.ts';
import { demoContextOf } from './demo/demo-context-of.ts';
import { DEMO_ORGS, DEMO_RESIDENTS } from './demo/demo-orgs.ts';
import { DEMO_LOADERS } from './demo/loaders.ts';
import { buildGenesis, fakeOin } from './genesis-builder.ts';
import { ensureHome, homePaths, keyringOf, readGenesis, writeGenesis } from './home.ts';
import type { Keyring } from './keyring.ts';

export interface StartNodeOptions {
  home: string;
  port?: number;
  host?: string;
  demo?: boolean;
  blockIntervalMs?: number;
  chainId?: string;
  webDir?: string;
  log?: (line: string) => void;
}

export interface RunningNode {
  url: string;
  engine: EmbeddedEngine;
  app: LedgerApp;
  stop(): Promise<void>;
}

export function loadOrCreateNodeKey(home: string): { publicKey: string; privateKey: string } {
  const p = homePaths(home).nodeKey;
  if (existsSync(p)) return JSON.parse(readFileSync(p, 'utf8'));
  const k = generateKeyPair();
  writeFileSync(p, `${JSON.stringify(k, null, 2)}\n`, { mode: 0o600 });
  return k;
}

/** Writes genesis.json on first start: the demo consortium, or one local organisation. */
export function ensureGenesis(home: string, nodePubKey: string, demo: boolean, chainId: string): unknown {
  const existing = readGenesis(home);
  if (existing) return existing;
  const keyring = keyringOf(home);
  const genesisTime = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
  const orgs = demo
    ? DEMO_ORGS.map((o, i) => ({
        oin: o.oin,
        name: o.name,
        roles: o.roles,
        keys: [keyFor(keyring, o.keyName, o.oin).publicKey],
        member: o.member,
        ...(i === 0 ? { validator: { pubKey: nodePubKey, power: 10 } } : {}),
      }))
    : [
        {
          oin: fakeOin(900),
          name: 'Lokale organisatie',
          roles: ['sponsor', 'issuer', 'registrar', 'organiser', 'case_partner'],
          keys: [keyFor(keyring, 'operator', fakeOin(900)).publicKey],
          member: true,
          validator: { pubKey: nodePubKey, power: 10 },
        },
      ];
  if (demo) for (const r of DEMO_RESIDENTS) keyFor(keyring, r);
  const genesis = buildGenesis({ chainId, genesisTime, organisations: orgs });
  writeGenesis(home, genesis);
  return genesis;
}

function keyFor(keyring: Keyring, name: string, oin?: string) {
  return keyring.has(name) ? keyring.get(name) : keyring.add(name, oin ? { oin } : {});
}

export async function startNode(opts: StartNodeOptions): Promise<RunningNode> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  ensureHome(opts.home);
  const paths = homePaths(opts.home);
  const nodeKey = loadOrCreateNodeKey(opts.home);
  const genesis = ensureGenesis(
    opts.home,
    nodeKey.publicKey,
    opts.demo === true,
    opts.chainId ?? (opts.demo ? 'ketenboek-demo' : 'ketenboek-local'),
  );
  const app = new LedgerApp({ dbPath: paths.appDb, modules: ALL_MODULES });
  if (!app.initialised) app.initChain(genesis);
  app.store.setMeta('engine', 'embedded');
  const engine = new EmbeddedEngine({
    app,
    nodeKey,
    blockIntervalMs: opts.blockIntervalMs ?? 100,
    signatureWorkers: 2,
    backgroundWrites: true,
  });
  // A block that cannot be written leaves the decided state ahead of the disk: stop, so that a
  // restart resumes from the last durable block (nothing unwritten was acknowledged).
  engine.on('fatal', (e: Error) => {
    log(`Ketenboek node stopped: ${e.message}`);
    process.exit(1);
  });
  engine.start();
  const closeEngineAndStore = async () => {
    await engine.stop();
    closeDocstoreOf(app);
    app.close();
  };
  let api: RunningApi;
  try {
    api = await serveApi(engine, {
      host: opts.host ?? '127.0.0.1',
      port: opts.port ?? 8080,
      webDir: opts.webDir ?? decodeURIComponent(new URL('../../web/dist', import.meta.url).pathname),
    });
  } catch (error) {
    // Without an API the node is of no use: stop the engine (its block timer and workers would
    // keep the process running after the error was reported) and close the store.
    await closeEngineAndStore();
    throw error;
  }
  log(`Ketenboek node "${app.info().chainId}" at height ${app.lastHeight}; API on ${api.url}/v1`);
  const demoFlag = join(opts.home, 'demo-loaded');
  if (opts.demo && !existsSync(demoFlag)) {
    await loadDemo(engine, keyringOf(opts.home), log);
    writeFileSync(demoFlag, `${new Date().toISOString()}\n`);
  }
  return {
    url: api.url,
    engine,
    app,
    async stop() {
      await api.close();
      await closeEngineAndStore();
    },
  };
}

async function loadDemo(engine: EmbeddedEngine, keyring: Keyring, log: (l: string) => void): Promise<void> {
  const ctx = demoContextOf(engine, keyring, log);
  for (const [i, loader] of DEMO_LOADERS.entries()) {
    log(`demo ${i + 1}/${DEMO_LOADERS.length}: ${loader.name}`);
    await loader.load(ctx);
  }
}
