import { describe, expect, it } from 'vitest';
import { type NetworkManifest, portsFor, selectNodes } from './network-layout.ts';

describe('network layout', () => {
  it('gives every node four ports of its own', () => {
    const ports = Array.from({ length: 8 }, (_, i) => Object.values(portsFor(26_600, i))).flat();
    expect(new Set(ports).size).toBe(32);
    expect(portsFor(26_600, 1)).toEqual({ api: 26_610, rpc: 26_611, p2p: 26_612, abci: 26_613 });
  });

  it('selects nodes by name, all by default, and names the nodes when one is unknown', () => {
    const manifest = { nodes: [{ name: 'a' }, { name: 'b' }] } as NetworkManifest;
    expect(selectNodes(manifest).map((n) => n.name)).toEqual(['a', 'b']);
    expect(selectNodes(manifest, ['b']).map((n) => n.name)).toEqual(['b']);
    expect(() => selectNodes(manifest, ['c'])).toThrow('no node "c" in this network; nodes: a, b');
  });
});
