// JSON values in state, always written canonically so the value hash (and the app hash) depends
// only on content, never on property order.
import { canonicalJson } from '../core/canonical.ts';
import type { IterateOptions, KVRead, KVWrite } from './kv.ts';
import { parseStateValue } from './parsed-values.ts';

export function getJson<T>(kv: KVRead, key: string): T | undefined {
  const v = kv.get(key);
  return v === undefined ? undefined : (JSON.parse(v) as T);
}

/**
 * The stored value, parsed once and shared between readers (deeply frozen: build a changed copy,
 * never change it in place). For hot reads of values that the reader does not change.
 */
export function getSharedJson<T>(kv: KVRead, key: string): T | undefined {
  const v = kv.get(key);
  return v === undefined ? undefined : parseStateValue<T>(v);
}

export function putJson(kv: KVWrite, key: string, value: unknown): void {
  kv.set(key, canonicalJson(value));
}

export function* listJson<T>(kv: KVRead, prefix: string, opts?: IterateOptions): Iterable<[string, T]> {
  for (const [k, v] of kv.iterate(prefix, opts)) yield [k, JSON.parse(v) as T];
}
