// Canonical JSON (RFC 8785, JCS) for everything that is hashed or signed. Before encoding we refuse
// every value whose encoding could differ between machines or runtimes, or that JSON would
// silently change (floats, unsafe integers, undefined in arrays, Dates, class instances...).
import { utf8 } from './bytes.ts';

export class CanonicalEncodingError extends Error {
  override name = 'CanonicalEncodingError';
  /** JSON path of the offending value, e.g. `$.items[2].amount`. */
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`${problem} at ${path}`);
    this.path = path;
  }
}

// A lone (unpaired) surrogate has no UTF-8 encoding: TextEncoder would turn it into U+FFFD, so
// two different strings would hash the same.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function childPath(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function checkString(s: string, path: string, what: string): void {
  if (LONE_SURROGATE.test(s)) throw new CanonicalEncodingError(path, `${what} contains a lone surrogate`);
}

function checkNumber(n: number, path: string): void {
  if (Number.isSafeInteger(n)) return;
  if (Number.isNaN(n)) throw new CanonicalEncodingError(path, 'NaN is not allowed');
  if (!Number.isFinite(n)) throw new CanonicalEncodingError(path, `${n} is not allowed`);
  if (!Number.isInteger(n)) {
    throw new CanonicalEncodingError(
      path,
      `non-integer number ${n} is not allowed (use an integer or string)`,
    );
  }
  throw new CanonicalEncodingError(path, `integer ${n} is outside ±(2^53-1) (use a string)`);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * One pass that both refuses non-deterministic values and writes RFC 8785 JSON: strings as ES
 * JSON.stringify writes them, integers in their shortest form, object keys sorted by UTF-16 code
 * units (the default string sort). Paths are only built when something is refused, so the hot
 * path (every tx, every state value) does no string work beyond the output itself.
 */
function encode(value: unknown, keys: Array<string | number>, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      if (!isWellFormed(value)) checkString(value, pathOf(keys), 'string');
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value)) checkNumber(value, pathOf(keys));
      return value === 0 ? '0' : String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      throw new CanonicalEncodingError(pathOf(keys), 'undefined is not allowed');
    case 'bigint':
      throw new CanonicalEncodingError(pathOf(keys), 'bigint is not allowed (use a string)');
    case 'function':
      throw new CanonicalEncodingError(pathOf(keys), 'a function is not allowed');
    case 'symbol':
      throw new CanonicalEncodingError(pathOf(keys), 'a symbol is not allowed');
  }
  if (value === null) return 'null';
  const object = value as object;
  if (ancestors.has(object)) throw new CanonicalEncodingError(pathOf(keys), 'circular reference');
  ancestors.add(object);
  let out: string;
  if (Array.isArray(object)) {
    const parts: string[] = [];
    for (let i = 0; i < object.length; i++) {
      keys.push(i);
      // A hole or undefined would silently become null.
      if (!(i in object) || object[i] === undefined) {
        throw new CanonicalEncodingError(pathOf(keys), 'undefined is not allowed in an array');
      }
      parts.push(encode(object[i], keys, ancestors));
      keys.pop();
    }
    out = `[${parts.join(',')}]`;
  } else {
    if (!isPlainObject(object)) {
      const kind = object.constructor?.name ?? 'object with a custom prototype';
      throw new CanonicalEncodingError(pathOf(keys), `${kind} is not a plain object`);
    }
    if (Object.getOwnPropertySymbols(object).length > 0) {
      throw new CanonicalEncodingError(pathOf(keys), 'symbol-keyed properties are not allowed');
    }
    const record = object as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const v = record[key];
      keys.push(key);
      if (!isWellFormed(key)) checkString(key, pathOf(keys), 'property name');
      // Like JSON.stringify, properties whose value is undefined are left out, so
      // `{ a: undefined }` and `{}` encode (and hash) the same.
      if (v !== undefined) parts.push(`${JSON.stringify(key)}:${encode(v, keys, ancestors)}`);
      keys.pop();
    }
    out = `{${parts.join(',')}}`;
  }
  ancestors.delete(object);
  return out;
}

