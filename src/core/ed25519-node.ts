// Ed25519 on the node through node:crypto (OpenSSL): ~13x faster than JS. Importing a raw key
// costs about as much as a verification, so KeyObjects are cached per key (bounded LRU).
// Every signature first passes checkStrictEd25519, the rule set shared with the browser.
import {
  createPrivateKey,
  createPublicKey,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { isLowerHex } from './bytes.ts';
import { checkStrictEd25519, checkStrictPublicKey } from './ed25519-rules.ts';

// DER headers that wrap a raw 32-byte key: SubjectPublicKeyInfo and PKCS#8 for id-Ed25519 (RFC 8410).
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Cache sizes: enough for every active signer of a busy network; memory stays bounded. */
export const PUBLIC_KEY_CACHE_SIZE = 10_000;
export const PRIVATE_KEY_CACHE_SIZE = 1_000;

// Least-recently-used cache on a Map (which keeps insertion order): a hit is re-inserted at the end,
// and the oldest entry is evicted when full.
class LruCache<V> {
  readonly #entries = new Map<string, V>();
  constructor(readonly capacity: number) {}

  getOrCreate(key: string, create: () => V): V {
    const cached = this.#entries.get(key);
    if (cached !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached;
    }
    const value = create();
    if (this.#entries.size >= this.capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }
}

const publicKeys = new LruCache<KeyObject>(PUBLIC_KEY_CACHE_SIZE);
const privateKeys = new LruCache<KeyObject>(PRIVATE_KEY_CACHE_SIZE);

function publicKeyObject(publicKeyHex: string): KeyObject {
  return publicKeys.getOrCreate(publicKeyHex, () =>
    createPublicKey({
      key: Buffer.concat([SPKI_PREFIX, Buffer.from(publicKeyHex, 'hex')]),
      format: 'der',
      type: 'spki',
    }),
  );
}

function privateKeyObject(privateKeyHex: string): KeyObject {
  if (!isLowerHex(privateKeyHex, 32)) throw new Error('private key must be a 32-byte seed in lowercase hex');
  return privateKeys.getOrCreate(privateKeyHex, () =>
    createPrivateKey({
      key: Buffer.concat([PKCS8_PREFIX, Buffer.from(privateKeyHex, 'hex')]),
      format: 'der',
      type: 'pkcs8',
    }),
  );
}

function rawPublicKeyHex(privateKey: KeyObject): string {
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return spki.subarray(SPKI_PREFIX.length).toString('hex');
}

/** A fresh key pair, both halves lowercase hex; privateKey is the 32-byte seed of RFC 8032. */
export function generateKeyPair(): { publicKey: string; privateKey: string } {
  const privateKey = randomBytes(32).toString('hex');
  return { publicKey: publicKeyFromPrivate(privateKey), privateKey };
}

/** Public key (hex) of a 32-byte seed (hex). Throws when the seed is not 64 lowercase hex digits. */
export function publicKeyFromPrivate(privateKeyHex: string): string {
  return rawPublicKeyHex(privateKeyObject(privateKeyHex));
}

/** RFC 8032 Ed25519 signature (hex) of `message`. Throws when the seed is not 64 lowercase hex digits. */
export function sign(privateKeyHex: string, message: Uint8Array): string {
  return cryptoSign(null, message, privateKeyObject(privateKeyHex)).toString('hex');
}

/**
 * True only for a valid signature that also passes the shared strict rules. Never throws: any
 * malformed input (wrong length, uppercase or non-hex, non-bytes message) gives false.
 */
export function verify(publicKeyHex: string, message: Uint8Array, signatureHex: string): boolean {
  try {
    if (!isLowerHex(publicKeyHex, 32) || !isLowerHex(signatureHex, 64)) return false;
    if (!(message instanceof Uint8Array)) return false;
    const signature = Buffer.from(signatureHex, 'hex');
    if (checkStrictEd25519(Buffer.from(publicKeyHex, 'hex'), signature) !== null) return false;
    return cryptoVerify(null, message, publicKeyObject(publicKeyHex), signature);
  } catch {
    return false;
  }
}

/**
 * 64 lowercase hex digits encoding a canonical point that is not of small order. Does not decode
 * the point: a key off the curve passes here but can never verify a signature.
 */
export function isValidPublicKeyHex(s: unknown): s is string {
  return isLowerHex(s, 32) && checkStrictPublicKey(Buffer.from(s, 'hex')) === null;
}

/** Number of cached public KeyObjects (for tests and metrics). */
export function cachedPublicKeyCount(): number {
  return publicKeys.size;
}
