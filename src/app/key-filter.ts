// A Bloom filter over the keys present in committed state. Most txs read keys that do not exist
// yet (a new anchor, a new payment, a tx record), and each such miss used to cost a SQLite B-tree
// look-up. "Definitely absent" answers skip that look-up; "maybe present" ones still ask SQLite,
// so a false positive costs time, never a wrong value. It only affects speed, not state.

const BITS_PER_KEY = 16;
const PROBES = 6; // with 16 bits per key: about 0.1% false positives at full capacity
const MIN_CAPACITY = 1 << 16;

export class KeyFilter {
  private readonly bits: Uint32Array;
  private readonly bitCount: number;
  private added = 0;
  readonly capacity: number;

  constructor(expectedKeys: number) {
    this.capacity = Math.max(MIN_CAPACITY, expectedKeys);
    this.bitCount = this.capacity * BITS_PER_KEY;
    this.bits = new Uint32Array(this.bitCount >>> 5);
  }

  /** True once more keys were added than the filter was sized for: rebuild it larger. */
  get full(): boolean {
    return this.added > this.capacity;
  }

  add(key: string): void {
    const [h1, h2] = hashes(key);
    for (let i = 0; i < PROBES; i++) {
      const bit = (h1 + Math.imul(i, h2)) >>> 0;
      const at = bit % this.bitCount;
      this.bits[at >>> 5]! |= 1 << (at & 31);
    }
    this.added++;
  }

  mightContain(key: string): boolean {
    const [h1, h2] = hashes(key);
    for (let i = 0; i < PROBES; i++) {
      const at = ((h1 + Math.imul(i, h2)) >>> 0) % this.bitCount;
      if ((this.bits[at >>> 5]! & (1 << (at & 31))) === 0) return false;
    }
    return true;
  }
}

// Two independent 32-bit FNV-1a style hashes in one pass (double hashing, Kirsch–Mitzenmacher).
// Keys are printable ASCII, so char codes are bytes.
function hashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  return [a >>> 0, (b | 1) >>> 0];
}
