// `ketenboek network status`: per node its URLs, height, app hash and whether it is a validator
// now. The validator set is asked from CometBFT (it changes through governance); height and app
// hash come from the node's own REST API, i.e. from what its app has committed.
import { cometbftAddress } from '../engines/cometbft/cometbft-keys.ts';
import { cometRpc } from '../engines/cometbft/process.ts';
import { VALIDATOR_POWER } from './init-network.ts';
import { isNodeRunning } from './network-control.ts';
import { apiUrlOf, type NetworkNode, readManifest, rpcUrlOf } from './network-layout.ts';

export interface NodeStatus {
  name: string;
  organisation: string;
  apiUrl: string;
  rpcUrl: string;
  running: boolean;
  /** Last height the node's app committed; null when the node does not answer. */
  height: number | null;
  appHash: string | null;
  validator: boolean;
  votingPower: number;
  /** CometBFT is still replaying or fetching blocks from its peers. */
  catchingUp: boolean | null;
}

export interface NetworkStatus {
  chainId: string;
  nodes: NodeStatus[];
}

export async function networkStatus(dir: string): Promise<NetworkStatus> {
  const manifest = readManifest(dir);
  const nodes = await Promise.all(manifest.nodes.map((n) => probe(dir, n)));
  const validators = await currentValidators(manifest.nodes, nodes);
  return {
    chainId: manifest.chainId,
    nodes: nodes.map((n, i) => {
      const power = validators?.get(cometbftAddress(manifest.nodes[i]!.validatorPubKey));
      // With no node answering, the genesis set is the best knowledge there is.
      const genesisPower = manifest.nodes[i]!.genesisValidator ? VALIDATOR_POWER : 0;
      const votingPower = validators ? (power ?? 0) : genesisPower;
      return { ...n, validator: votingPower > 0, votingPower };
    }),
  };
}

type Probe = Omit<NodeStatus, 'validator' | 'votingPower'>;

async function probe(dir: string, node: NetworkNode): Promise<Probe> {
  const base: Probe = {
    name: node.name,
    organisation: node.organisation.name,
    apiUrl: apiUrlOf(node),
    rpcUrl: rpcUrlOf(node),
    running: isNodeRunning(dir, node.name),
    height: null,
    appHash: null,
    catchingUp: null,
  };
  if (!base.running) return base;
  const [api, rpc] = await Promise.allSettled([
    fetchJson<{ height: number; appHash: string }>(`${base.apiUrl}/v1/status`),
    cometRpc<{ sync_info: { catching_up: boolean } }>(base.rpcUrl, 'status'),
  ]);
  return {
    ...base,
    height: api.status === 'fulfilled' ? api.value.height : null,
    appHash: api.status === 'fulfilled' ? api.value.appHash : null,
    catchingUp: rpc.status === 'fulfilled' ? rpc.value.sync_info.catching_up : null,
  };
}

/** Address → voting power at the latest height, from the first node that answers. */
async function currentValidators(
  nodes: NetworkNode[],
  probes: Probe[],
): Promise<Map<string, number> | undefined> {
  for (const [i, node] of nodes.entries()) {
    if (probes[i]?.catchingUp !== false) continue;
    try {
      const result = await cometRpc<{ validators: Array<{ address: string; voting_power: string }> }>(
        rpcUrlOf(node),
        'validators',
        { per_page: '100' },
      );
      return new Map(result.validators.map((v) => [v.address, Number(v.voting_power)]));
    } catch {
      // Try the next node.
    }
  }
  return undefined;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** One line per node for people; `--json` prints NetworkStatus itself. */
export function formatStatus(status: NetworkStatus): string[] {
  const lines = [`network ${status.chainId}`];
  for (const n of status.nodes) {
    const state = !n.running ? 'stopped' : n.height === null ? 'not answering' : `height ${n.height}`;
    const hash = n.appHash ? ` app hash ${n.appHash.slice(0, 12)}…` : '';
    const role = n.validator ? `validator (power ${n.votingPower})` : 'full node';
    lines.push(
      `${n.name}: ${state}${hash}, ${role}, API ${n.apiUrl}, RPC ${n.rpcUrl}${n.catchingUp ? ', catching up' : ''}`,
    );
  }
  return lines;
}
