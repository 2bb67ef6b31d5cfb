// Ed25519 on the node (OpenSSL) and in the browser (@noble/curves) must accept exactly the same
// signatures: RFC 8032 section 7.1 vectors, crafted edge cases, and random inputs.
import { createPublicKey, verify as opensslVerify } from 'node:crypto';
import { ED25519_TORSION_SUBGROUP, ed25519 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js';
import { sha512 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex, utf8 } from './bytes.ts';
import * as browserImpl from './ed25519-browser.ts';
import * as nodeImpl from './ed25519-node.ts';
import {
  checkStrictEd25519,
  checkStrictPublicKey,
  ED25519_FIELD_PRIME,
  ED25519_GROUP_ORDER,
  SMALL_ORDER_Y,
} from './ed25519-rules.ts';

const { Point } = ed25519;
const L = ED25519_GROUP_ORDER;
const P = ED25519_FIELD_PRIME;
const implementations = [
  ['node', nodeImpl],
  ['browser', browserImpl],
] as const;

// RFC 8032 section 7.1, typed from the RFC text.
const RFC8032_VECTORS = [
  {
    name: 'TEST 1',
    secretKey: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155' +
      '5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    name: 'TEST 2',
    secretKey: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da' +
      '085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    name: 'TEST 3',
    secretKey: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    publicKey: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    message: 'af82',
    signature:
      '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac' +
      '18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
  {
    name: 'TEST 1024',
    secretKey: 'f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5',
    publicKey: '278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e',
    message:
      '08b8b2b733424243760fe426a4b54908632110a66c2f6591eabd3345e3e4eb98' +
      'fa6e264bf09efe12ee50f8f54e9f77b1e355f6c50544e23fb1433ddf73be84d8' +
      '79de7c0046dc4996d9e773f4bc9efe5738829adb26c81b37c93a1b270b20329d' +
      '658675fc6ea534e0810a4432826bf58c941efb65d57a338bbd2e26640f89ffbc' +
      '1a858efcb8550ee3a5e1998bd177e93a7363c344fe6b199ee5d02e82d522c4fe' +
      'ba15452f80288a821a579116ec6dad2b3b310da903401aa62100ab5d1a36553e' +
      '06203b33890cc9b832f79ef80560ccb9a39ce767967ed628c6ad573cb116dbef' +
      'efd75499da96bd68a8a97b928a8bbc103b6621fcde2beca1231d206be6cd9ec7' +
      'aff6f6c94fcd7204ed3455c68c83f4a41da4af2b74ef5c53f1d8ac70bdcb7ed1' +
      '85ce81bd84359d44254d95629e9855a94a7c1958d1f8ada5d0532ed8a5aa3fb2' +
      'd17ba70eb6248e594e1a2297acbbb39d502f1a8c6eb6f1ce22b3de1a1f40cc24' +
      '554119a831a9aad6079cad88425de6bde1a9187ebb6092cf67bf2b13fd65f270' +
      '88d78b7e883c8759d2c4f5c65adb7553878ad575f9fad878e80a0c9ba63bcbcc' +
      '2732e69485bbc9c90bfbd62481d9089beccf80cfe2df16a2cf65bd92dd597b07' +
      '07e0917af48bbb75fed413d238f5555a7a569d80c3414a8d0859dc65a46128ba' +
      'b27af87a71314f318c782b23ebfe808b82b0ce26401d2e22f04d83d1255dc51a' +
      'ddd3b75a2b1ae0784504df543af8969be3ea7082ff7fc9888c144da2af58429e' +
      'c96031dbcad3dad9af0dcbaaaf268cb8fcffead94f3c7ca495e056a9b47acdb7' +
      '51fb73e666c6c655ade8297297d07ad1ba5e43f1bca32301651339e22904cc8c' +
      '42f58c30c04aafdb038dda0847dd988dcda6f3bfd15c4b4c4525004aa06eeff8' +
      'ca61783aacec57fb3d1f92b0fe2fd1a85f6724517b65e614ad6808d6f6ee34df' +
      'f7310fdc82aebfd904b01e1dc54b2927094b2db68d6f903b68401adebf5a7e08' +
      'd78ff4ef5d63653a65040cf9bfd4aca7984a74d37145986780fc0b16ac451649' +
      'de6188a7dbdf191f64b5fc5e2ab47b57f7f7276cd419c17a3ca8e1b939ae49e4' +
      '88acba6b965610b5480109c8b17b80e1b7b750dfc7598d5d5011fd2dcc5600a3' +
      '2ef5b52a1ecc820e308aa342721aac0943bf6686b64b2579376504ccc493d97e' +
      '6aed3fb0f9cd71a43dd497f01f17c0e2cb3797aa2a2f256656168e6c496afc5f' +
      'b93246f6b1116398a346f1a641f3b041e989f7914f90cc2c7fff357876e506b5' +
      '0d334ba77c225bc307ba537152f3f1610e4eafe595f6d9d90d11faa933a15ef1' +
      '369546868a7f3a45a96768d40fd9d03412c091c6315cf4fde7cb68606937380d' +
      'b2eaaa707b4c4185c32eddcdd306705e4dc1ffc872eeee475a64dfac86aba41c' +
      '0618983f8741c5ef68d3a101e8a3b8cac60c905c15fc910840b94c00a0b9d0',
    signature:
      '0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350' +
      'aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03',
  },
  {
    name: 'TEST SHA(abc)',
    secretKey: '833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42',
    publicKey: 'ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf',
    message:
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a' +
      '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    signature:
      'dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589' +
      '09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704',
  },
];

// --- helpers to craft signatures that lenient verifiers accept -------------------------------

/** k = SHA-512(R || A || M) mod L, exactly as RFC 8032 computes it from the encodings. */
function challenge(r: Uint8Array, a: Uint8Array, message: Uint8Array): bigint {
  return Point.Fn.create(bytesToNumberLE(sha512(concatBytes(r, a, message))));
}

function signatureHex(r: Uint8Array, s: bigint): string {
  return toHex(concatBytes(r, numberToBytesLE(s, 32)));
}

/** Signs with secret scalar `a` under an arbitrary key encoding and nonce point, as an attacker could. */
function craftSignature(
  a: bigint,
  aBytes: Uint8Array,
  rScalar: bigint,
  rBytes: Uint8Array,
  message: Uint8Array,
) {
  return signatureHex(rBytes, Point.Fn.create(rScalar + challenge(rBytes, aBytes, message) * a));
}

const torsion = ED25519_TORSION_SUBGROUP.map((hex) => Point.fromHex(hex));
const order8 = torsion[1]!;
const secretScalar = 0x1234567890abcdef1234567890abcdefn;
const nonceScalar = 0xfedcba0987654321fedcba0987654321n;
const honestKey = Point.BASE.multiply(secretScalar).toBytes();
const message = utf8('ketenboek edge case');

function bothVerify(publicKeyHex: string, msg: Uint8Array, sigHex: string) {
  return {
    node: nodeImpl.verify(publicKeyHex, msg, sigHex),
    browser: browserImpl.verify(publicKeyHex, msg, sigHex),
  };
}

function lenientNobleAccepts(publicKey: Uint8Array, msg: Uint8Array, sigHex: string): boolean {
  return ed25519.verify(fromHex(sigHex), msg, publicKey, { zip215: true });
}

function flipBit(hex: string, bit: number): string {
  const bytes = fromHex(hex);
  bytes[bit >> 3]! ^= 1 << (bit & 7);
  return toHex(bytes);
}

// ----------------------------------------------------------------------------------------------

describe.each(implementations)('RFC 8032 section 7.1 vectors (%s)', (_name, impl) => {
  it.each(RFC8032_VECTORS)('$name: derives the public key and signs byte for byte', (v) => {
    expect(impl.publicKeyFromPrivate(v.secretKey)).toBe(v.publicKey);
    expect(impl.sign(v.secretKey, fromHex(v.message))).toBe(v.signature);
  });

  it.each(RFC8032_VECTORS)('$name: verifies, and refuses another message or key', (v) => {
    const msg = fromHex(v.message);
    expect(impl.verify(v.publicKey, msg, v.signature)).toBe(true);
    expect(impl.verify(v.publicKey, concatBytes(msg, new Uint8Array([0])), v.signature)).toBe(false);
    const otherKey = RFC8032_VECTORS.find((w) => w !== v)!.publicKey;
    expect(impl.verify(otherKey, msg, v.signature)).toBe(false);
  });
});

describe('strict rule set', () => {
  it('uses the group order and field prime of the curve library', () => {
    expect(L).toBe(Point.Fn.ORDER);
    expect(P).toBe(Point.Fp.ORDER);
  });

  it('blocks the y of every one of the eight small-order points, and each really has small order', () => {
    for (const point of torsion) {
      expect(point.multiplyUnsafe(8n).is0()).toBe(true);
      expect(SMALL_ORDER_Y).toContain(point.toAffine().y);
    }
    // And nothing else: every blocked y with either sign bit is a small-order point or undecodable.
    for (const y of SMALL_ORDER_Y) {
      for (const signBit of [0, 0x80]) {
        const encoding = numberToBytesLE(y, 32);
        encoding[31]! |= signBit;
        expect(checkStrictPublicKey(encoding)).toMatch(/small-order/);
        let point: InstanceType<typeof Point> | undefined;
        try {
          point = Point.fromBytes(encoding, false);
        } catch {
          // x = 0 with the sign bit set (y = 1 or p-1) has no valid RFC 8032 decoding.
          expect([1n, P - 1n]).toContain(y);
          expect(signBit).toBe(0x80);
        }
        if (point) expect(point.multiplyUnsafe(8n).is0()).toBe(true);
      }
    }
  });

  it('derives the two order-8 y values from the libsodium blocklist: they are each other’s negation', () => {
    const [, , , y8a, y8b] = SMALL_ORDER_Y;
    expect(y8a! + y8b!).toBe(P);
  });

  it('accepts S = L - 1 and refuses S = L and S = 2^256 - 1', () => {
    const sig = (s: bigint) => concatBytes(Point.BASE.toBytes(), numberToBytesLE(s, 32));
    expect(checkStrictEd25519(honestKey, sig(L - 1n))).toBeNull();
    expect(checkStrictEd25519(honestKey, sig(L))).toMatch(/group order/);
    expect(checkStrictEd25519(honestKey, sig(2n ** 256n - 1n))).toMatch(/group order/);
  });

  it('treats y = p - 2 as canonical and y = p, p + 14, 2^255 - 1 as non-canonical, whatever the sign bit', () => {
    const encode = (y: bigint, signBit: number) => {
      const bytes = numberToBytesLE(y, 32);
      bytes[31]! |= signBit;
      return bytes;
    };
    for (const signBit of [0, 0x80]) {
      expect(checkStrictPublicKey(encode(P - 2n, signBit))).toBeNull();
      for (const y of [P, P + 14n, 2n ** 255n - 1n]) {
        expect(checkStrictPublicKey(encode(y, signBit))).toMatch(/public key A is not a canonical/);
        const sig = concatBytes(encode(y, signBit), new Uint8Array(32));
        expect(checkStrictEd25519(honestKey, sig)).toMatch(/signature R is not a canonical/);
      }
    }
  });

  it('refuses wrong lengths', () => {
    expect(checkStrictEd25519(honestKey.subarray(0, 31), new Uint8Array(64))).toMatch(/32 bytes/);
    expect(checkStrictEd25519(honestKey, new Uint8Array(63))).toMatch(/64 bytes/);
    expect(checkStrictEd25519(honestKey, new Uint8Array(65))).toMatch(/64 bytes/);
  });
});

describe('edge cases: both implementations refuse', () => {
  const v = RFC8032_VECTORS[1]!;

  it('S + L in place of S (same signature modulo L)', () => {
    const sig = fromHex(v.signature);
    const s = bytesToNumberLE(sig.subarray(32));
    const malleated = signatureHex(sig.subarray(0, 32), s + L);
    expect(checkStrictEd25519(fromHex(v.publicKey), fromHex(malleated))).toMatch(/group order/);
    expect(bothVerify(v.publicKey, fromHex(v.message), malleated)).toEqual({ node: false, browser: false });
  });

  it('a non-canonical R (y = p + 1, the identity) that a lenient verifier accepts', () => {
    const nonCanonicalR = numberToBytesLE(P + 1n, 32);
    // R = identity, so S = k * a satisfies [S]B = R + [k]A.
    const sig = craftSignature(secretScalar, honestKey, 0n, nonCanonicalR, message);
    expect(lenientNobleAccepts(honestKey, message, sig)).toBe(true);
    expect(checkStrictEd25519(honestKey, fromHex(sig))).toMatch(/signature R is not a canonical/);
    expect(bothVerify(toHex(honestKey), message, sig)).toEqual({ node: false, browser: false });
  });

  it('a non-canonical A (y = p + 1, the identity) that a lenient verifier accepts', () => {
    const nonCanonicalA = numberToBytesLE(P + 1n, 32);
    // A = identity, so S = r satisfies [S]B = R + [k]A for every message.
    const r = Point.BASE.multiply(nonceScalar).toBytes();
    const sig = signatureHex(r, nonceScalar);
    expect(lenientNobleAccepts(nonCanonicalA, message, sig)).toBe(true);
    expect(checkStrictEd25519(nonCanonicalA, fromHex(sig))).toMatch(/public key A is not a canonical/);
    expect(bothVerify(toHex(nonCanonicalA), message, sig)).toEqual({ node: false, browser: false });
  });

  it.each(ED25519_TORSION_SUBGROUP.map((hex, i) => [i, hex]))(
    'small-order A #%i with a signature that verifies cofactored',
    (_i, publicKeyHex) => {
      // [8]([S]B - R - [k]T) = [8](-[k]T) = 0 for R = rB, S = r: valid under the cofactored equation.
      const r = Point.BASE.multiply(nonceScalar).toBytes();
      const sig = signatureHex(r, nonceScalar);
      expect(lenientNobleAccepts(fromHex(publicKeyHex), message, sig)).toBe(true);
      expect(checkStrictEd25519(fromHex(publicKeyHex), fromHex(sig))).toMatch(
        /public key A is a small-order/,
      );
      expect(bothVerify(publicKeyHex, message, sig)).toEqual({ node: false, browser: false });
    },
  );

  it('small-order R with a signature that verifies cofactored', () => {
    const r = order8.toBytes();
    const sig = craftSignature(secretScalar, honestKey, 0n, r, message);
    expect(ed25519.verify(fromHex(sig), message, honestKey, { zip215: false })).toBe(true);
    expect(checkStrictEd25519(honestKey, fromHex(sig))).toMatch(/signature R is a small-order/);
    expect(bothVerify(toHex(honestKey), message, sig)).toEqual({ node: false, browser: false });
  });

  it('R with a small-order component: noble (cofactored) accepts, OpenSSL (cofactorless) refuses', () => {
    const r = Point.BASE.multiply(nonceScalar).add(order8).toBytes();
    const sig = craftSignature(secretScalar, honestKey, nonceScalar, r, message);
    expect(ed25519.verify(fromHex(sig), message, honestKey, { zip215: false })).toBe(true);
    expect(checkStrictEd25519(honestKey, fromHex(sig))).toBeNull();
    expect(bothVerify(toHex(honestKey), message, sig)).toEqual({ node: false, browser: false });
  });

  it('flipping any single bit of the signature or message', () => {
    const msg = fromHex(v.message);
    for (let bit = 0; bit < 512; bit++) {
      expect(bothVerify(v.publicKey, msg, flipBit(v.signature, bit))).toEqual({
        node: false,
        browser: false,
      });
    }
    for (let bit = 0; bit < 8 * msg.length; bit++) {
      const flipped = fromHex(flipBit(v.message, bit));
      expect(bothVerify(v.publicKey, flipped, v.signature)).toEqual({ node: false, browser: false });
    }
  });

  it('malformed hex or arguments, without throwing', () => {
    const msg = fromHex(v.message);
    const cases: [unknown, unknown, unknown][] = [
      [v.publicKey.toUpperCase(), msg, v.signature],
      [v.publicKey, msg, v.signature.toUpperCase()],
      [v.publicKey.slice(2), msg, v.signature],
      [v.publicKey, msg, `${v.signature}00`],
      [`zz${v.publicKey.slice(2)}`, msg, v.signature],
      [v.publicKey, msg, `${v.signature.slice(0, -1)}g`],
      [v.publicKey, 'not bytes', v.signature],
      [null, msg, v.signature],
      [v.publicKey, msg, 42],
    ];
    for (const [publicKey, m, sig] of cases) {
      for (const [, impl] of implementations) {
        expect(impl.verify(publicKey as string, m as Uint8Array, sig as string)).toBe(false);
      }
    }
  });
});

describe('keys with a small-order component: both implementations give the same answer', () => {
  // A = aB + T (T of order 8): the cofactored equation always holds, the cofactorless one only when
  // [k]T = 0, i.e. k = 0 mod 8. OpenSSL checks the cofactorless equation; so must the browser.
  const mixedKey = Point.BASE.multiply(secretScalar).add(order8).toBytes();
  const r = Point.BASE.multiply(nonceScalar).toBytes();
  const signFor = (msg: Uint8Array) => craftSignature(secretScalar, mixedKey, nonceScalar, r, msg);
  const messageWhere = (test: (k: bigint) => boolean) => {
    for (let i = 0; ; i++) {
      const msg = utf8(`message ${i}`);
      if (test(challenge(r, mixedKey, msg))) return msg;
    }
  };

  it('passes the strict rules (it is not of small order itself)', () => {
    expect(checkStrictPublicKey(mixedKey)).toBeNull();
  });

  it('refuses when k is not a multiple of 8, though noble alone (cofactored) accepts', () => {
    const msg = messageWhere((k) => k % 8n !== 0n);
    const sig = signFor(msg);
    expect(ed25519.verify(fromHex(sig), msg, mixedKey, { zip215: false })).toBe(true);
    expect(bothVerify(toHex(mixedKey), msg, sig)).toEqual({ node: false, browser: false });
  });

  it('accepts when k is a multiple of 8, where both equations hold', () => {
    const msg = messageWhere((k) => k % 8n === 0n);
    expect(bothVerify(toHex(mixedKey), msg, signFor(msg))).toEqual({ node: true, browser: true });
  });

  it('agrees for any torsion component and message (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.uint8Array({ maxLength: 64 }), (t, msg) => {
        const key = Point.BASE.multiply(secretScalar).add(torsion[t]!).toBytes();
        const sig = craftSignature(secretScalar, key, nonceScalar, r, msg);
        const result = bothVerify(toHex(key), msg, sig);
        expect(result.node).toBe(result.browser);
        // OpenSSL itself, without our wrapper, gives the same answer.
        expect(opensslVerifyRaw(key, msg, fromHex(sig))).toBe(result.node);
      }),
      { numRuns: 100 },
    );
  });
});

