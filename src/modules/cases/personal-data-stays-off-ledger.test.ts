// The promise of the cases module: personal data lives off-ledger, at the source. This test puts
// fake personal data into the document store during a whole case, tries to slip it into txs, and
// then reads every byte of the ledger's store looking for it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHex, utf8 } from '../../core/bytes.ts';
import { sha256Hex } from '../../core/hash-node.ts';
import { closeDocstoreOf, docstoreOf } from '../../docstore/node-docstore.ts';
import { tempDbPath } from '../../testing/test-chain.ts';
import { DEBT_ASSISTANCE } from './templates.ts';
import { CaseDriver, type CasesFixture, createCasesFixture } from './test-fixture.ts';

// Obviously fake: a made-up name and address, and a number that passes the 11-proef.
const FAKE_NAME = 'Jantje Fictief-Testpersoon';
const FAKE_ADDRESS = 'Nepstraat 99';
const FAKE_BSN = '111222333';
const SECRETS = [FAKE_NAME, FAKE_ADDRESS, FAKE_BSN];

let f: CasesFixture;
let dbPath: string;
beforeAll(async () => {
  dbPath = tempDbPath('ketenboek-no-pii-');
  f = await createCasesFixture({ dbPath });
  await f.publish(DEBT_ASSISTANCE);
});
afterAll(async () => {
  if (f) closeDocstoreOf(f.chain.app);
  await f?.chain.stop();
});

/** Every value of every row of every table of the app store, as text. */
function everythingInTheAppStore(): string {
  const db = f.chain.app.store.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{
    name: string;
  }>;
  expect(tables.map((t) => t.name)).toEqual(
    expect.arrayContaining(['state', 'state_history', 'txs', 'blocks', 'meta']),
  );
  return tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).raw().all())).join('\n');
}

function encodings(s: string): string[] {
  const bytes = utf8(s);
  return [s, s.toLowerCase(), toHex(bytes), Buffer.from(bytes).toString('base64')];
}

describe('personal data and the ledger', () => {
  it('never reaches the ledger’s store, while the document store holds it for the partners', async () => {
    const docs = docstoreOf(f.chain.app);
    const d = await CaseDriver.open(f, 'debt-assistance');
    await d.inviteAll();
    const actor = (name: 'benefits' | 'creditorA' | 'counsellor') => ({
      oin: f.org(name).oin,
      pubKey: f.org(name).publicKey,
    });
    const letter = utf8(`Naam: ${FAKE_NAME}\nAdres: ${FAKE_ADDRESS}\nBSN: ${FAKE_BSN}\nInkomen: bijstand`);
    const attachments = [
      { by: 'benefits', kind: 'income_statement' },
      { by: 'creditorA', kind: 'claim_statement' },
      { by: 'counsellor', kind: 'payment_plan' },
    ] as const;
    for (const a of attachments) {
      const info = docs.put(f.chain.app.committed, d.id, actor(a.by), letter, {
        kind: a.kind,
        mediaType: 'text/plain',
      });
      expect(
        (await d.send(a.by, 'cases.attach_document', { caseId: d.id, hash: info.hash, kind: a.kind })).error,
      ).toBe('');
      const read = docs.read(f.chain.app.committed, d.id, info.hash, actor('counsellor'), 'dossier opbouwen');
      expect(new TextDecoder().decode(read.content)).toContain(FAKE_NAME);
    }

    // Attempts to write the personal data into txs are refused before they reach a block.
    const attempts = [
      await d.send('municipality', 'cases.open', {
        process: 'debt-assistance',
        subject: { kind: 'reference', hash: FAKE_BSN },
      }),
      await d.send('municipality', 'cases.open', {
        process: 'debt-assistance',
        subject: { kind: 'pseudonym', pubKey: FAKE_NAME },
      }),
      await d.send('counsellor', 'cases.set_field', {
        caseId: d.id,
        field: 'plan_document',
        value: FAKE_BSN,
      }),
      await d.send('counsellor', 'cases.set_field', { caseId: d.id, field: 'total_debt', value: FAKE_NAME }),
      await d.send('benefits', 'cases.attest', { caseId: d.id, kind: 'income_verified', evidence: FAKE_BSN }),
      await d.send('benefits', 'cases.attach_document', {
        caseId: d.id,
        hash: FAKE_ADDRESS,
        kind: 'income_statement',
      }),
      await d.send('creditorA', 'cases.dispute', {
        caseId: d.id,
        target: { kind: 'field', field: FAKE_NAME },
        reason: 'incorrect',
      }),
    ];
    for (const r of attempts) {
      expect(r.code).not.toBe(0);
      expect(r.result).toBeUndefined(); // refused at check: never in a block
    }

    await d.driveTo('repayment');
    await d.completeStep();
    expect((await d.advance('completed')).error).toBe('');
    await d.send('municipality', 'cases.record_erasure', { caseId: d.id, reason: 'retention_expired' });
    await f.chain.send(f.org('municipality'), 'anchor.create', { hash: sha256Hex('tik'), label: 'tik' });

    const everything = everythingInTheAppStore();
    expect(everything).toContain(d.records.documents[0]!.hash); // the scan does see case data
    for (const secret of SECRETS)
      for (const form of encodings(secret)) expect(everything).not.toContain(form);
    const dir = dirname(dbPath);
    for (const file of readdirSync(dir).filter((n) => n.startsWith('app.db'))) {
      const raw = readFileSync(join(dir, file)).toString('latin1');
      for (const secret of SECRETS) expect(raw, file).not.toContain(secret);
    }
  });
});
