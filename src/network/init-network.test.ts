// `network init` writes keys and genesis files that must agree in three places: the app genesis
// (validator per organisation), CometBFT's genesis validators, and each node's own key files.
// Needs the CometBFT binary (for `cometbft init`): skipped without it locally, failing in CI.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cometbftAddress } from '../engines/cometbft/cometbft-keys.ts';
import { inspectCometbftBinary } from '../engines/cometbft/process.ts';
import { DEMO_ORGS } from '../node/demo/demo-orgs.ts';
import { homePaths, readGenesis } from '../node/home.ts';
import { Keyring } from '../node/keyring.ts';
import { initNetwork } from './init-network.ts';
import { nodeHome, nodePaths, readManifest } from './network-layout.ts';

const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-init-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const binary = inspectCometbftBinary();
const inCi = process.env.CI === 'true' || process.env.CI === '1';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe.skipIf(!binary.usable && !inCi)('network init', () => {
  it('gives each validator a different organisation, with one key agreed on everywhere', async () => {
    if (!binary.usable) throw new Error(`${binary.problem} (required when CI=true)`);
    const dir = join(tempDir(), 'net');
    await initNetwork({ dir, validators: 4, basePort: 31_000 });
    const manifest = readManifest(dir);
    expect(manifest.nodes.map((n) => n.organisation.oin)).toEqual(DEMO_ORGS.slice(0, 4).map((o) => o.oin));

    const ports = manifest.nodes.flatMap((n) => Object.values(n.ports));
    expect(new Set(ports).size).toBe(ports.length);

    const cometGenesis = readJson(
      join(nodePaths(nodeHome(dir, manifest.nodes[0]!.name)).cometbftHome, 'config', 'genesis.json'),
    );
    const appGenesis = readGenesis(nodeHome(dir, manifest.nodes[0]!.name)) as {
      identity: { organisations: Array<{ oin: string; validator?: { pubKey: string } }> };
    };
    for (const node of manifest.nodes) {
      const home = nodeHome(dir, node.name);
      const cometbftHome = nodePaths(home).cometbftHome;
      const nodeKey = readJson(homePaths(home).nodeKey) as { publicKey: string };
      const privValidator = readJson(join(cometbftHome, 'config', 'priv_validator_key.json'));
      expect(nodeKey.publicKey).toBe(node.validatorPubKey);
      expect(privValidator.address).toBe(cometbftAddress(node.validatorPubKey));
      expect(
        appGenesis.identity.organisations.find((o) => o.oin === node.organisation.oin)?.validator?.pubKey,
      ).toBe(node.validatorPubKey);
      expect(cometGenesis.validators.map((v: { address: string }) => v.address)).toContain(
        privValidator.address,
      );
      // Every node has the same genesis, byte for byte.
      expect(readFileSync(join(cometbftHome, 'config', 'genesis.json'), 'utf8')).toBe(
        readFileSync(
          join(nodePaths(nodeHome(dir, manifest.nodes[0]!.name)).cometbftHome, 'config', 'genesis.json'),
          'utf8',
        ),
      );
      // The node's keyring holds its own organisation's key, the one in the genesis.
      const orgKey = new Keyring(homePaths(home).keys).get(node.organisation.keyName);
      expect(orgKey.oin).toBe(node.organisation.oin);
      // Peers: every other node, on its own P2P port.
      const config = readFileSync(join(cometbftHome, 'config', 'config.toml'), 'utf8');
      const peers = /^persistent_peers = "(.*)"$/m.exec(config)![1]!.split(',');
      expect(peers.sort()).toEqual(
        manifest.nodes
          .filter((n) => n !== node)
          .map((n) => `${n.nodeId}@127.0.0.1:${n.ports.p2p}`)
          .sort(),
      );
      expect(config).toContain(`laddr = "tcp://127.0.0.1:${node.ports.rpc}"`);
    }
    expect(cometGenesis.validators).toHaveLength(4);
    // The network's own keyring has every demo organisation's key for the CLI.
    expect(new Keyring(join(dir, 'keys')).list().filter((k) => k.oin).length).toBe(DEMO_ORGS.length);
  });

  it('refuses a directory that is not empty, and more validators than organisations', async () => {
    const dir = join(tempDir(), 'net');
    await expect(initNetwork({ dir, validators: DEMO_ORGS.length + 1 })).rejects.toThrow(/between 1 and 8/);
    await initNetwork({ dir, validators: 1, basePort: 31_100 });
    await expect(initNetwork({ dir, validators: 1 })).rejects.toThrow(/is not empty/);
  });
});