function opensslVerifyRaw(publicKey: Uint8Array, msg: Uint8Array, sig: Uint8Array): boolean {
  const spki = concatBytes(fromHex('302a300506032b6570032100'), publicKey);
  return opensslVerify(
    null,
    msg,
    createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }),
    sig,
  );
}

describe('node and browser agree on random input (property)', () => {
  const seed = fc.uint8Array({ minLength: 32, maxLength: 32 }).map(toHex);
  const msg = fc.uint8Array({ maxLength: 256 });

  it('derive the same key, make the same signature, and both accept it', () => {
    fc.assert(
      fc.property(seed, msg, (sk, m) => {
        const publicKey = nodeImpl.publicKeyFromPrivate(sk);
        expect(browserImpl.publicKeyFromPrivate(sk)).toBe(publicKey);
        const sig = nodeImpl.sign(sk, m);
        expect(browserImpl.sign(sk, m)).toBe(sig);
        expect(bothVerify(publicKey, m, sig)).toEqual({ node: true, browser: true });
      }),
      { numRuns: 100 },
    );
  });

  it('both refuse after any byte of key, signature or message is changed', () => {
    fc.assert(
      fc.property(seed, msg, fc.nat(), fc.integer({ min: 1, max: 255 }), (sk, m, where, xor) => {
        const publicKey = fromHex(nodeImpl.publicKeyFromPrivate(sk));
        const sig = fromHex(nodeImpl.sign(sk, m));
        const all = concatBytes(publicKey, sig, m);
        const at = where % all.length;
        all[at]! ^= xor;
        const result = bothVerify(toHex(all.subarray(0, 32)), all.subarray(96), toHex(all.subarray(32, 96)));
        expect(result).toEqual({ node: false, browser: false });
      }),
      { numRuns: 200 },
    );
  });

  it('agree on arbitrary keys and signatures (almost all invalid)', () => {
    const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n }).map(toHex);
    fc.assert(
      fc.property(bytes(32), bytes(64), msg, (publicKey, sig, m) => {
        const result = bothVerify(publicKey, m, sig);
        expect(result.node).toBe(result.browser);
      }),
      { numRuns: 200 },
    );
  });
});

