// State values are read far more often than they change (a fund, a provider's acceptance, a
// voucher between two payments), and every read used to parse the stored JSON again: a tx is
// checked and later executed against the same values, so most parses were repeats. Parsed values
// are therefore shared, keyed by the stored text itself, so a hit is by construction exactly what
// JSON.parse would have returned. Shared values are deeply frozen: a handler that changed one in
// place would change it for every later reader, so that throws instead (handlers build new
// values with spreads).

import { deepFreeze } from './deep-freeze.ts';

/** Texts longer than this are parsed each time: V8 hashes long strings by length only. */
const MAX_TEXT_LENGTH = 16_000;
/** Characters of stored text kept parsed; past this the cache starts afresh (no LRU bookkeeping). */
const MAX_CACHED_CHARS = 16_000_000;

let cache = new Map<string, unknown>();
let cachedChars = 0;

/** The parsed, deeply frozen value of a stored JSON text. */
export function parseStateValue<T>(text: string): T {
  const hit = cache.get(text);
  if (hit !== undefined) return hit as T;
  const value = deepFreeze(JSON.parse(text) as unknown);
  if (text.length <= MAX_TEXT_LENGTH) {
    if (cachedChars + text.length > MAX_CACHED_CHARS) {
      cache = new Map();
      cachedChars = 0;
    }
    cache.set(text, value);
    cachedChars += text.length;
  }
  return value as T;
}
