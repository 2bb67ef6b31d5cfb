// Layout of a node's home directory:
//   genesis.json        the chain's genesis (shared by all partners)
//   node-key.json       this node's block-signing key (0600)
//   keys/               the CLI keyring (0600 files)
//   data/app.db         the app store (SQLite, WAL)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from './keyring.ts';

export const defaultHome = () => process.env.KETENBOEK_HOME ?? join(homedir(), '.ketenboek');

export function homePaths(home: string) {
  return {
    home,
    genesis: join(home, 'genesis.json'),
    nodeKey: join(home, 'node-key.json'),
    keys: join(home, 'keys'),
    data: join(home, 'data'),
    appDb: join(home, 'data', 'app.db'),
  };
}

export function keyringOf(home: string): Keyring {
  return new Keyring(homePaths(home).keys);
}

export function ensureHome(home: string): void {
  mkdirSync(join(home, 'data'), { recursive: true, mode: 0o700 });
}

export function readGenesis(home: string): unknown | undefined {
  const p = homePaths(home).genesis;
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : undefined;
}

export function writeGenesis(home: string, genesis: unknown): void {
  writeFileSync(homePaths(home).genesis, `${JSON.stringify(genesis, null, 2)}\n`);
}
