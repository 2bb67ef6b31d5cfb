import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { concatBytes, fromHex, utf8 } from '../core/bytes.ts';
import { LedgerError } from '../core/errors.ts';
import { sha256Hex } from '../core/hash-node.ts';
import { DEBT_ASSISTANCE } from '../modules/cases/templates.ts';
import {
  CaseDriver,
  type CasesFixture,
  createCasesFixture,
  type ORG,
} from '../modules/cases/test-fixture.ts';
import { tempDbPath } from '../testing/test-chain.ts';
import { randomKey } from './crypto.ts';
import { DocStore } from './docstore.ts';

// Obviously fake personal data: a made-up name and a number that passes the 11-proef.
const FAKE_NAME = 'Jantje Fictief-Testpersoon';
const FAKE_BSN = '111222333';
const LETTER = utf8(`Inkomensverklaring voor ${FAKE_NAME}, BSN ${FAKE_BSN}, netto 1.234,56 per maand.`);

let f: CasesFixture;
let store: DocStore;
let storePath: string;
let d: CaseDriver;
const actor = (name: keyof typeof ORG) => ({ oin: f.org(name).oin, pubKey: f.org(name).publicKey });
const ledger = () => f.chain.app.committed;

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof LedgerError) return e.code;
    throw e;
  }
  return 'no refusal';
}

beforeAll(async () => {
  f = await createCasesFixture();
  await f.publish(DEBT_ASSISTANCE);
  storePath = join(dirname(tempDbPath('ketenboek-docstore-')), 'docstore.db');
  store = new DocStore({ path: storePath, masterKey: randomKey() });
});
afterAll(async () => {
  store?.close();
  await f?.chain.stop();
});
beforeEach(async () => {
  d = await CaseDriver.open(f, 'debt-assistance');
  await d.inviteAll();
});

async function storeAndAttach(by: keyof typeof ORG = 'benefits', content = LETTER) {
  const info = store.put(ledger(), d.id, actor(by), content, {
    kind: 'income_statement',
    mediaType: 'text/plain',
  });
  const r = await d.send(by, 'cases.attach_document', { caseId: d.id, hash: info.hash, kind: info.kind });
  expect(r.error, r.log).toBe('');
  return info;
}

describe('storing documents', () => {
  it('keeps them encrypted at rest: the file never contains the plaintext', async () => {
    await storeAndAttach();
    const dir = dirname(storePath);
    const bytes = readdirSync(dir)
      .filter((n) => n.startsWith('docstore.db'))
      .map((n) => readFileSync(join(dir, n)).toString('latin1'))
      .join('');
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes).not.toContain('Fictief');
    expect(bytes).not.toContain(FAKE_BSN);
  });

  it('gives the salted hash the ledger records, and only for invited partners of open cases', async () => {
    const info = store.put(ledger(), d.id, actor('creditorA'), LETTER, {
      kind: 'claim_statement',
      mediaType: 'text/plain',
    });
    expect(info.hash).not.toBe(sha256Hex(LETTER));
    expect(
      refusal(() =>
        store.put(ledger(), d.id, actor('stranger'), LETTER, {
          kind: 'claim_statement',
          mediaType: 'text/plain',
        }),
      ),
    ).toBe('docstore.not_invited');
    expect(
      refusal(() =>
        store.put(ledger(), d.id, actor('creditorA'), LETTER, { kind: 'selfie', mediaType: 'image/png' }),
      ),
    ).toBe('docstore.unknown_document_kind');
    expect(
      refusal(() =>
        store.put(ledger(), '999999', actor('creditorA'), LETTER, {
          kind: 'claim_statement',
          mediaType: 'text/plain',
        }),
      ),
    ).toBe('docstore.unknown_case');
    await d.advance('withdrawn');
    expect(
      refusal(() =>
        store.put(ledger(), d.id, actor('creditorA'), LETTER, {
          kind: 'claim_statement',
          mediaType: 'text/plain',
        }),
      ),
    ).toBe('docstore.case_closed');
  });
});

