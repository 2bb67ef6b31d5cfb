// Creates one node home of a network: the Ketenboek home (app genesis, node key, the organisation's
// key) with a CometBFT home inside whose validator key is the node key and whose genesis wraps the
// same app genesis.
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Genesis } from '../app/module.ts';
import { writeCometbftGenesis } from '../engines/cometbft/cometbft-genesis.ts';
import { readNodeId, writePrivValidatorKey } from '../engines/cometbft/cometbft-keys.ts';
import { setTomlValues } from '../engines/cometbft/config-toml.ts';
import { initCometbftHome } from '../engines/cometbft/process.ts';
import { ensureHome, homePaths, keyringOf, writeGenesis } from '../node/home.ts';
import type { KeyFile } from '../node/keyring.ts';
import { type NetworkNode, type NodePorts, type NodeRunConfig, nodePaths } from './network-layout.ts';
import { LOCAL_HOST, localNodeConfig } from './node-config.ts';

export interface CreateNodeHomeOptions {
  home: string;
  name: string;
  ports: NodePorts;
  /** The organisation's signing key, put in the node's own keyring. */
  orgKey: KeyFile;
  /** The validator key of the node. */
  nodeKey: { publicKey: string; privateKey: string };
  appGenesis: Genesis;
  /** A joining node copies CometBFT's genesis.json from a partner instead of building it. */
  cometbftGenesisFrom?: string;
}

/** Returns the node's CometBFT P2P id. */
export async function createNodeHome(opts: CreateNodeHomeOptions): Promise<string> {
  const paths = homePaths(opts.home);
  if (existsSync(paths.appDb) || existsSync(nodePaths(opts.home).runConfig)) {
    throw new Error(`${opts.home} already holds a node; choose another directory`);
  }
  ensureHome(opts.home);
  writeGenesis(opts.home, opts.appGenesis);
  writeFileSync(paths.nodeKey, `${JSON.stringify(opts.nodeKey, null, 2)}\n`, { mode: 0o600 });
  keyringOf(opts.home).add(opts.orgKey.name, {
    privateKey: opts.orgKey.privateKey,
    ...(opts.orgKey.oin ? { oin: opts.orgKey.oin } : {}),
  });

  const cometbftHome = nodePaths(opts.home).cometbftHome;
  await initCometbftHome(cometbftHome);
  writePrivValidatorKey(cometbftHome, opts.nodeKey);
  const cometbftGenesis = join(cometbftHome, 'config', 'genesis.json');
  if (opts.cometbftGenesisFrom) copyFileSync(opts.cometbftGenesisFrom, cometbftGenesis);
  else writeCometbftGenesis(cometbftHome, opts.appGenesis);

  const run: NodeRunConfig = { name: opts.name, host: LOCAL_HOST, ports: opts.ports };
  writeFileSync(nodePaths(opts.home).runConfig, `${JSON.stringify(run, null, 2)}\n`);
  return readNodeId(cometbftHome);
}

/** Writes the node's ports, peers and the local-network tuning into its config.toml. */
export function configureNode(home: string, node: NetworkNode, peers: NetworkNode[]): void {
  const persistentPeers = peers
    .filter((p) => p.name !== node.name)
    .map((p) => `${p.nodeId}@${LOCAL_HOST}:${p.ports.p2p}`);
  setTomlValues(
    join(nodePaths(home).cometbftHome, 'config', 'config.toml'),
    localNodeConfig(node, persistentPeers),
  );
}
