// Throughput of the state tree the way the ledger drives it: a block's worth of writes, then one
// root. Run: npx tsx src/core/smt.bench.ts
// Target: well over 100,000 updates/s (10,000 tx/s at ~3 key writes per tx, with headroom).
import { sha256 } from './hash-node.ts';
import { SparseMerkleTree } from './smt.ts';

const TOTAL_KEYS = 200_000;
const BLOCK_UPDATES = 3_000;

// Realistic value hashes cost a sha256 each in the ledger too, but they are computed outside the
// tree; precompute them so only the tree is measured.
const keys = Array.from({ length: TOTAL_KEYS }, (_, i) => `acct/${i.toString(36)}/balance`);
const values = keys.map((key) => sha256(`value of ${key}`));
const rewrites = keys.map((key) => sha256(`second value of ${key}`));

function run(label: string, tree: SparseMerkleTree, next: (i: number) => [string, Uint8Array]): void {
  let blocks = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < TOTAL_KEYS; i += BLOCK_UPDATES) {
    const end = Math.min(i + BLOCK_UPDATES, TOTAL_KEYS);
    for (let j = i; j < end; j++) {
      const [key, value] = next(j);
      tree.set(key, value);
    }
    tree.root();
    blocks++;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = Math.round(TOTAL_KEYS / seconds);
  console.log(
    `${label}: ${TOTAL_KEYS} updates in ${blocks} blocks of ${BLOCK_UPDATES}, ` +
      `${seconds.toFixed(2)} s, ${rate.toLocaleString('en-US')} updates/s (tree size ${tree.size})`,
  );
}

const tree = new SparseMerkleTree(sha256);
run('insert new keys (node:crypto)', tree, (i) => [keys[i]!, values[i]!]);
// Same keys again in a shuffled-but-fixed order: updates of existing leaves in a full tree.
const stride = 7_919; // prime, coprime with TOTAL_KEYS, so this visits every key once
run('update existing keys (node:crypto)', tree, (i) => {
  const k = (i * stride) % TOTAL_KEYS;
  return [keys[k]!, rewrites[k]!];
});
run('insert new keys (@noble, browser hash)', new SparseMerkleTree(), (i) => [keys[i]!, values[i]!]);
