import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, toHex, utf8 } from './bytes.ts';
import { sha256 } from './hash.ts';
import { sha256 as nodeSha256 } from './hash-node.ts';
import { type HashFn, type SmtProof, SparseMerkleTree, verifySmtProof } from './smt.ts';

const ZERO = new Uint8Array(32);
const value = (s: string) => sha256(`value:${s}`);

// The root straight from the definition, by recursive partition of the whole key set: an oracle
// that shares no code with the incremental tree.
function referenceRoot(entries: Map<string, Uint8Array>, hashFn: HashFn = sha256): Uint8Array {
  const items = [...entries].map(([key, v]) => ({ keyHash: hashFn(utf8(key)), valueHash: v }));
  const bit = (h: Uint8Array, d: number) => (h[d >> 3]! >> (7 - (d % 8))) & 1;
  const rootOf = (set: typeof items, depth: number): Uint8Array => {
    if (set.length === 0) return ZERO;
    if (set.length === 1) return hashFn(concatBytes(Uint8Array.of(0), set[0]!.keyHash, set[0]!.valueHash));
    const left = set.filter((i) => bit(i.keyHash, depth) === 0);
    const right = set.filter((i) => bit(i.keyHash, depth) === 1);
    return hashFn(concatBytes(Uint8Array.of(1), rootOf(left, depth + 1), rootOf(right, depth + 1)));
  };
  return rootOf(items, 0);
}

// Keeps only the last `bytes` bytes of sha256: key hashes then share long prefixes, which forces
// the deep one-sided chains that real sha256 keys almost never produce.
const weakHash =
  (bytes: number): HashFn =>
  (data) => {
    const out = new Uint8Array(32);
    out.set(sha256(data).subarray(32 - bytes), 32 - bytes);
    return out;
  };

function treeOf(entries: [string, Uint8Array][], hashFn?: HashFn): SparseMerkleTree {
  return SparseMerkleTree.buildFromEntries(entries, hashFn);
}

function flipHexChar(hex: string, at: number): string {
  const flipped = hex[at] === '0' ? '1' : '0';
  return hex.slice(0, at) + flipped + hex.slice(at + 1);
}

describe('SparseMerkleTree basics', () => {
  it('an empty tree has the all-zero root', () => {
    const tree = new SparseMerkleTree();
    expect(toHex(tree.root())).toBe(toHex(ZERO));
    expect(tree.size).toBe(0);
  });

  it('a single key is its leaf hash at the root', () => {
    const tree = treeOf([['a', value('a')]]);
    const expected = sha256(concatBytes(Uint8Array.of(0), sha256('a'), value('a')));
    expect(toHex(tree.root())).toBe(toHex(expected));
  });

  it('two keys hang below a chain of one-sided nodes down to their first differing bit', () => {
    // A key whose hash shares its first two bits with sha256('k1') and differs at the third.
    const ka = sha256('k1');
    const candidates = Array.from({ length: 64 }, (_, i) => `k${i + 2}`);
    const other = candidates.find(
      (k) => sha256(k)[0]! >> 6 === ka[0]! >> 6 && sha256(k)[0]! >> 5 !== ka[0]! >> 5,
    );
    expect(other).toBeDefined();
    const kb = sha256(other!);
    // So the fork is at depth 2, with one-sided nodes at depths 0 and 1 above it.
    const leafA = sha256(concatBytes(Uint8Array.of(0), ka, value('k1')));
    const leafB = sha256(concatBytes(Uint8Array.of(0), kb, value(other!)));
    const aGoesRight = (ka[0]! >> 5) & 1;
    let node = sha256(concatBytes(Uint8Array.of(1), aGoesRight ? leafB : leafA, aGoesRight ? leafA : leafB));
    for (let depth = 1; depth >= 0; depth--) {
      const right = (ka[0]! >> (7 - depth)) & 1;
      node = sha256(concatBytes(Uint8Array.of(1), right ? ZERO : node, right ? node : ZERO));
    }
    const tree = treeOf([
      ['k1', value('k1')],
      [other!, value(other!)],
    ]);
    expect(toHex(tree.root())).toBe(toHex(node));
  });

  it('get returns the stored value hash and undefined for absent keys', () => {
    const tree = treeOf([
      ['x', value('x')],
      ['y', value('y')],
    ]);
    expect(tree.get('x')).toEqual(value('x'));
    expect(tree.get('z')).toBeUndefined();
    expect(tree.size).toBe(2);
  });

  it('does not alias the caller’s value buffer', () => {
    const v = value('x');
    const tree = treeOf([['x', v]]);
    const before = tree.root();
    v[0] = v[0]! ^ 0xff;
    expect(tree.root()).toEqual(before);
    const got = tree.get('x')!;
    got[1] = got[1]! ^ 0xff;
    expect(tree.get('x')).toEqual(value('x'));
  });

  it('rejects a value hash that is not 32 bytes', () => {
    expect(() => new SparseMerkleTree().set('x', new Uint8Array(31))).toThrow(TypeError);
  });

  it('gives the same roots with the browser and the node sha256', () => {
    const entries = Array.from({ length: 300 }, (_, i): [string, Uint8Array] => [`k${i}`, value(`${i}`)]);
    expect(treeOf(entries, nodeSha256).root()).toEqual(treeOf(entries).root());
  });
});

