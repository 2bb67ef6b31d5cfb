// Canonical JSON (RFC 8785, JCS) for everything that is hashed or signed. Before encoding we refuse
// every value whose encoding could differ between machines or runtimes, or that JSON would
// silently change (floats, unsafe integers, undefined in arrays, Dates, class instances...).
import canonicalizeModule from 'canonicalize';
import { utf8 } from './bytes.ts';

type Canonicalize = (input: unknown) => string | undefined;
// The package is CommonJS (`module.exports = fn`) but its types declare `export default`, so under
// NodeNext TypeScript types the default import as the module object. At runtime Node, Vite and
// esbuild hand us the function itself; the fallback covers bundlers that add a `default` wrapper.
const canonicalize: Canonicalize =
  typeof canonicalizeModule === 'function'
    ? (canonicalizeModule as Canonicalize)
    : (canonicalizeModule as { default: Canonicalize }).default;

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

// `ancestors` holds the containers on the current path: a cycle would recurse forever in the encoder.
function check(value: unknown, path: string, ancestors: Set<object>): void {
  switch (typeof value) {
    case 'string':
      checkString(value, path, 'string');
      return;
    case 'number':
      checkNumber(value, path);
      return;
    case 'boolean':
      return;
    case 'undefined':
      throw new CanonicalEncodingError(path, 'undefined is not allowed');
    case 'bigint':
      throw new CanonicalEncodingError(path, 'bigint is not allowed (use a string)');
    case 'function':
      throw new CanonicalEncodingError(path, 'a function is not allowed');
    case 'symbol':
      throw new CanonicalEncodingError(path, 'a symbol is not allowed');
  }
  if (value === null) return;
  const object = value as object;
  if (ancestors.has(object)) throw new CanonicalEncodingError(path, 'circular reference');
  ancestors.add(object);
  if (Array.isArray(object)) {
    for (let i = 0; i < object.length; i++) {
      const itemPath = `${path}[${i}]`;
      // A hole or undefined would silently become null.
      if (!(i in object) || object[i] === undefined) {
        throw new CanonicalEncodingError(itemPath, 'undefined is not allowed in an array');
      }
      check(object[i], itemPath, ancestors);
    }
  } else {
    if (!isPlainObject(object)) {
      const kind = object.constructor?.name ?? 'object with a custom prototype';
      throw new CanonicalEncodingError(path, `${kind} is not a plain object`);
    }
    if (Object.getOwnPropertySymbols(object).length > 0) {
      throw new CanonicalEncodingError(path, 'symbol-keyed properties are not allowed');
    }
    const record = object as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const propertyPath = childPath(path, key);
      checkString(key, propertyPath, 'property name');
      // Like JSON.stringify, properties whose value is undefined are left out, so
      // `{ a: undefined }` and `{}` encode (and hash) the same.
      if (record[key] !== undefined) check(record[key], propertyPath, ancestors);
    }
  }
  ancestors.delete(object);
}

/**
 * RFC 8785 canonical JSON of a deterministic value: null, booleans, safe integers, well-formed
 * strings, arrays and plain objects. Throws CanonicalEncodingError (with the JSON path) otherwise.
 */
export function canonicalJson(value: unknown): string {
  check(value, '$', new Set());
  const json = canonicalize(value);
  // Unreachable after the check above; kept so the return type needs no cast.
  if (json === undefined) throw new CanonicalEncodingError('$', 'value has no JSON encoding');
  return json;
}

/** UTF-8 bytes of canonicalJson(value): the exact bytes to hash or sign. */
export function canonicalBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}
