// Throughput of the state tree the way the ledger drives it: a block's worth of writes, then one
// root. Run: npx tsx src/core/smt.bench.ts
// Target: well over 100,000 updates/s (10,000 tx/s at ~3 key writes per tx, with headroom).
//
// sha256 calls are the floor (about 8 per update: the key, the leaf, and the dirty internal nodes
// each block shares), so next to updates/s this prints the cost of one call measured in the same
// run and the rate that hashing alone would allow: on a busy machine the ratio stays meaningful
// when the absolute figures do not.
import { sha256 as browserSha256 } from './hash.ts';
import { sha256 } from './hash-node.ts';
import { type HashFn, SparseMerkleTree } from './smt.ts';

const TOTAL_KEYS = 200_000;
const BLOCK_UPDATES = 3_000;

// Value hashes are computed outside the tree in the ledger too; precompute them so only the tree
// is measured.
const keys = Array.from({ length: TOTAL_KEYS }, (_, i) => `acct/${i.toString(36)}/balance`);
const values = keys.map((key) => sha256(`value of ${key}`));
const rewrites = keys.map((key) => sha256(`second value of ${key}`));

function nanosPerHash(hashFn: HashFn): number {
  const input = new Uint8Array(65);
  const calls = 200_000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) {
    input[1] = i;
    input[2] = i >>> 8;
    hashFn(input);
  }
  return Number(process.hrtime.bigint() - start) / calls;
}

function run(
  label: string,
  tree: SparseMerkleTree,
  calls: () => number,
  next: (i: number) => [string, Uint8Array],
) {
  const callsBefore = calls();
  const start = process.hrtime.bigint();
  for (let i = 0; i < TOTAL_KEYS; i += BLOCK_UPDATES) {
    const end = Math.min(i + BLOCK_UPDATES, TOTAL_KEYS);
    for (let j = i; j < end; j++) {
      const [key, value] = next(j);
      tree.set(key, value);
    }
    tree.root();
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const hashesPerUpdate = (calls() - callsBefore) / TOTAL_KEYS;
  return { label, seconds, rate: TOTAL_KEYS / seconds, hashesPerUpdate };
}

function report(result: ReturnType<typeof run>, nsPerHash: number): void {
  const floor = 1e9 / (nsPerHash * result.hashesPerUpdate);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(
    `${result.label}: ${fmt(result.rate)} updates/s (${TOTAL_KEYS} updates, blocks of ${BLOCK_UPDATES}, ` +
      `${result.seconds.toFixed(2)} s); ${result.hashesPerUpdate.toFixed(2)} sha256/update at ` +
      `${nsPerHash.toFixed(0)} ns each => hashing alone allows ${fmt(floor)} updates/s`,
  );
}

function counted(hashFn: HashFn): { hashFn: HashFn; calls: () => number } {
  let n = 0;
  return {
    hashFn: (data) => {
      n++;
      return hashFn(data);
    },
    calls: () => n,
  };
}

const node = counted(sha256);
const tree = new SparseMerkleTree(node.hashFn);
const inserts = run('insert 200k new keys, node:crypto', tree, node.calls, (i) => [keys[i]!, values[i]!]);
report(inserts, nanosPerHash(sha256));
// Every key again in a scrambled but fixed order: rewrites of existing leaves in a full tree.
const stride = 7_919; // prime, coprime with TOTAL_KEYS, so this visits every key once
const updates = run('rewrite all 200k keys, node:crypto', tree, node.calls, (i) => {
  const k = (i * stride) % TOTAL_KEYS;
  return [keys[k]!, rewrites[k]!];
});
report(updates, nanosPerHash(sha256));

const browser = counted(browserSha256);
const browserRun = run(
  'insert 200k new keys, @noble (browser)',
  new SparseMerkleTree(browser.hashFn),
  browser.calls,
  (i) => [keys[i]!, values[i]!],
);
report(browserRun, nanosPerHash(browserSha256));
