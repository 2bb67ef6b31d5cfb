// The state commitment (app hash): a compact binary sparse Merkle tree over sha256(key).
//
// Canonical form: a leaf sits at the shallowest depth where it is the only key in its subtree, and
// every internal node has at least two keys below it. The root is therefore a function of the set
// of (key, valueHash) pairs alone, so every node that applies the same writes reaches the same app
// hash, whatever order a block applied them in.
//
//   empty subtree = 32 zero bytes
//   leaf          = H(0x00 || keyHash || valueHash)   (independent of depth, so leaves can move)
//   internal      = H(0x01 || left || right)
//
// Paths are the bits of keyHash, most significant bit of byte 0 first; 0 = left, 1 = right.
import { concatBytes, equalBytes, fromHex, isLowerHex, toHex, utf8 } from './bytes.ts';
import { sha256 } from './hash.ts';

export type HashFn = (data: Uint8Array) => Uint8Array;

export type SmtProofTerminal = { kind: 'empty' } | { kind: 'leaf'; keyHash: string; valueHash: string };

/** Plain JSON: siblings from the root down to the terminal, each 64 lowercase hex digits. */
export interface SmtProof {
  siblings: string[];
  terminal: SmtProofTerminal;
}

const HASH_BYTES = 32;
const HASH_WORDS = 8;
const MAX_DEPTH = 256;
const LEAF_PREFIX = 0x00;
const INTERNAL_PREFIX = 0x01;
const EMPTY_HEX = '0'.repeat(2 * HASH_BYTES);
const INITIAL_CAPACITY = 1024;

function bitAt(keyHash: Uint8Array, depth: number): number {
  return (keyHash[depth >>> 3]! >>> (7 - (depth & 7))) & 1;
}

function assertHash(bytes: Uint8Array, what: string): void {
  if (!(bytes instanceof Uint8Array) || bytes.length !== HASH_BYTES) {
    throw new TypeError(`SparseMerkleTree: ${what} must be a ${HASH_BYTES}-byte Uint8Array`);
  }
}

function grown<T extends Uint8Array | Int32Array>(old: T, length: number): T {
  const next = new (old.constructor as new (n: number) => T)(length);
  next.set(old);
  return next;
}

/** Key hashes a tree keeps (about 100 bytes each). */
const KEY_HASH_CACHE_SIZE = 50_000;

/**
 * Nodes live in flat typed arrays rather than one object each: the tree is rehashed along
 * thousands of random paths per block, and with per-node objects (and a Uint8Array per hash) that
 * work was dominated by pointer chasing and garbage collection, not by sha256.
 *
 * A node reference is a number: 0 = empty subtree, n > 0 = internal node n, n < 0 = leaf -n. Ids
 * start at 1 and freed ids are reused; they never reach the hashes, so they cannot affect roots.
 * A node is "dirty" when its stored hash is stale: writes only mark their path, and root()
 * rehashes each dirty node once however many writes of the block went through it.
 */
export class SparseMerkleTree {
  private readonly hashFn: HashFn;
  private rootRef = 0;
  private count = 0;

  private innerCapacity = INITIAL_CAPACITY;
  private innerNext = 1;
  private readonly innerFree: number[] = [];
  private innerLeft = new Int32Array(INITIAL_CAPACITY);
  private innerRight = new Int32Array(INITIAL_CAPACITY);
  private innerDirty = new Uint8Array(INITIAL_CAPACITY);
  private innerHash = new Uint8Array(INITIAL_CAPACITY * HASH_BYTES);
  private innerHashWords = new Uint32Array(this.innerHash.buffer);

  private leafCapacity = INITIAL_CAPACITY;
  private leafNext = 1;
  private readonly leafFree: number[] = [];
  private leafDirty = new Uint8Array(INITIAL_CAPACITY);
  private leafKey = new Uint8Array(INITIAL_CAPACITY * HASH_BYTES);
  private leafKeyWords = new Uint32Array(this.leafKey.buffer);
  private leafValue = new Uint8Array(INITIAL_CAPACITY * HASH_BYTES);
  private leafValueWords = new Uint32Array(this.leafValue.buffer);
  private leafHash = new Uint8Array(INITIAL_CAPACITY * HASH_BYTES);
  private leafHashWords = new Uint32Array(this.leafHash.buffer);

  // The hash input is bytes 3..67 of one reused buffer: the prefix byte at 3 puts both 32-byte
  // halves on 4-byte boundaries, so they are filled as 8 words each. Reuse is safe because the
  // hash function is synchronous and keeps nothing of its input.
  private readonly scratch = new Uint8Array(68);
  private readonly scratchWords = new Uint32Array(this.scratch.buffer);
  private readonly hashInput = this.scratch.subarray(3);
  private readonly pathScratch = new Int32Array(MAX_DEPTH + 1);
  // Most writes of a block go to keys written before (balances, nonces, totals): their hashes are
  // kept. Callers never change a returned key hash, and the cache starts afresh when full.
  private readonly keyHashes = new Map<string, Uint8Array>();

