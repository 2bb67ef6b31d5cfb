import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { verify as browserVerify } from '../../core/ed25519-browser.ts';
import { sha256 as portableSha256 } from '../../core/hash.ts';
import { effectiveStatus, type RecordProof, verifyRecordProofWith } from '../../core/record-proof.ts';
import { verifyRecordProof } from '../../core/record-proof-verify.ts';
import { buildRecordProof, RecordProofUnavailable } from './record-proof-builder.ts';
import { doc, type RegistryFixture, registryFixture, withTitle } from './registry-fixture.ts';

let f: RegistryFixture;
afterEach(async () => f?.chain.stop());

const clone = (p: RecordProof): RecordProof => JSON.parse(JSON.stringify(p));
const failed = (v: { checks: Array<{ name: string; ok: boolean }> }) =>
  v.checks.filter((c) => !c.ok).map((c) => c.name);

async function titleWithPast() {
  f = await registryFixture();
  const id = await withTitle(f);
  const issued = f.chain.app.lastHeight;
  const suspended = (await f.chain.send(f.registrar, 'registry.suspend', { recordId: id, reason: 'Geschil' }))
    .height;
  await f.chain.send(f.registrar, 'registry.reinstate', { recordId: id, reason: 'Opgelost' });
  return {
    id,
    issued,
    suspended,
    trust: {
      trustedValidators: [{ pubKey: f.chain.nodeKey.publicKey, power: 10 }],
      chainId: f.chain.chainId,
    },
  };
}

