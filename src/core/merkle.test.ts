import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from './bytes.ts';
import { sha256 } from './hash.ts';
import { sha256 as nodeSha256 } from './hash-node.ts';
import { type MerkleProof, merkleProof, merkleRoot, verifyMerkleProof } from './merkle.ts';

// The Certificate Transparency reference inputs and tree heads (RFC 6962 test vectors, as used by
// certificate-transparency-go's merkle tests): ROOTS[n] is the root of the first n leaves.
const LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(fromHex);
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// Published audit paths: [index (0-based), tree size, path].
const PATHS: [number, number, string[]][] = [
  [
    0,
    8,
    [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  ],
  [
    5,
    8,
    [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  ],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [
    1,
    5,
    [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  ],
];

const leafHash = (d: Uint8Array) => sha256(concatBytes(Uint8Array.of(0), d));
const node = (l: Uint8Array, r: Uint8Array) => sha256(concatBytes(Uint8Array.of(1), l, r));

// MTH exactly as RFC 6962 section 2.1 writes it, recursion and all: an oracle for larger trees.
function rfcRoot(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  if (leaves.length === 1) return leafHash(leaves[0]!);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return node(rfcRoot(leaves.slice(0, k)), rfcRoot(leaves.slice(k)));
}

const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => Uint8Array.of(i, i * 7, 0x42));

describe('merkleRoot', () => {
  it('matches the Certificate Transparency tree heads for 0..8 leaves', () => {
    for (let n = 0; n <= 8; n++) expect(toHex(merkleRoot(LEAVES.slice(0, n))), `n=${n}`).toBe(ROOTS[n]);
  });

  it('builds the 7-leaf tree as ((01)(23))((45)6)', () => {
    const h = LEAVES.slice(0, 7).map(leafHash);
    const expected = node(node(node(h[0]!, h[1]!), node(h[2]!, h[3]!)), node(node(h[4]!, h[5]!), h[6]!));
    expect(merkleRoot(LEAVES.slice(0, 7))).toEqual(expected);
    // Not the "duplicate the odd leaf" shape some other trees use.
    const bitcoinStyle = node(
      node(node(h[0]!, h[1]!), node(h[2]!, h[3]!)),
      node(node(h[4]!, h[5]!), node(h[6]!, h[6]!)),
    );
    expect(merkleRoot(LEAVES.slice(0, 7))).not.toEqual(bitcoinStyle);
  });

  it('agrees with the recursive RFC definition for every size up to 70', () => {
    for (let n = 0; n <= 70; n++) expect(merkleRoot(leavesOf(n)), `n=${n}`).toEqual(rfcRoot(leavesOf(n)));
  });

  it('gives the same roots with the browser and the node sha256', () => {
    expect(merkleRoot(leavesOf(37), nodeSha256)).toEqual(merkleRoot(leavesOf(37)));
  });

  it('a leaf is not confused with an inner node (second-preimage resistance)', () => {
    const h = LEAVES.slice(0, 2).map(leafHash);
    // Presenting the two child hashes as one leaf does not reproduce the 2-leaf root.
    expect(merkleRoot([concatBytes(h[0]!, h[1]!)])).not.toEqual(merkleRoot(LEAVES.slice(0, 2)));
  });
});

describe('merkleProof / verifyMerkleProof', () => {
  it('reproduces the published audit paths', () => {
    for (const [index, total, path] of PATHS) {
      const proof = merkleProof(LEAVES.slice(0, total), index);
      expect(proof).toEqual({ index, total, path });
      expect(verifyMerkleProof(fromHex(ROOTS[total]!), LEAVES[index]!, proof)).toBe(true);
    }
  });

  it('every index of every tree of 1..8 (and up to 20) leaves verifies; wrong index, leaf or root fails', () => {
    for (let n = 1; n <= 20; n++) {
      const leaves = n <= 8 ? LEAVES.slice(0, n) : leavesOf(n);
      const root = merkleRoot(leaves);
      if (n <= 8) expect(toHex(root)).toBe(ROOTS[n]);
      for (let i = 0; i < n; i++) {
        const proof = merkleProof(leaves, i);
        expect(verifyMerkleProof(root, leaves[i]!, proof), `n=${n} i=${i}`).toBe(true);
        for (let j = 0; j < n; j++) {
          if (j === i) continue;
          expect(verifyMerkleProof(root, leaves[i]!, { ...proof, index: j })).toBe(false);
          expect(verifyMerkleProof(root, leaves[j]!, proof)).toBe(false);
        }
        expect(verifyMerkleProof(root, Uint8Array.of(0xff, 0xfe), proof)).toBe(false);
        expect(verifyMerkleProof(merkleRoot(leaves.slice(0, n - 1)), leaves[i]!, proof)).toBe(false);
      }
    }
  });

  it('does not bind the tree size by itself: callers compare proof.total with the block header', () => {
    const leaves = leavesOf(13);
    const root = merkleRoot(leaves);
    // Leaf 0 has the same audit path in every tree of 9..16 leaves (RFC 6962 behaviour)...
    const first = merkleProof(leaves, 0);
    expect(verifyMerkleProof(root, leaves[0]!, { ...first, total: 16 })).toBe(true);
    // ...while the last leaf's position on the ragged right edge pins the size down.
    const last = merkleProof(leaves, 12);
    for (const total of [14, 15, 16, 17, 25]) {
      expect(verifyMerkleProof(root, leaves[12]!, { ...last, total }), `total=${total}`).toBe(false);
    }
  });

  it('refuses an index at or beyond the size, and a path longer than the size allows', () => {
    const one = [LEAVES[3]!];
    // Without the bound, index 1 of 1 folds exactly like index 0.
    expect(verifyMerkleProof(merkleRoot(one), one[0]!, { index: 1, total: 1, path: [] })).toBe(false);
    // Leaf 1 of a 2-leaf tree, passed off as the only leaf of a 1-leaf tree with a spare step.
    const two = LEAVES.slice(0, 2);
    const real = merkleProof(two, 1);
    expect(verifyMerkleProof(merkleRoot(two), two[1]!, real)).toBe(true);
    expect(verifyMerkleProof(merkleRoot(two), two[1]!, { ...real, index: 0, total: 1 })).toBe(false);
  });

  it('flipping any byte of the path, or dropping or adding a step, fails', () => {
    const leaves = leavesOf(11);
    const root = merkleRoot(leaves);
    for (let i = 0; i < 11; i++) {
      const proof = merkleProof(leaves, i);
      proof.path.forEach((step, s) => {
        for (let at = 0; at < 64; at += 2) {
          const path = proof.path.slice();
          path[s] = step.slice(0, at) + (step[at] === '0' ? '1' : '0') + step.slice(at + 1);
          expect(verifyMerkleProof(root, leaves[i]!, { ...proof, path })).toBe(false);
        }
      });
      expect(verifyMerkleProof(root, leaves[i]!, { ...proof, path: proof.path.slice(1) })).toBe(false);
      expect(verifyMerkleProof(root, leaves[i]!, { ...proof, path: [...proof.path, proof.path[0]!] })).toBe(
        false,
      );
    }
  });

  it('a single-leaf tree has an empty path', () => {
    const proof = merkleProof([LEAVES[3]!], 0);
    expect(proof).toEqual({ index: 0, total: 1, path: [] });
    expect(verifyMerkleProof(leafHash(LEAVES[3]!), LEAVES[3]!, proof)).toBe(true);
  });

  it('merkleProof refuses an index outside the list', () => {
    expect(() => merkleProof(leavesOf(3), 3)).toThrow(RangeError);
    expect(() => merkleProof(leavesOf(3), -1)).toThrow(RangeError);
    expect(() => merkleProof([], 0)).toThrow(RangeError);
    expect(() => merkleProof(leavesOf(3), 1.5)).toThrow(RangeError);
  });

  it('rejects malformed proofs by returning false, never throwing', () => {
    const leaves = leavesOf(6);
    const root = merkleRoot(leaves);
    const good = merkleProof(leaves, 4);
    const bad: unknown[] = [
      null,
      {},
      { ...good, index: -1 },
      { ...good, index: 6 },
      { ...good, index: 1.5 },
      { ...good, total: 0 },
      { ...good, total: 2 ** 40 },
      { ...good, total: '6' },
      { ...good, path: 'abc' },
      { ...good, path: [...good.path.slice(1), 'zz'.repeat(32)] },
      { ...good, path: [good.path[0]!.toUpperCase(), ...good.path.slice(1)] },
      { ...good, path: [good.path[0]!.slice(2), ...good.path.slice(1)] },
      { ...good, path: [null, ...good.path.slice(1)] },
    ];
    for (const proof of bad) {
      expect(() => verifyMerkleProof(root, leaves[4]!, proof as MerkleProof)).not.toThrow();
      expect(verifyMerkleProof(root, leaves[4]!, proof as MerkleProof)).toBe(false);
    }
    expect(verifyMerkleProof(root.subarray(1), leaves[4]!, good)).toBe(false);
  });

  it('random leaf lists: every proof verifies and survives a JSON round trip (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 20 }), { minLength: 1, maxLength: 50 }),
        fc.nat(),
        (leaves, pick) => {
          const i = pick % leaves.length;
          const root = merkleRoot(leaves);
          expect(root).toEqual(rfcRoot(leaves));
          const proof = JSON.parse(JSON.stringify(merkleProof(leaves, i))) as MerkleProof;
          expect(verifyMerkleProof(root, leaves[i]!, proof)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