  /** Node code passes the OpenSSL sha256 from hash-node.ts; the default runs in the browser too. */
  constructor(hashFn: HashFn = sha256) {
    this.hashFn = hashFn;
  }

  static buildFromEntries(entries: Iterable<[string, Uint8Array]>, hashFn?: HashFn): SparseMerkleTree {
    const tree = new SparseMerkleTree(hashFn);
    for (const [key, valueHash] of entries) tree.set(key, valueHash);
    return tree;
  }

  get size(): number {
    return this.count;
  }

  set(key: string, valueHash: Uint8Array): void {
    assertHash(valueHash, 'valueHash');
    const keyHash = this.hashKey(key);
    let parent = 0;
    let ref = this.rootRef;
    let depth = 0;
    while (ref > 0) {
      this.innerDirty[ref] = 1;
      parent = ref;
      ref = bitAt(keyHash, depth) === 0 ? this.innerLeft[ref]! : this.innerRight[ref]!;
      depth++;
    }
    let replacement: number;
    if (ref === 0) {
      replacement = -this.newLeaf(keyHash, valueHash);
    } else if (this.leafKeyEquals(-ref, keyHash)) {
      this.leafValue.set(valueHash, -ref * HASH_BYTES);
      this.leafDirty[-ref] = 1;
      return;
    } else {
      replacement = this.split(-ref, keyHash, valueHash, depth);
    }
    this.count++;
    if (parent === 0) this.rootRef = replacement;
    else if (bitAt(keyHash, depth - 1) === 0) this.innerLeft[parent] = replacement;
    else this.innerRight[parent] = replacement;
  }

  get(key: string): Uint8Array | undefined {
    const keyHash = this.hashKey(key);
    const ref = this.terminalOf(keyHash);
    if (ref >= 0 || !this.leafKeyEquals(-ref, keyHash)) return undefined;
    return this.leafValue.slice(-ref * HASH_BYTES, (-ref + 1) * HASH_BYTES);
  }

  /** Removes the key; returns whether it was present. */
  delete(key: string): boolean {
    const keyHash = this.hashKey(key);
    const path = this.pathScratch;
    let length = 0;
    let ref = this.rootRef;
    while (ref > 0) {
      path[length] = ref;
      ref = bitAt(keyHash, length) === 0 ? this.innerLeft[ref]! : this.innerRight[ref]!;
      length++;
    }
    if (ref === 0 || !this.leafKeyEquals(-ref, keyHash)) return false;
    this.leafFree.push(-ref);
    this.count--;

    // Walk up carrying what replaces the removed subtree. While a parent would be left holding a
    // single leaf (the other side empty, or the removed side empty and the other a leaf), that
    // leaf moves up in its place, restoring the canonical form exactly.
    let replacement = 0;
    for (let depth = length - 1; depth >= 0; depth--) {
      const parent = path[depth]!;
      const goesRight = bitAt(keyHash, depth) === 1;
      const other = goesRight ? this.innerLeft[parent]! : this.innerRight[parent]!;
      if ((replacement === 0 && other < 0) || (replacement < 0 && other === 0)) {
        replacement = replacement === 0 ? other : replacement;
        this.innerFree.push(parent);
        continue;
      }
      if (goesRight) this.innerRight[parent] = replacement;
      else this.innerLeft[parent] = replacement;
      for (let up = depth; up >= 0; up--) this.innerDirty[path[up]!] = 1;
      return true;
    }
    this.rootRef = replacement;
    return true;
  }

  root(): Uint8Array {
    this.rehash(this.rootRef);
    return this.hashBytes(this.rootRef).slice();
  }

  prove(key: string): SmtProof {
    const keyHash = this.hashKey(key);
    this.rehash(this.rootRef); // siblings need current hashes
    const siblings: string[] = [];
    let ref = this.rootRef;
    let depth = 0;
    while (ref > 0) {
      const right = bitAt(keyHash, depth) === 1;
      const sibling = right ? this.innerLeft[ref]! : this.innerRight[ref]!;
      siblings.push(sibling === 0 ? EMPTY_HEX : toHex(this.hashBytes(sibling)));
      ref = right ? this.innerRight[ref]! : this.innerLeft[ref]!;
      depth++;
    }
    if (ref === 0) return { siblings, terminal: { kind: 'empty' } };
    const offset = -ref * HASH_BYTES;
    return {
      siblings,
      terminal: {
        kind: 'leaf',
        keyHash: toHex(this.leafKey.subarray(offset, offset + HASH_BYTES)),
        valueHash: toHex(this.leafValue.subarray(offset, offset + HASH_BYTES)),
      },
    };
  }

