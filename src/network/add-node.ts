// `ketenboek network add-node`: a new organisation's node joins the local network, the way a
// municipality joins a real one (docs/network.md): its own keys, the network's genesis files as
// they are, the existing nodes as peers. It starts as a full node that replays the chain; it
// becomes a validator only when the members accept a governance proposal (set_validator).

import { join } from 'node:path';
import type { Genesis } from '../app/module.ts';
import { generateKeyPair } from '../core/ed25519-node.ts';
import { fakeOin } from '../node/genesis-builder.ts';
import { readGenesis } from '../node/home.ts';
import { Keyring } from '../node/keyring.ts';
import {
  type NetworkNode,
  networkPaths,
  nodeHome,
  nodePaths,
  portsFor,
  readManifest,
  writeManifest,
} from './network-layout.ts';
import { configureNode, createNodeHome } from './node-home.ts';

export interface AddNodeOptions {
  dir: string;
  /** Key name of the new organisation; also the node's name. */
  name: string;
  /** Public name of the organisation. */
  organisationName: string;
  /** OIN of the organisation; a fake one when left out. */
  oin?: string;
}

export async function addNode(opts: AddNodeOptions): Promise<NetworkNode> {
  const manifest = readManifest(opts.dir);
  if (manifest.nodes.some((n) => n.name === opts.name))
    throw new Error(`the network already has a node "${opts.name}"`);
  const keyring = new Keyring(networkPaths(opts.dir).keys);
  if (keyring.has(opts.name)) throw new Error(`a key named "${opts.name}" already exists in ${keyring.dir}`);
  // Demo OINs 1–8 are the demo organisations; joiners count on from 101.
  const oin = opts.oin ?? fakeOin(100 + manifest.nodes.length + 1);
  const orgKey = keyring.add(opts.name, { oin });

  // A joiner takes both genesis files from a partner unchanged: any difference is another chain.
  const partner = nodeHome(opts.dir, manifest.nodes[0]!.name);
  const appGenesis = readGenesis(partner) as Genesis;
  const ports = portsFor(manifest.basePort, manifest.nodes.length);
  const nodeKey = generateKeyPair();
  const nodeId = await createNodeHome({
    home: nodeHome(opts.dir, opts.name),
    name: opts.name,
    ports,
    orgKey,
    nodeKey,
    appGenesis,
    cometbftGenesisFrom: join(nodePaths(partner).cometbftHome, 'config', 'genesis.json'),
  });
  const node: NetworkNode = {
    name: opts.name,
    organisation: { oin, name: opts.organisationName, keyName: opts.name },
    ports,
    nodeId,
    validatorPubKey: nodeKey.publicKey,
    genesisValidator: false,
  };
  // The existing nodes keep their peer lists: they accept the newcomer's inbound connections.
  configureNode(nodeHome(opts.dir, node.name), node, manifest.nodes);
  writeManifest(opts.dir, { ...manifest, nodes: [...manifest.nodes, node] });
  return node;
}