// String.prototype.isWellFormed (V8 11, Node 20, current browsers) is far cheaper than a regex;
// TypeScript only types it from lib ES2024, which would also admit APIs Node 20 lacks.
const isWellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

function pathOf(keys: Array<string | number>): string {
  let path = '$';
  for (const k of keys) path = typeof k === 'number' ? `${path}[${k}]` : childPath(path, k);
  return path;
}

/**
 * RFC 8785 canonical JSON of a deterministic value: null, booleans, safe integers, well-formed
 * strings, arrays and plain objects. Throws CanonicalEncodingError (with the JSON path) otherwise.
 */
export function canonicalJson(value: unknown): string {
  const ready = inCanonicalOrder(value, 0);
  return ready === BY_HAND ? encode(value, [], new Set()) : JSON.stringify(ready);
}

/** inCanonicalOrder's answer when only the hand-written encoder can encode (or refuse) a value. */
const BY_HAND = Symbol('by hand');

/**
 * RFC 8785 writes strings and numbers exactly as ES JSON.stringify does; only the property order
 * differs. So this returns the value with every object's properties in sorted order (the value
 * itself when already so, otherwise a copy), and the native JSON.stringify of that is the
 * canonical encoding, several times faster than building it here. Whatever JSON.stringify would
 * not write in sorted order or would silently change (integer-like keys, which JS objects always
 * list first; floats; lone surrogates; undefined in arrays; class instances; deep or cyclic
 * values) answers BY_HAND, and encode() then sorts or refuses it with its path.
 */
function inCanonicalOrder(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
      return isWellFormed(value) ? value : BY_HAND;
    case 'number':
      return Number.isSafeInteger(value) ? value : BY_HAND;
    case 'boolean':
      return value;
    case 'object':
      if (value === null) return null;
      if (depth > 32) return BY_HAND;
      return Array.isArray(value) ? arrayInOrder(value, depth) : objectInOrder(value, depth);
    default:
      return BY_HAND;
  }
}

function arrayInOrder(array: unknown[], depth: number): unknown {
  let copy: unknown[] | undefined;
  for (let i = 0; i < array.length; i++) {
    const item: unknown = array[i];
    if (item === undefined) return BY_HAND;
    const ordered = inCanonicalOrder(item, depth + 1);
    if (ordered === BY_HAND) return BY_HAND;
    if (ordered !== item && copy === undefined) copy = array.slice(0, i);
    copy?.push(ordered);
  }
  return copy ?? array;
}

function objectInOrder(object: object, depth: number): unknown {
  if (!isPlainObject(object) || Object.getOwnPropertySymbols(object).length > 0) return BY_HAND;
  const record = object as Record<string, unknown>;
  const keys = Object.keys(record);
  let sorted = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    // A "__proto__" key (data, when parsed from JSON) would set the prototype of a copy.
    if (isIndexLike(key) || key === '__proto__' || !isWellFormed(key)) return BY_HAND;
    if (i > 0 && !(keys[i - 1]! < key)) sorted = false;
  }
  if (!sorted) keys.sort();
  let copy: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const item = record[key];
    // Like JSON.stringify, properties whose value is undefined are left out.
    if (item === undefined) continue;
    const ordered = inCanonicalOrder(item, depth + 1);
    if (ordered === BY_HAND) return BY_HAND;
    if (copy === undefined && (!sorted || ordered !== item)) {
      copy = {};
      for (let j = 0; j < i; j++) if (record[keys[j]!] !== undefined) copy[keys[j]!] = record[keys[j]!];
    }
    if (copy !== undefined) copy[key] = ordered;
  }
  return copy ?? object;
}

/** Array-index-like keys ("0", "17") are listed first by every JS object, whatever their order. */
function isIndexLike(key: string): boolean {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295;
}

/** UTF-8 bytes of canonicalJson(value): the exact bytes to hash or sign. */
export function canonicalBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}