  private hashKey(key: string): Uint8Array {
    const known = this.keyHashes.get(key);
    if (known !== undefined) return known;
    if (typeof key !== 'string') throw new TypeError('SparseMerkleTree: key must be a string');
    const keyHash = this.hashFn(utf8(key));
    if (this.keyHashes.size >= KEY_HASH_CACHE_SIZE) this.keyHashes.clear();
    this.keyHashes.set(key, keyHash);
    return keyHash;
  }

  private terminalOf(keyHash: Uint8Array): number {
    let ref = this.rootRef;
    let depth = 0;
    while (ref > 0) {
      ref = bitAt(keyHash, depth) === 0 ? this.innerLeft[ref]! : this.innerRight[ref]!;
      depth++;
    }
    return ref;
  }

  private leafKeyEquals(leaf: number, keyHash: Uint8Array): boolean {
    const keys = this.leafKey;
    const offset = leaf * HASH_BYTES;
    for (let i = 0; i < HASH_BYTES; i++) if (keys[offset + i] !== keyHash[i]) return false;
    return true;
  }

  private leafBit(leaf: number, depth: number): number {
    return (this.leafKey[leaf * HASH_BYTES + (depth >>> 3)]! >>> (7 - (depth & 7))) & 1;
  }

  // A new key collides with an existing leaf at `depth`: a chain of one-sided internal nodes down
  // their common prefix, then a node holding both. The existing leaf's stored hash stays valid.
  private split(existing: number, keyHash: Uint8Array, valueHash: Uint8Array, depth: number): number {
    let fork = depth;
    while (this.leafBit(existing, fork) === bitAt(keyHash, fork)) {
      fork++;
      if (fork >= MAX_DEPTH) throw new Error('SparseMerkleTree: distinct keys with equal key hashes');
    }
    const added = -this.newLeaf(keyHash, valueHash);
    let subtree =
      bitAt(keyHash, fork) === 0 ? this.newInner(added, -existing) : this.newInner(-existing, added);
    for (let d = fork - 1; d >= depth; d--) {
      subtree = bitAt(keyHash, d) === 0 ? this.newInner(subtree, 0) : this.newInner(0, subtree);
    }
    return subtree;
  }

  private newLeaf(keyHash: Uint8Array, valueHash: Uint8Array): number {
    let leaf = this.leafFree.pop();
    if (leaf === undefined) {
      if (this.leafNext === this.leafCapacity) this.growLeaves();
      leaf = this.leafNext++;
    }
    this.leafKey.set(keyHash, leaf * HASH_BYTES);
    this.leafValue.set(valueHash, leaf * HASH_BYTES);
    this.leafDirty[leaf] = 1;
    return leaf;
  }

  private newInner(left: number, right: number): number {
    let inner = this.innerFree.pop();
    if (inner === undefined) {
      if (this.innerNext === this.innerCapacity) this.growInners();
      inner = this.innerNext++;
    }
    this.innerLeft[inner] = left;
    this.innerRight[inner] = right;
    this.innerDirty[inner] = 1;
    return inner;
  }

  private growLeaves(): void {
    const capacity = this.leafCapacity * 2;
    this.leafCapacity = capacity;
    this.leafDirty = grown(this.leafDirty, capacity);
    this.leafKey = grown(this.leafKey, capacity * HASH_BYTES);
    this.leafKeyWords = new Uint32Array(this.leafKey.buffer);
    this.leafValue = grown(this.leafValue, capacity * HASH_BYTES);
    this.leafValueWords = new Uint32Array(this.leafValue.buffer);
    this.leafHash = grown(this.leafHash, capacity * HASH_BYTES);
    this.leafHashWords = new Uint32Array(this.leafHash.buffer);
  }

  private growInners(): void {
    const capacity = this.innerCapacity * 2;
    this.innerCapacity = capacity;
    this.innerLeft = grown(this.innerLeft, capacity);
    this.innerRight = grown(this.innerRight, capacity);
    this.innerDirty = grown(this.innerDirty, capacity);
    this.innerHash = grown(this.innerHash, capacity * HASH_BYTES);
    this.innerHashWords = new Uint32Array(this.innerHash.buffer);
  }

  private hashBytes(ref: number): Uint8Array {
    if (ref === 0) return new Uint8Array(HASH_BYTES);
    const store = ref > 0 ? this.innerHash : this.leafHash;
    const offset = Math.abs(ref) * HASH_BYTES;
    return store.subarray(offset, offset + HASH_BYTES);
  }

