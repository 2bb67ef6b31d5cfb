// `ketenboek network init`: a local network in which each validator belongs to a different demo
// organisation. All demo organisations are in the genesis (with their demo roles and membership);
// the first N run a validator node with 10 voting power each.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import type { Genesis } from '../app/module.ts';
import { generateKeyPair } from '../core/ed25519-node.ts';
import { DEMO_ORGS, DEMO_RESIDENTS } from '../node/demo/demo-orgs.ts';
import { buildGenesis } from '../node/genesis-builder.ts';
import { type KeyFile, Keyring } from '../node/keyring.ts';
import { requireCometbft } from './network-control.ts';
import {
  type NetworkManifest,
  type NetworkNode,
  networkPaths,
  nodeHome,
  portsFor,
  writeManifest,
} from './network-layout.ts';
import { configureNode, createNodeHome } from './node-home.ts';

export const DEFAULT_BASE_PORT = 26_600;
export const DEFAULT_NETWORK_CHAIN_ID = 'ketenboek-network';
export const VALIDATOR_POWER = 10;

export interface InitNetworkOptions {
  dir: string;
  validators: number;
  /** Node i uses basePort + 10·i … + 3 (API, RPC, P2P, ABCI). */
  basePort?: number;
  chainId?: string;
  /** Shortest voting period of governance proposals (genesis parameter). */
  minVotingSeconds?: number;
}

export async function initNetwork(opts: InitNetworkOptions): Promise<NetworkManifest> {
  const max = DEMO_ORGS.length;
  if (!Number.isInteger(opts.validators) || opts.validators < 1 || opts.validators > max) {
    throw new Error(
      `--validators must be between 1 and ${max} (one per demo organisation), got ${opts.validators}`,
    );
  }
  requireCometbft();
  const paths = networkPaths(opts.dir);
  if (existsSync(paths.manifest) || (existsSync(opts.dir) && readdirSync(opts.dir).length > 0)) {
    throw new Error(`${opts.dir} is not empty; choose a new directory for the network`);
  }
  mkdirSync(paths.nodes, { recursive: true, mode: 0o700 });
  const basePort = opts.basePort ?? DEFAULT_BASE_PORT;
  const chainId = opts.chainId ?? DEFAULT_NETWORK_CHAIN_ID;
  // Whole seconds: CometBFT and the app must read the same instant from it.
  const genesisTime = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();

  const keyring = new Keyring(paths.keys);
  const orgKeys = DEMO_ORGS.map((o) => keyring.add(o.keyName, { oin: o.oin }));
  for (const resident of DEMO_RESIDENTS) keyring.add(resident);
  const nodeKeys = DEMO_ORGS.slice(0, opts.validators).map(() => generateKeyPair());

  const genesis: Genesis = buildGenesis({
    chainId,
    genesisTime,
    organisations: DEMO_ORGS.map((o, i) => ({
      oin: o.oin,
      name: o.name,
      roles: o.roles,
      keys: [orgKeys[i]!.publicKey],
      member: o.member,
      ...(i < opts.validators
        ? { validator: { pubKey: nodeKeys[i]!.publicKey, power: VALIDATOR_POWER } }
        : {}),
    })),
    ...(opts.minVotingSeconds !== undefined ? { minVotingSeconds: opts.minVotingSeconds } : {}),
  });

  const nodes: NetworkNode[] = [];
  for (const [i, nodeKey] of nodeKeys.entries()) {
    const org = DEMO_ORGS[i]!;
    const ports = portsFor(basePort, i);
    const nodeId = await createNodeHome({
      home: nodeHome(opts.dir, org.keyName),
      name: org.keyName,
      ports,
      orgKey: orgKeys[i] as KeyFile,
      nodeKey,
      appGenesis: genesis,
    });
    nodes.push({
      name: org.keyName,
      organisation: { oin: org.oin, name: org.name, keyName: org.keyName },
      ports,
      nodeId,
      validatorPubKey: nodeKey.publicKey,
      genesisValidator: true,
    });
  }
  for (const node of nodes) configureNode(nodeHome(opts.dir, node.name), node, nodes);
  const manifest: NetworkManifest = { version: 1, chainId, genesisTime, basePort, nodes };
  writeManifest(opts.dir, manifest);
  return manifest;
}
