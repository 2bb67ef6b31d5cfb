// Key-value views of ledger state. Keys are printable ASCII so that JavaScript string order,
// SQLite's BINARY collation and byte order all agree: iteration order is part of consensus.
// Values are canonical JSON strings (see typed-kv.ts), so the value hash is deterministic.

export interface IterateOptions {
  /** Only keys >= start (still within the prefix). */
  start?: string;
  limit?: number;
  reverse?: boolean;
}

export interface KVRead {
  get(key: string): string | undefined;
  /** Entries whose key starts with `prefix`, in ascending (or descending) key order. */
  iterate(prefix: string, opts?: IterateOptions): Iterable<[string, string]>;
}

export interface KVWrite extends KVRead {
  set(key: string, value: string): void;
  delete(key: string): void;
}

const KEY = /^[\x21-\x7e]{1,512}$/;

export function assertKey(key: string): void {
  if (!KEY.test(key))
    throw new Error(`invalid state key ${JSON.stringify(key)}: printable ASCII, 1-512 chars`);
}

/** Upper bound for a prefix range scan: every key with the prefix sorts below prefix + '\x7f'. */
export function prefixEnd(prefix: string): string {
  return `${prefix}\x7f`;
}