  // Copies a node's hash into the scratch input at word `at` (1 = left half, 9 = right half).
  private loadHash(ref: number, at: number): void {
    const words = this.scratchWords;
    if (ref === 0) {
      for (let i = 0; i < HASH_WORDS; i++) words[at + i] = 0;
      return;
    }
    const source = ref > 0 ? this.innerHashWords : this.leafHashWords;
    const from = Math.abs(ref) * HASH_WORDS;
    for (let i = 0; i < HASH_WORDS; i++) words[at + i] = source[from + i]!;
  }

  private digestInto(store: Uint8Array, id: number): void {
    const digest = this.hashFn(this.hashInput);
    if (digest.length !== HASH_BYTES) throw new Error('SparseMerkleTree: hash function must return 32 bytes');
    store.set(digest, id * HASH_BYTES);
  }

  private rehash(ref: number): void {
    if (ref < 0) {
      const leaf = -ref;
      if (this.leafDirty[leaf] === 0) return;
      const words = this.scratchWords;
      const from = leaf * HASH_WORDS;
      for (let i = 0; i < HASH_WORDS; i++) {
        words[1 + i] = this.leafKeyWords[from + i]!;
        words[9 + i] = this.leafValueWords[from + i]!;
      }
      this.scratch[3] = LEAF_PREFIX;
      this.digestInto(this.leafHash, leaf);
      this.leafDirty[leaf] = 0;
    } else if (ref > 0 && this.innerDirty[ref] === 1) {
      const left = this.innerLeft[ref]!;
      const right = this.innerRight[ref]!;
      // Children first: they reuse the scratch input.
      this.rehash(left);
      this.rehash(right);
      this.loadHash(left, 1);
      this.loadHash(right, 9);
      this.scratch[3] = INTERNAL_PREFIX;
      this.digestInto(this.innerHash, ref);
      this.innerDirty[ref] = 0;
    }
  }
}

/**
 * Checks a proof against a root: inclusion of (key, valueHash), or, with valueHash null, that the
 * key is absent. Never throws: anything malformed is simply not a valid proof.
 */
export function verifySmtProof(
  root: Uint8Array,
  key: string,
  valueHash: Uint8Array | null,
  proof: SmtProof,
  hashFn: HashFn = sha256,
): boolean {
  try {
    if (!(root instanceof Uint8Array) || root.length !== HASH_BYTES || typeof key !== 'string') return false;
    if (valueHash !== null && (!(valueHash instanceof Uint8Array) || valueHash.length !== HASH_BYTES)) {
      return false;
    }
    if (typeof proof !== 'object' || proof === null) return false;
    const { siblings, terminal } = proof;
    if (!Array.isArray(siblings) || siblings.length > MAX_DEPTH) return false;
    if (!siblings.every((s) => isLowerHex(s, HASH_BYTES))) return false;
    if (typeof terminal !== 'object' || terminal === null) return false;

    const keyHash = hashFn(utf8(key));
    const depth = siblings.length;
    let node: Uint8Array;
    if (terminal.kind === 'empty') {
      if (valueHash !== null) return false;
      node = new Uint8Array(HASH_BYTES);
    } else if (terminal.kind === 'leaf') {
      if (!isLowerHex(terminal.keyHash, HASH_BYTES) || !isLowerHex(terminal.valueHash, HASH_BYTES))
        return false;
      const leafKeyHash = fromHex(terminal.keyHash);
      const leafValueHash = fromHex(terminal.valueHash);
      if (valueHash !== null) {
        if (!equalBytes(leafKeyHash, keyHash) || !equalBytes(leafValueHash, valueHash)) return false;
      } else {
        // Another key's leaf proves absence only if it sits exactly where our key's path ends.
        if (equalBytes(leafKeyHash, keyHash)) return false;
        for (let d = 0; d < depth; d++) if (bitAt(leafKeyHash, d) !== bitAt(keyHash, d)) return false;
      }
      node = hashFn(concatBytes(Uint8Array.of(LEAF_PREFIX), leafKeyHash, leafValueHash));
    } else {
      return false;
    }

    for (let d = depth - 1; d >= 0; d--) {
      const sibling = fromHex(siblings[d]!);
      node =
        bitAt(keyHash, d) === 0
          ? hashFn(concatBytes(Uint8Array.of(INTERNAL_PREFIX), node, sibling))
          : hashFn(concatBytes(Uint8Array.of(INTERNAL_PREFIX), sibling, node));
    }
    return node.length === HASH_BYTES && equalBytes(node, root);
  } catch {
    return false;
  }
}