describe('SparseMerkleTree updates and deletes', () => {
  const base = Array.from({ length: 50 }, (_, i): [string, Uint8Array] => [`key/${i}`, value(`${i}`)]);

  it('rewriting a value and writing it back restores the previous root exactly', () => {
    const tree = treeOf(base);
    const r1 = tree.root();
    tree.set('key/7', value('other'));
    const r2 = tree.root();
    expect(r2).not.toEqual(r1);
    tree.set('key/7', value('7'));
    expect(tree.root()).toEqual(r1);
  });

  it('inserting then deleting a key restores the previous root exactly', () => {
    const tree = treeOf(base);
    const r1 = tree.root();
    tree.set('new', value('new'));
    expect(tree.root()).not.toEqual(r1);
    expect(tree.delete('new')).toBe(true);
    expect(tree.root()).toEqual(r1);
    expect(tree.size).toBe(base.length);
  });

  it('deleting an absent key changes nothing and reports false', () => {
    const tree = treeOf(base);
    const r1 = tree.root();
    expect(tree.delete('absent')).toBe(false);
    expect(tree.root()).toEqual(r1);
  });

  it('deleting every key returns to the empty root, and the tree is reusable', () => {
    const tree = treeOf(base);
    for (const [key] of base) expect(tree.delete(key)).toBe(true);
    expect(tree.root()).toEqual(ZERO);
    expect(tree.size).toBe(0);
    tree.set('again', value('again'));
    expect(tree.root()).toEqual(treeOf([['again', value('again')]]).root());
  });

  it('handles keys whose hashes differ only in the very last bit (255 one-sided nodes)', () => {
    const hashFn = weakHash(1);
    const byLastByte = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; pair === undefined; i++) {
      const key = `deep${i}`;
      const last = hashFn(utf8(key))[31]!;
      const partner = byLastByte.get(last ^ 1);
      if (partner !== undefined) pair = [partner, key];
      byLastByte.set(last, key);
    }
    const tree = new SparseMerkleTree(hashFn);
    tree.set(pair[0], value('a'));
    const single = tree.root();
    tree.set(pair[1], value('b'));
    const model = new Map([
      [pair[0], value('a')],
      [pair[1], value('b')],
    ]);
    expect(tree.root()).toEqual(referenceRoot(model, hashFn));
    const proof = tree.prove(pair[1]);
    expect(proof.siblings).toHaveLength(256);
    expect(verifySmtProof(tree.root(), pair[1], value('b'), proof, hashFn)).toBe(true);
    tree.delete(pair[1]);
    expect(tree.root()).toEqual(single);
  });
});

