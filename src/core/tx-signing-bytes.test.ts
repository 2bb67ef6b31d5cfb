// The signature workers cut the signing bytes out of a tx's canonical JSON instead of parsing and
// re-encoding it. Their answer lets the node skip its own check, so the cut must give exactly
// signingBytes(tx) for every tx that passed the shape check, whatever its body holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equalBytes } from './bytes.ts';
import { canonicalJson } from './canonical.ts';
import { generateKeyPair } from './ed25519-node.ts';
import { checkSignedTxShape, signedPartsOfCanonical, signingBytes } from './tx.ts';
import { signTx, verifyCanonicalTxSignature, verifyTxSignature } from './tx-node.ts';

const alice = generateKeyPair();
const bob = generateKeyPair();

// Bodies that try to confuse a text search: keys named sig and signer at any depth, strings
// holding the field markers, quotes and backslashes.
const tricky = fc.constantFrom(',"sig":"', ',"signer":"', '"sig"', '\\"', 'sig', 'signer', alice.publicKey);
const leaf = fc.oneof(
  fc.string(),
  tricky,
  fc.integer({ min: -1000, max: 1000 }),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('sig', 'signer', 'body', 'v', 'type'));
const body = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('object'), fc.array(tie('value'), { maxLength: 3 })),
  object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
})).object as fc.Arbitrary<Record<string, unknown>>;

function shapeChecked(tx: unknown): string {
  return checkSignedTxShape(JSON.parse(canonicalJson(tx))).canonical;
}

describe('signing bytes cut from the canonical JSON', () => {
  it('equal signingBytes(tx) for any body, and the signature verifies exactly when verifyTxSignature says so', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 2 ** 40 }), (b, nonce) => {
        const tx = signTx(
          { v: 1, chainId: 'test-chain', type: 'anchor.create', signer: alice.publicKey, nonce, body: b },
          alice.privateKey,
        );
        const canonical = shapeChecked(tx);
        const parts = signedPartsOfCanonical(canonical);
        expect(parts).toBeDefined();
        expect(parts!.signer).toBe(tx.signer);
        expect(parts!.sig).toBe(tx.sig);
        expect(equalBytes(parts!.message, signingBytes(tx))).toBe(true);
        expect(verifyCanonicalTxSignature(canonical)).toBe(true);
        // Signed by someone else but claiming alice: both checks refuse.
        const forged = { ...tx, sig: signTx({ ...tx }, bob.privateKey).sig };
        expect(verifyCanonicalTxSignature(shapeChecked(forged))).toBe(verifyTxSignature(forged));
        expect(verifyCanonicalTxSignature(shapeChecked(forged))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a changed body, nonce or signer, and a flipped signature digit', () => {
    const tx = signTx(
      {
        v: 1,
        chainId: 'test-chain',
        type: 'anchor.create',
        signer: alice.publicKey,
        nonce: 7,
        body: { sig: 'x', signer: alice.publicKey },
      },
      alice.privateKey,
    );
    expect(verifyCanonicalTxSignature(shapeChecked(tx))).toBe(true);
    expect(verifyCanonicalTxSignature(shapeChecked({ ...tx, nonce: 8 }))).toBe(false);
    expect(
      verifyCanonicalTxSignature(shapeChecked({ ...tx, body: { sig: 'y', signer: alice.publicKey } })),
    ).toBe(false);
    expect(verifyCanonicalTxSignature(shapeChecked({ ...tx, signer: bob.publicKey }))).toBe(false);
    const flipped = tx.sig.slice(0, 10) + (tx.sig[10] === '0' ? '1' : '0') + tx.sig.slice(11);
    expect(verifyCanonicalTxSignature(shapeChecked({ ...tx, sig: flipped }))).toBe(false);
  });

  it('gives nothing for text without a signature field where the canonical form puts it', () => {
    expect(signedPartsOfCanonical('{}')).toBeUndefined();
    expect(signedPartsOfCanonical(`{"sig":"${'a'.repeat(128)}"}`)).toBeUndefined();
    expect(
      signedPartsOfCanonical(`{"a":1,"sig":"${'a'.repeat(127)}","signer":"${'b'.repeat(64)}"}`),
    ).toBeUndefined();
    expect(verifyCanonicalTxSignature('not json')).toBe(false);
  });
});
