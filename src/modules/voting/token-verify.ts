// Synchronous RSA-PSS verification of finalized blind signatures, for tx handlers (which cannot
// await WebCrypto). A finalized RFC 9474 signature is an ordinary RSASSA-PSS signature, so OpenSSL
// verifies it directly; verification is deterministic, unlike signing.
import { constants, createPublicKey, type KeyObject, verify } from 'node:crypto';
import { MAX_MODULUS_BITS, MIN_MODULUS_BITS, PSS_SALT_BYTES } from './token-message.ts';

export type RegistrarKeyCheck =
  | { ok: true; key: KeyObject; modulusBits: number }
  | { ok: false; reason: string };

// Parsed keys are a pure cache (same input, same KeyObject); bounded so it cannot grow forever.
const parsed = new Map<string, KeyObject>();
const CACHE_SIZE = 256;

/** Parses an SPKI DER public key (lowercase hex) and checks it is a usable registrar key. */
export function checkRegistrarKey(spkiHex: string): RegistrarKeyCheck {
  let key: KeyObject;
  try {
    key =
      parsed.get(spkiHex) ??
      createPublicKey({ key: Buffer.from(spkiHex, 'hex'), format: 'der', type: 'spki' });
  } catch {
    return { ok: false, reason: 'it is not a DER-encoded SubjectPublicKeyInfo' };
  }
  // rsaEncryption keys only: an RSASSA-PSS-restricted SPKI would carry parameters we did not choose.
  if (key.asymmetricKeyType !== 'rsa')
    return { ok: false, reason: `it is a ${key.asymmetricKeyType} key, not RSA` };
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_MODULUS_BITS || bits > MAX_MODULUS_BITS) {
    return {
      ok: false,
      reason: `its modulus has ${bits} bits; ${MIN_MODULUS_BITS} to ${MAX_MODULUS_BITS} are accepted`,
    };
  }
  if (key.asymmetricKeyDetails?.publicExponent !== 65537n)
    return { ok: false, reason: 'its public exponent is not 65537' };
  if (!parsed.has(spkiHex)) {
    if (parsed.size >= CACHE_SIZE) parsed.delete(parsed.keys().next().value as string);
    parsed.set(spkiHex, key);
  }
  return { ok: true, key, modulusBits: bits };
}

/** RSASSA-PSS verification with the RFC 9474 parameters: SHA-384, MGF1-SHA-384, salt of `saltLength` bytes. */
export function verifyPss(
  key: KeyObject,
  message: Uint8Array,
  signature: Uint8Array,
  saltLength = PSS_SALT_BYTES,
): boolean {
  try {
    return verify(
      'sha384',
      message,
      { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength },
      signature,
    );
  } catch {
    return false;
  }
}