describe('SparseMerkleTree canonical form (property tests)', () => {
  const universe = Array.from({ length: 40 }, (_, i) => `acct/${i}`);
  const op = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom(...universe), v: fc.nat(3) }),
    fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom(...universe) }),
    fc.record({ kind: fc.constant('root' as const) }),
  );

  for (const [label, hashFn] of [
    ['sha256', sha256],
    ['a weak hash with long shared prefixes', weakHash(3)],
  ] as const) {
    it(`any operation sequence gives the root of the final key set, rebuilt from scratch (${label})`, () => {
      // With 3 bytes of entropy the universe must still have distinct key hashes.
      expect(new Set(universe.map((k) => toHex(hashFn(utf8(k))))).size).toBe(universe.length);
      fc.assert(
        fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
          const tree = new SparseMerkleTree(hashFn);
          const model = new Map<string, Uint8Array>();
          for (const o of ops) {
            if (o.kind === 'set') {
              tree.set(o.key, value(`${o.v}`));
              model.set(o.key, value(`${o.v}`));
            } else if (o.kind === 'delete') {
              expect(tree.delete(o.key)).toBe(model.delete(o.key));
            } else {
              // Roots taken mid-sequence make later writes start from partly clean trees.
              expect(tree.root()).toEqual(referenceRoot(model, hashFn));
            }
          }
          expect(tree.size).toBe(model.size);
          for (const key of universe) expect(tree.get(key)).toEqual(model.get(key));
          const root = tree.root();
          expect(root).toEqual(referenceRoot(model, hashFn));
          const sorted = [...model].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
          expect(treeOf(sorted, hashFn).root()).toEqual(root);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('insertion order never changes the root', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.string({ maxLength: 12 }), { maxLength: 60 })
          .chain((keys) =>
            fc.tuple(fc.constant(keys), fc.shuffledSubarray(keys, { minLength: keys.length })),
          ),
        ([keys, shuffled]) => {
          const a = treeOf(keys.map((k) => [k, value(k)]));
          const b = treeOf(shuffled.map((k) => [k, value(k)]));
          expect(b.root()).toEqual(a.root());
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('SMT proofs', () => {
  const keys = Array.from({ length: 200 }, (_, i) => `doc/${i}`);
  const tree = treeOf(keys.map((k) => [k, value(k)]));
  const root = tree.root();
  const absent = Array.from({ length: 400 }, (_, i) => `missing/${i}`);
  const absentVia = (kind: 'empty' | 'leaf') => absent.find((k) => tree.prove(k).terminal.kind === kind)!;

  it('every present key has an inclusion proof that verifies', () => {
    for (const key of keys) {
      const proof = tree.prove(key);
      expect(proof.terminal.kind).toBe('leaf');
      expect(verifySmtProof(root, key, value(key), proof)).toBe(true);
      // ...and not for any other value, nor as a proof of absence.
      expect(verifySmtProof(root, key, value('wrong'), proof)).toBe(false);
      expect(verifySmtProof(root, key, null, proof)).toBe(false);
    }
  });

  it('proves absence via an empty subtree and via another key’s leaf', () => {
    for (const kind of ['empty', 'leaf'] as const) {
      const key = absentVia(kind);
      expect(key).toBeDefined();
      const proof = tree.prove(key);
      expect(verifySmtProof(root, key, null, proof)).toBe(true);
      expect(verifySmtProof(root, key, value(key), proof)).toBe(false);
    }
  });

  it('proves absence in an empty tree and in a single-leaf tree', () => {
    const empty = new SparseMerkleTree();
    expect(verifySmtProof(empty.root(), 'x', null, empty.prove('x'))).toBe(true);
    const one = treeOf([['only', value('only')]]);
    const proof = one.prove('x');
    expect(proof).toEqual({
      siblings: [],
      terminal: { kind: 'leaf', keyHash: toHex(sha256('only')), valueHash: toHex(value('only')) },
    });
    expect(verifySmtProof(one.root(), 'x', null, proof)).toBe(true);
    expect(verifySmtProof(one.root(), 'only', value('only'), one.prove('only'))).toBe(true);
  });

  it('proofs are plain JSON and survive a round trip', () => {
    const proof = tree.prove(keys[3]!);
    const copy = JSON.parse(JSON.stringify(proof)) as SmtProof;
    expect(verifySmtProof(root, keys[3]!, value(keys[3]!), copy)).toBe(true);
  });

  it('a proof for one key does not verify for another', () => {
    const proofA = tree.prove(keys[0]!);
    expect(verifySmtProof(root, keys[1]!, value(keys[1]!), proofA)).toBe(false);
    expect(verifySmtProof(root, keys[1]!, value(keys[0]!), proofA)).toBe(false);
    expect(verifySmtProof(root, keys[1]!, null, proofA)).toBe(false);
    // An absence proof for one missing key does not cover a present key.
    const absence = tree.prove(absentVia('leaf'));
    for (const key of keys) expect(verifySmtProof(root, key, null, absence)).toBe(false);
  });

  it('a different leaf proves absence only if it lies on the queried key’s path', () => {
    // A leaf from elsewhere in the tree, grafted onto the queried key's path, must fail even
    // though it is a genuine leaf of this tree.
    const key = absentVia('leaf');
    const proof = tree.prove(key);
    const elsewhere = keys
      .map((k) => tree.prove(k))
      .find((p) => p.terminal.kind === 'leaf' && p.siblings.length > 3)!;
    const forged: SmtProof = { siblings: proof.siblings, terminal: elsewhere.terminal };
    expect(verifySmtProof(root, key, null, forged)).toBe(false);
  });

  it('does not accept a leaf that sits off the queried key’s path, even in a root built around it', () => {
    // A hand-made, non-canonical root with leaf X on the left although X's hash starts with 1:
    // the hashes fold up correctly, so only the path-prefix check can refuse it.
    const x = Array.from({ length: 50 }, (_, i) => `x${i}`).find((k) => sha256(k)[0]! >> 7 === 1)!;
    const query = Array.from({ length: 50 }, (_, i) => `q${i}`).find((k) => sha256(k)[0]! >> 7 === 0)!;
    const leafX = sha256(concatBytes(Uint8Array.of(0), sha256(x), value(x)));
    const forgedRoot = sha256(concatBytes(Uint8Array.of(1), leafX, ZERO));
    const proof: SmtProof = {
      siblings: [toHex(ZERO)],
      terminal: { kind: 'leaf', keyHash: toHex(sha256(x)), valueHash: toHex(value(x)) },
    };
    expect(verifySmtProof(forgedRoot, query, null, proof)).toBe(false);
  });

  it('refuses more than 256 siblings even when they fold up to the root', () => {
    const key = 'k';
    const keyHash = sha256(key);
    const bit = (d: number) => (d < 256 ? (keyHash[d >> 3]! >> (7 - (d % 8))) & 1 : 0);
    let node: Uint8Array = ZERO;
    for (let d = 256; d >= 0; d--) {
      node = sha256(concatBytes(Uint8Array.of(1), bit(d) ? ZERO : node, bit(d) ? node : ZERO));
    }
    const proof: SmtProof = { siblings: Array(257).fill(toHex(ZERO)), terminal: { kind: 'empty' } };
    expect(verifySmtProof(node, key, null, proof)).toBe(false);
  });

  it('flipping any byte of any sibling or of the terminal breaks every kind of proof', () => {
    const cases: [string, Uint8Array | null][] = [
      [keys[5]!, value(keys[5]!)],
      [absentVia('empty'), null],
      [absentVia('leaf'), null],
    ];
    for (const [key, v] of cases) {
      const proof = tree.prove(key);
      expect(verifySmtProof(root, key, v, proof)).toBe(true);
      proof.siblings.forEach((sibling, i) => {
        for (let at = 0; at < 64; at += 2) {
          const siblings = proof.siblings.slice();
          siblings[i] = flipHexChar(sibling, at);
          expect(verifySmtProof(root, key, v, { ...proof, siblings })).toBe(false);
        }
      });
      if (proof.terminal.kind === 'leaf') {
        for (const field of ['keyHash', 'valueHash'] as const) {
          for (let at = 0; at < 64; at += 2) {
            const terminal = { ...proof.terminal, [field]: flipHexChar(proof.terminal[field], at) };
            expect(verifySmtProof(root, key, v, { ...proof, terminal })).toBe(false);
          }
        }
        expect(verifySmtProof(root, key, v, { ...proof, terminal: { kind: 'empty' } })).toBe(false);
      }
      // Dropping or adding a level breaks it too.
      expect(verifySmtProof(root, key, v, { ...proof, siblings: proof.siblings.slice(1) })).toBe(false);
      expect(verifySmtProof(root, key, v, { ...proof, siblings: [...proof.siblings, toHex(ZERO)] })).toBe(
        false,
      );
    }
  });

  it('rejects malformed proofs by returning false, never throwing', () => {
    const key = keys[9]!;
    const good = tree.prove(key);
    const bad: unknown[] = [
      null,
      {},
      { siblings: 'x', terminal: good.terminal },
      { siblings: good.siblings, terminal: null },
      { siblings: good.siblings, terminal: { kind: 'other' } },
      { siblings: [...good.siblings.slice(0, -1), 'zz'.repeat(32)], terminal: good.terminal },
      {
        siblings: [...good.siblings.slice(0, -1), good.siblings.at(-1)!.toUpperCase()],
        terminal: good.terminal,
      },
      { siblings: [...good.siblings.slice(0, -1), good.siblings.at(-1)!.slice(2)], terminal: good.terminal },
      { siblings: [...good.siblings.slice(0, -1), 7], terminal: good.terminal },
      {
        siblings: good.siblings,
        terminal: { kind: 'leaf', keyHash: 'nothex', valueHash: toHex(value(key)) },
      },
      { siblings: good.siblings, terminal: { kind: 'leaf', keyHash: 1, valueHash: toHex(value(key)) } },
      { siblings: Array(257).fill(toHex(ZERO)), terminal: { kind: 'empty' } },
    ];
    for (const proof of bad) {
      expect(() => verifySmtProof(root, key, value(key), proof as SmtProof)).not.toThrow();
      expect(verifySmtProof(root, key, value(key), proof as SmtProof)).toBe(false);
      expect(verifySmtProof(root, key, null, proof as SmtProof)).toBe(false);
    }
    expect(verifySmtProof(root.subarray(1), key, value(key), good)).toBe(false);
    expect(verifySmtProof(root, key, value(key).subarray(1), good)).toBe(false);
    expect(verifySmtProof(root, 42 as unknown as string, value(key), good)).toBe(false);
  });

  it('a stale proof fails against the root after the value changed', () => {
    const t = treeOf(keys.map((k) => [k, value(k)]));
    const before = t.prove(keys[2]!);
    t.set(keys[2]!, value('changed'));
    expect(verifySmtProof(t.root(), keys[2]!, value(keys[2]!), before)).toBe(false);
    expect(verifySmtProof(t.root(), keys[2]!, value('changed'), t.prove(keys[2]!))).toBe(true);
  });

  it('random trees: proofs of present and absent keys verify (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 8 }), { maxLength: 40 }),
        fc.array(fc.string({ maxLength: 8 }), { maxLength: 10 }),
        (present, probes) => {
          const t = treeOf(present.map((k) => [k, value(k)]));
          const r = t.root();
          const set = new Set(present);
          for (const key of [...present, ...probes]) {
            const v = set.has(key) ? value(key) : null;
            expect(verifySmtProof(r, key, v, t.prove(key))).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