describe.each(implementations)('key handling (%s)', (_name, impl) => {
  it('generates a key pair that signs and verifies', () => {
    const { publicKey, privateKey } = impl.generateKeyPair();
    expect(publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(privateKey).toMatch(/^[0-9a-f]{64}$/);
    expect(impl.publicKeyFromPrivate(privateKey)).toBe(publicKey);
    expect(impl.verify(publicKey, message, impl.sign(privateKey, message))).toBe(true);
    expect(impl.generateKeyPair().privateKey).not.toBe(privateKey);
  });

  it('refuses to sign with a malformed private key', () => {
    const good = RFC8032_VECTORS[0]!.secretKey;
    for (const bad of [good.toUpperCase(), good.slice(2), `${good}00`, `x${good.slice(1)}`]) {
      expect(() => impl.sign(bad, message)).toThrow(/private key/);
      expect(() => impl.publicKeyFromPrivate(bad)).toThrow(/private key/);
    }
  });
});

describe('node key helpers', () => {
  it('isValidPublicKeyHex accepts real keys and refuses malformed, non-canonical and small-order ones', () => {
    expect(nodeImpl.isValidPublicKeyHex(RFC8032_VECTORS[0]!.publicKey)).toBe(true);
    expect(nodeImpl.isValidPublicKeyHex(RFC8032_VECTORS[0]!.publicKey.toUpperCase())).toBe(false);
    expect(nodeImpl.isValidPublicKeyHex(RFC8032_VECTORS[0]!.publicKey.slice(2))).toBe(false);
    expect(nodeImpl.isValidPublicKeyHex(42)).toBe(false);
    expect(nodeImpl.isValidPublicKeyHex(toHex(numberToBytesLE(P + 14n, 32)))).toBe(false);
    for (const hex of ED25519_TORSION_SUBGROUP) expect(nodeImpl.isValidPublicKeyHex(hex)).toBe(false);
  });

  it('keeps the public key cache bounded', () => {
    const sig = RFC8032_VECTORS[0]!.signature;
    // Distinct valid keys 2B, 3B, ...: point additions are far cheaper than scalar multiplications.
    let point = Point.BASE;
    for (let i = 0; i < nodeImpl.PUBLIC_KEY_CACHE_SIZE + 50; i++) {
      point = point.add(Point.BASE);
      expect(nodeImpl.verify(toHex(point.toBytes()), message, sig)).toBe(false);
    }
    expect(nodeImpl.cachedPublicKeyCount()).toBe(nodeImpl.PUBLIC_KEY_CACHE_SIZE);
  });
});