describe('record proofs', () => {
  it('proves a record by id at the latest height, checkable with nothing but the proof', async () => {
    const { id, trust } = await titleWithPast();
    const { proof } = buildRecordProof(f.chain.app, { recordId: id });
    const offline = JSON.parse(JSON.stringify(proof));
    const v = verifyRecordProof(offline, { ...trust, recordId: id });
    expect(failed(v)).toEqual([]);
    expect(v.valid).toBe(true);
    expect(v.status).toBe('active');
    expect(v.height).toBe(f.chain.app.lastHeight);
    expect(v.record).toMatchObject({ id, holder: { kind: 'key', pubKey: f.seller.publicKey } });
  });

  it('gives the same verdict with the browser’s crypto (@noble) as with node:crypto', async () => {
    const { id, trust } = await titleWithPast();
    const { proof } = buildRecordProof(f.chain.app, { recordId: id });
    const browser = { sha256: portableSha256, verify: browserVerify };
    expect(verifyRecordProofWith(browser, proof, trust)).toEqual(verifyRecordProof(proof, trust));
    const bad = clone(proof);
    bad.block.signatures = [];
    expect(verifyRecordProofWith(browser, bad, trust).valid).toBe(false);
  });

  it('proves the status at a past height', async () => {
    const { id, suspended, issued, trust } = await titleWithPast();
    const then = verifyRecordProof(buildRecordProof(f.chain.app, { recordId: id }, suspended).proof, {
      ...trust,
      height: suspended,
    });
    expect(then.valid).toBe(true);
    expect(then.status).toBe('suspended');
    const before = verifyRecordProof(
      buildRecordProof(f.chain.app, { recordId: id }, issued - 1).proof,
      trust,
    );
    expect(before.valid).toBe(true);
    expect(before.status).toBe('unknown'); // not yet issued: a proof of absence
    expect(() => buildRecordProof(f.chain.app, { recordId: id }, f.chain.app.lastHeight + 1)).toThrow(
      RecordProofUnavailable,
    );
  });

  it('proves a record by document hash, and says when the document was superseded', async () => {
    const { id, trust } = await titleWithPast();
    const current = verifyRecordProof(buildRecordProof(f.chain.app, { documentHash: doc(id) }).proof, {
      ...trust,
      documentHash: doc(id),
    });
    expect(current).toMatchObject({ valid: true, recordId: id, status: 'active', documentCurrent: true });
    await f.chain.send(f.registrar, 'registry.amend', {
      recordId: id,
      documentHash: doc('nieuwe akte'),
      reason: 'Nieuwe akte',
    });
    const old = verifyRecordProof(buildRecordProof(f.chain.app, { documentHash: doc(id) }).proof, trust);
    expect(old).toMatchObject({ valid: true, recordId: id, documentCurrent: false });
    const none = verifyRecordProof(
      buildRecordProof(f.chain.app, { documentHash: doc('nooit') }).proof,
      trust,
    );
    expect(none).toMatchObject({ valid: true, status: 'unknown' });
    expect(none.recordId).toBeUndefined();
  });

  it('fails with one flipped byte in the record, a sibling, the header or the signature', async () => {
    const { id, trust } = await titleWithPast();
    const { proof } = buildRecordProof(f.chain.app, { recordId: id });
    const value = clone(proof);
    value.record!.value = value.record!.value!.replace('"active"', '"revoked"');
    expect(failed(verifyRecordProof(value, trust))).toEqual(['record proof']);
    const sibling = clone(proof);
    const s0 = sibling.record!.proof.siblings[0]!;
    sibling.record!.proof.siblings[0] = (s0[0] === '0' ? '1' : '0') + s0.slice(1);
    expect(failed(verifyRecordProof(sibling, trust))).toEqual(['record proof']);
    const header = clone(proof);
    header.block.header.appHash =
      (header.block.header.appHash[0] === 'a' ? 'b' : 'a') + header.block.header.appHash.slice(1);
    expect(failed(verifyRecordProof(header, trust))).toContain('block hash');
    const sig = clone(proof);
    const s = sig.block.signatures[0]!;
    s.sig = s.sig.slice(0, 10) + (s.sig[10] === 'f' ? 'e' : 'f') + s.sig.slice(11);
    expect(failed(verifyRecordProof(sig, trust))).toEqual(['validator signatures']);
  });

  it('fails for a wrong height: another block’s header, a changed height, or not the height asked for', async () => {
    const { id, suspended, trust } = await titleWithPast();
    const latest = buildRecordProof(f.chain.app, { recordId: id }).proof;
    const other = buildRecordProof(f.chain.app, { recordId: id }, suspended).proof;
    const swapped = { ...clone(latest), height: other.height, block: other.block };
    expect(failed(verifyRecordProof(swapped, trust))).toEqual(['record proof']);
    expect(failed(verifyRecordProof({ ...clone(latest), height: suspended }, trust))).toEqual([
      'block height',
    ]);
    expect(failed(verifyRecordProof(latest, { ...trust, height: suspended }))).toEqual(['block height']);
  });

  it('fails for a wrong record: another record’s entry, or not the record asked for', async () => {
    const { id, trust } = await titleWithPast();
    await f.chain.send(f.registrar, 'registry.issue', {
      id: 'perceel-2',
      classId: 'eigendom',
      holder: { kind: 'key', pubKey: f.buyer.publicKey },
      attributes: { parcel: 'TESTSTAD A 99' },
      documentHash: doc('perceel-2'),
      validFrom: '2026-01-01',
    });
    const mine = buildRecordProof(f.chain.app, { recordId: id }).proof;
    const theirs = buildRecordProof(f.chain.app, { recordId: 'perceel-2' }).proof;
    expect(failed(verifyRecordProof({ ...clone(mine), record: theirs.record }, trust))).toEqual([
      'record proof',
    ]);
    expect(failed(verifyRecordProof(theirs, { ...trust, recordId: id }))).toEqual(['expected record']);
    expect(failed(verifyRecordProof(mine, { ...trust, chainId: 'een-andere-keten' }))).toEqual(['chain id']);
    expect(
      failed(verifyRecordProof(mine, { trustedValidators: [{ pubKey: f.buyer.publicKey, power: 10 }] })),
    ).toEqual(['validator signatures']);
    expect(verifyRecordProof({ version: 2 }).valid).toBe(false);
  });

  it('fails whenever any single hex digit of the block, query or entries changes', async () => {
    const { id, trust } = await titleWithPast();
    const text = JSON.stringify(buildRecordProof(f.chain.app, { recordId: id }).proof);
    // Positions of hex digits outside the validator list (which the pinned trust replaces).
    const start = text.indexOf('"validators"');
    const end = text.indexOf(']', start);
    const positions = [...text].flatMap((ch, i) =>
      /[0-9a-f]/.test(ch) && (i < start || i > end) ? [i] : [],
    );
    fc.assert(
      fc.property(fc.constantFrom(...positions), fc.constantFrom(...'0123456789abcdef'), (i, ch) => {
        fc.pre(text[i] !== ch);
        let flipped: unknown;
        try {
          flipped = JSON.parse(text.slice(0, i) + ch + text.slice(i + 1));
        } catch {
          return true; // no longer JSON: nothing to verify
        }
        return !verifyRecordProof(flipped, { ...trust, recordId: id }).valid;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('effective status', () => {
  const r = { status: 'active' as const, validFrom: '2026-03-01', validUntil: '2026-06-30' };
  it('counts validUntil as the last valid day and validFrom as the first', () => {
    expect(effectiveStatus(r, '2026-02-28T23:59:59.999Z')).toBe('not_yet_valid');
    expect(effectiveStatus(r, '2026-03-01T00:00:00.000Z')).toBe('active');
    expect(effectiveStatus(r, '2026-06-30T23:59:59.999Z')).toBe('active');
    expect(effectiveStatus(r, '2026-07-01T00:00:00.000Z')).toBe('expired');
  });
  it('keeps revoked final and lets expiry override a suspension', () => {
    expect(effectiveStatus({ ...r, status: 'revoked' }, '2026-04-01T00:00:00.000Z')).toBe('revoked');
    expect(effectiveStatus({ ...r, status: 'suspended' }, '2026-04-01T00:00:00.000Z')).toBe('suspended');
    expect(effectiveStatus({ ...r, status: 'suspended' }, '2026-08-01T00:00:00.000Z')).toBe('expired');
  });
});
