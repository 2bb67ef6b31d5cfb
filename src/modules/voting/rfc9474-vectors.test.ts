// RFC 9474 Appendix A test vectors, run twice: through blindrsa-ts (the client and registrar
// side, with its randomness replaced by the vector's) and through the ledger's synchronous
// verifier (token-verify.ts), for all four RSABSSA-SHA384 variants.
import { constants, createPrivateKey, createPublicKey, privateDecrypt } from 'node:crypto';
import { RSABSSA } from '@cloudflare/blindrsa-ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromHex, toHex } from '../../core/bytes.ts';
import vectorsFile from './testdata/rfc9474-vectors.json' with { type: 'json' };
import { TOKEN_SUITE } from './token-message.ts';
import { verifyPss } from './token-verify.ts';

const { key, msg, vectors } = vectorsFile;
const big = (hex: string) => BigInt(`0x${hex}`);
const b64url = (n: bigint) =>
  Buffer.from(n.toString(16).padStart(2 * Math.ceil(n.toString(16).length / 2), '0'), 'hex').toString(
    'base64url',
  );

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

const [n, e, d, p, q] = [big(key.n), big(key.e), big(key.d), big(key.p), big(key.q)];
const jwk = {
  kty: 'RSA',
  n: b64url(n),
  e: b64url(e),
  d: b64url(d),
  p: b64url(p),
  q: b64url(q),
  dp: b64url(d % (p - 1n)),
  dq: b64url(d % (q - 1n)),
  qi: b64url(modInverse(q, p)),
};
const kLen = 512;

const suites = {
  'RSABSSA-SHA384-PSS-Randomized': () => RSABSSA.SHA384.PSS.Randomized(),
  'RSABSSA-SHA384-PSSZERO-Randomized': () => RSABSSA.SHA384.PSSZero.Randomized(),
  'RSABSSA-SHA384-PSS-Deterministic': () => RSABSSA.SHA384.PSS.Deterministic(),
  'RSABSSA-SHA384-PSSZERO-Deterministic': () => RSABSSA.SHA384.PSSZero.Deterministic(),
} as const;

afterEach(() => vi.restoreAllMocks());

// RSASP1 with the vector's private key, through OpenSSL: the blind-signing step itself. blindrsa-ts
// does it in JavaScript big numbers (seconds per 4096-bit signature), so its own blindSign is run
// for the variant Ketenboek uses and OpenSSL's for the other three.
function rsasp1(blinded: Uint8Array): Uint8Array {
  const priv = createPrivateKey({ key: jwk, format: 'jwk' });
  return new Uint8Array(privateDecrypt({ key: priv, padding: constants.RSA_NO_PADDING }, blinded));
}

describe.each(vectors)('RFC 9474 vector $name', (v) => {
  it('blindrsa-ts reproduces input_msg, blinded_msg, inv, blind_sig and sig', async () => {
    const alg = { name: 'RSA-PSS', hash: 'SHA-384' };
    const publicKey = await crypto.subtle.importKey('jwk', { kty: 'RSA', n: jwk.n, e: jwk.e }, alg, true, [
      'verify',
    ]);
    const privateKey = await crypto.subtle.importKey('jwk', jwk, alg, true, ['sign']);
    // The library draws, in order: the message prefix, the PSS salt, and the blinding factor r.
    const r = modInverse(big(v.inv), n);
    const draws = [fromHex(v.msg_prefix), fromHex(v.salt), fromHex(r.toString(16).padStart(2 * kLen, '0'))];
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(out: T): T => {
      const next = draws.shift();
      const bytes = out as unknown as Uint8Array;
      if (!next || next.length !== bytes.length)
        throw new Error(`unexpected random draw of ${bytes.length} bytes`);
      bytes.set(next);
      return out;
    });
    const suite = suites[v.name as keyof typeof suites]();
    expect(suite.toString().toUpperCase()).toBe(v.name.toUpperCase());
    const input = suite.prepare(fromHex(msg));
    expect(toHex(input)).toBe(v.input_msg);
    const { blindedMsg, inv } = await suite.blind(publicKey, input);
    expect(toHex(blindedMsg)).toBe(v.blinded_msg);
    expect(toHex(inv)).toBe(v.inv);
    const blindSig =
      v.name === TOKEN_SUITE ? await suite.blindSign(privateKey, blindedMsg) : rsasp1(blindedMsg);
    expect(toHex(blindSig)).toBe(v.blind_sig);
    const sig = await suite.finalize(publicKey, input, blindSig, inv);
    expect(toHex(sig)).toBe(v.sig);
    expect(draws).toHaveLength(0);
  });

  it('the ledger’s synchronous verifier accepts sig and refuses any change', () => {
    const pub = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
    const input = fromHex(v.input_msg);
    const sig = fromHex(v.sig);
    expect(verifyPss(pub, input, sig, v.sLen)).toBe(true);
    const flipped = sig.slice();
    flipped[100] = flipped[100]! ^ 1;
    expect(verifyPss(pub, input, flipped, v.sLen)).toBe(false);
    const otherInput = input.slice();
    otherInput[0] = otherInput[0]! ^ 1;
    expect(verifyPss(pub, otherInput, sig, v.sLen)).toBe(false);
    // The salt length is part of the variant: a PSSZERO signature is not a PSS one and vice versa.
    expect(verifyPss(pub, input, sig, v.sLen === 48 ? 0 : 48)).toBe(false);
  });
});
