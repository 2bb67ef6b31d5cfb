// Layout of a local network directory made by `ketenboek network init`:
//   network.json              the manifest: chain id and every node with its ports and keys
//   keys/                     a keyring with every organisation's key (for the CLI; 0600 files)
//   nodes/<name>/             one node home per organisation (see src/node/home.ts), plus:
//     node.json               what run-node needs: name and ports
//     cometbft/               the node's CometBFT home (config/, data/)
//     node.log, cometbft.log  logs of the app process and of CometBFT
//     run-node.pid, cometbft.pid
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface NodePorts {
  /** The REST API (/v1). */
  api: number;
  /** CometBFT's RPC. */
  rpc: number;
  /** CometBFT's peer-to-peer port. */
  p2p: number;
  /** The ABCI server of the app, which CometBFT connects to. */
  abci: number;
}

export interface NetworkNode {
  /** Directory and moniker: the key name of the organisation that runs the node. */
  name: string;
  organisation: { oin: string; name: string; keyName: string };
  ports: NodePorts;
  /** CometBFT P2P id (from cometbft/config/node_key.json). */
  nodeId: string;
  /** The node's validator key: node-key.json, CometBFT's priv_validator_key.json, and the app's validator entry. */
  validatorPubKey: string;
  /** True when the genesis made it a validator; others become one through governance. */
  genesisValidator: boolean;
}

export interface NetworkManifest {
  version: 1;
  chainId: string;
  genesisTime: string;
  basePort: number;
  nodes: NetworkNode[];
}

/** What run-node reads from a node home: enough to run without the network directory. */
export interface NodeRunConfig {
  name: string;
  host: string;
  ports: NodePorts;
}

export function networkPaths(dir: string) {
  return {
    dir,
    manifest: join(dir, 'network.json'),
    keys: join(dir, 'keys'),
    nodes: join(dir, 'nodes'),
  };
}

export function nodePaths(home: string) {
  return {
    home,
    runConfig: join(home, 'node.json'),
    cometbftHome: join(home, 'cometbft'),
    nodeLog: join(home, 'node.log'),
    cometbftLog: join(home, 'cometbft.log'),
    runNodePid: join(home, 'run-node.pid'),
    cometbftPid: join(home, 'cometbft.pid'),
  };
}

/** How a node's own processes are recognised in /proc (see pid-files.ts). */
export const processMarkers = (home: string) => ({
  runNode: home,
  cometbft: `--home ${nodePaths(home).cometbftHome}`,
});

export function nodeHome(dir: string, name: string): string {
  return join(networkPaths(dir).nodes, name);
}

/** Ports of the i-th node: four consecutive ports from basePort + 10·i. */
export function portsFor(basePort: number, index: number): NodePorts {
  const first = basePort + 10 * index;
  return { api: first, rpc: first + 1, p2p: first + 2, abci: first + 3 };
}

export function readManifest(dir: string): NetworkManifest {
  const path = networkPaths(dir).manifest;
  if (!existsSync(path)) {
    throw new Error(
      `${dir} holds no network (no network.json); create one with "ketenboek network init --dir ${dir}"`,
    );
  }
  return JSON.parse(readFileSync(path, 'utf8')) as NetworkManifest;
}

export function writeManifest(dir: string, manifest: NetworkManifest): void {
  writeFileSync(networkPaths(dir).manifest, `${JSON.stringify(manifest, null, 2)}\n`);
}

export function readRunConfig(home: string): NodeRunConfig {
  const path = nodePaths(home).runConfig;
  if (!existsSync(path)) throw new Error(`${home} is not a network node home (no node.json)`);
  return JSON.parse(readFileSync(path, 'utf8')) as NodeRunConfig;
}

/** Selects nodes by name; all when `names` is empty. Unknown names are an error, not a no-op. */
export function selectNodes(manifest: NetworkManifest, names: string[] = []): NetworkNode[] {
  if (names.length === 0) return manifest.nodes;
  return names.map((name) => {
    const node = manifest.nodes.find((n) => n.name === name);
    if (!node) {
      throw new Error(
        `no node "${name}" in this network; nodes: ${manifest.nodes.map((n) => n.name).join(', ')}`,
      );
    }
    return node;
  });
}

export const apiUrlOf = (node: NetworkNode, host = '127.0.0.1') => `http://${host}:${node.ports.api}`;
export const rpcUrlOf = (node: NetworkNode, host = '127.0.0.1') => `http://${host}:${node.ports.rpc}`;
