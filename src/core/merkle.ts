// A block's tx root: the RFC 6962 (Certificate Transparency) Merkle tree over the block's txs, so
// anyone holding one tx and a short audit path can check it was in the block.
//
//   MTH({})      = H()                                  (sha256 of empty input)
//   MTH({d})     = H(0x00 || d)
//   MTH(D[0:n])  = H(0x01 || MTH(D[0:k]) || MTH(D[k:n])), k = largest power of two < n
import { concatBytes, equalBytes, fromHex, isLowerHex, toHex } from './bytes.ts';
import { sha256 } from './hash.ts';
import type { HashFn } from './smt.ts';

/** Audit path from the leaf's sibling up to the root's child (RFC 6962 order), lowercase hex. */
export interface MerkleProof {
  index: number;
  total: number;
  path: string[];
}

const HASH_BYTES = 32;
// Indices are handled with 32-bit shifts; no block comes near this many txs.
const MAX_LEAVES = 0xffffffff;
const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

function leafHash(leaf: Uint8Array, hashFn: HashFn): Uint8Array {
  return hashFn(concatBytes(LEAF_PREFIX, leaf));
}

function nodeHash(left: Uint8Array, right: Uint8Array, hashFn: HashFn): Uint8Array {
  return hashFn(concatBytes(NODE_PREFIX, left, right));
}

// Level by level, carrying an unpaired last node up unchanged: this builds exactly the RFC 6962
// tree (whose left subtrees are always perfect) without recursion.
function rootOfHashes(hashes: Uint8Array[], hashFn: HashFn): Uint8Array {
  let level = hashes;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(nodeHash(level[i]!, level[i + 1]!, hashFn));
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  return level[0]!;
}

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function merkleRoot(leaves: Uint8Array[], hashFn: HashFn = sha256): Uint8Array {
  if (leaves.length === 0) return hashFn(new Uint8Array(0));
  return rootOfHashes(
    leaves.map((leaf) => leafHash(leaf, hashFn)),
    hashFn,
  );
}

export function merkleProof(leaves: Uint8Array[], index: number, hashFn: HashFn = sha256): MerkleProof {
  if (!Number.isSafeInteger(index) || index < 0 || index >= leaves.length) {
    throw new RangeError(`merkleProof: index ${index} outside 0..${leaves.length - 1}`);
  }
  const hashes = leaves.map((leaf) => leafHash(leaf, hashFn));
  // RFC 6962 PATH(m, D[n]) unrolled from the top; reversed at the end into leaf-to-root order.
  const topDown: string[] = [];
  let start = 0;
  let end = hashes.length;
  let m = index;
  while (end - start > 1) {
    const k = largestPowerOfTwoBelow(end - start);
    if (m < k) {
      topDown.push(toHex(rootOfHashes(hashes.slice(start + k, end), hashFn)));
      end = start + k;
    } else {
      topDown.push(toHex(rootOfHashes(hashes.slice(start, start + k), hashFn)));
      start += k;
      m -= k;
    }
  }
  return { index, total: leaves.length, path: topDown.reverse() };
}

/**
 * RFC 9162 section 2.1.3.2 inclusion verification. Never throws: anything malformed is simply
 * not a valid proof. As in Certificate Transparency the path does not pin the tree size down (leaf
 * 0 has the same path in every tree of 9..16 leaves), so callers must also check proof.total
 * against the tx count in the signed block header.
 */
export function verifyMerkleProof(
  root: Uint8Array,
  leaf: Uint8Array,
  proof: MerkleProof,
  hashFn: HashFn = sha256,
): boolean {
  try {
    if (!(root instanceof Uint8Array) || root.length !== HASH_BYTES || !(leaf instanceof Uint8Array))
      return false;
    if (typeof proof !== 'object' || proof === null) return false;
    const { index, total, path } = proof;
    if (!Number.isSafeInteger(total) || total < 1 || total > MAX_LEAVES) return false;
    if (!Number.isSafeInteger(index) || index < 0 || index >= total) return false;
    if (!Array.isArray(path) || !path.every((p) => isLowerHex(p, HASH_BYTES))) return false;

    let fn = index;
    let sn = total - 1;
    let r = leafHash(leaf, hashFn);
    for (const hex of path) {
      if (sn === 0) return false;
      const p = fromHex(hex);
      if ((fn & 1) === 1 || fn === sn) {
        r = nodeHash(p, r, hashFn);
        while ((fn & 1) === 0 && fn !== 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = nodeHash(r, p, hashFn);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    return sn === 0 && r.length === HASH_BYTES && equalBytes(r, root);
  } catch {
    return false;
  }
}