describe('reading documents', () => {
  it('decrypts for an invited partner, proves the content against the ledger hash, and logs who, what and why', async () => {
    const info = await storeAndAttach();
    const before = store.log.head().seq;
    const doc = store.read(
      ledger(),
      d.id,
      info.hash,
      actor('counsellor'),
      'inkomen beoordelen voor betalingsregeling',
    );
    expect(new TextDecoder().decode(doc.content)).toContain(FAKE_NAME);
    expect(sha256Hex(concatBytes(fromHex(doc.salt), doc.content))).toBe(d.records.documents[0]!.hash);
    const entry = store.log.entries({ caseId: d.id }).at(-1)!;
    expect(entry).toMatchObject({
      seq: before + 1,
      action: 'read',
      actor: actor('counsellor'),
      document: info.hash,
      purpose: 'inkomen beoordelen voor betalingsregeling',
    });
    expect(store.log.verify().ok).toBe(true);
  });

  it('refuses without a purpose, before the hash is on the ledger, and to partners that are not invited; refusals read nothing', async () => {
    const pending = store.put(ledger(), d.id, actor('benefits'), LETTER, {
      kind: 'income_statement',
      mediaType: 'text/plain',
    });
    const seq = store.log.head().seq;
    expect(
      refusal(() => store.read(ledger(), d.id, pending.hash, actor('counsellor'), 'inkomen beoordelen')),
    ).toBe('docstore.not_attached');
    await d.send('benefits', 'cases.attach_document', {
      caseId: d.id,
      hash: pending.hash,
      kind: 'income_statement',
    });
    expect(refusal(() => store.read(ledger(), d.id, pending.hash, actor('counsellor'), ' '))).toBe(
      'docstore.purpose_required',
    );
    expect(
      refusal(() => store.read(ledger(), d.id, pending.hash, actor('counsellor'), `controle ${FAKE_BSN}`)),
    ).toBe('docstore.personal_data_in_purpose');
    expect(refusal(() => store.read(ledger(), d.id, pending.hash, actor('stranger'), 'nieuwsgierig'))).toBe(
      'docstore.not_invited',
    );
    expect(refusal(() => store.read(ledger(), d.id, 'c'.repeat(64), actor('counsellor'), 'controle'))).toBe(
      'docstore.unknown_document',
    );
    expect(store.log.head().seq).toBe(seq);
  });

  it('refuses a ciphertext that was changed or moved to another document', async () => {
    const info = await storeAndAttach();
    const other = await storeAndAttach('benefits', utf8('tweede fictieve brief'));
    const sealed = (hash: string) =>
      (store.db.prepare('SELECT sealed FROM documents WHERE hash = ?').get(hash) as { sealed: Buffer })
        .sealed;
    store.db.prepare('UPDATE documents SET sealed = ? WHERE hash = ?').run(sealed(other.hash), info.hash);
    expect(refusal(() => store.read(ledger(), d.id, info.hash, actor('counsellor'), 'controle'))).toBe(
      'docstore.integrity',
    );
    const flipped = Buffer.from(sealed(other.hash));
    flipped[20] = (flipped[20] ?? 0) ^ 1;
    store.db.prepare('UPDATE documents SET sealed = ? WHERE hash = ?').run(flipped, other.hash);
    expect(refusal(() => store.read(ledger(), d.id, other.hash, actor('counsellor'), 'controle'))).toBe(
      'docstore.integrity',
    );
  });
});

describe('erasure', () => {
  it('destroys the case key and ciphertexts once the ledger records the erasure, and refuses reads after', async () => {
    const info = await storeAndAttach();
    expect(store.db.prepare('SELECT count(*) AS n FROM case_keys WHERE case_id = ?').get(d.id)).toEqual({
      n: 1,
    });
    await d.send('municipality', 'cases.record_erasure', { caseId: d.id, reason: 'subject_request' });
    // This store missed the block; the ledger is the source of truth, so the read itself erases.
    expect(refusal(() => store.read(ledger(), d.id, info.hash, actor('counsellor'), 'controle'))).toBe(
      'docstore.erased',
    );
    expect(store.db.prepare('SELECT count(*) AS n FROM case_keys WHERE case_id = ?').get(d.id)).toEqual({
      n: 0,
    });
    expect(store.list(d.id)).toEqual([]);
    expect(store.log.entries({ caseId: d.id }).at(-1)).toMatchObject({
      action: 'erase',
      actor: { oin: f.org('municipality').oin },
    });
    expect(
      refusal(() =>
        store.put(ledger(), d.id, actor('benefits'), LETTER, {
          kind: 'income_statement',
          mediaType: 'text/plain',
        }),
      ),
    ).toBe('docstore.erased');
  });

  it('sweeps every case the ledger erased, and only those', async () => {
    const keep = d;
    await storeAndAttach();
    d = await CaseDriver.open(f, 'debt-assistance');
    await d.inviteAll();
    await storeAndAttach();
    await d.send('municipality', 'cases.record_erasure', { caseId: d.id, reason: 'retention_expired' });
    expect(store.sweepErased(ledger())).toEqual([d.id]);
    expect(store.list(d.id)).toEqual([]);
    expect(store.list(keep.id)).toHaveLength(1);
  });
});
