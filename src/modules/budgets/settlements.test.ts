import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../core/ed25519-node.ts';
import { ibanWithCheck, isValidIban } from './iban.ts';
import { fundReport, listPayments, listSettlements } from './queries.ts';
import { journalOf, movementsCsv, reportCsv, spendingReport } from './reports.ts';
import { sepaCreditTransferXml, sepaText } from './sepa.ts';
import type { Settlement } from './state.ts';
import { getPayment, getSettlement } from './state.ts';
import { acceptProvider, type Driver, engineDriver, residentWithVoucher, setupFund } from './test-support.ts';

let d: Driver;
afterEach(async () => d?.stop());

const fakeIban = (n: number) => ibanWithCheck('NL', `TEST${String(n).padStart(10, '0')}`);

async function withPayments(d: Driver) {
  await setupFund(d, { fundId: 'stadspas' });
  await acceptProvider(d, 'stadspas', d.parties.sport, ['sport']);
  await acceptProvider(d, 'stadspas', d.parties.museum, ['culture']);
  const a = await residentWithVoucher(d, 'stadspas', 'v1');
  const b = await residentWithVoucher(d, 'stadspas', 'v2');
  const pay = (
    k: typeof a,
    id: string,
    v: string,
    provider: typeof d.parties.sport,
    amount: string,
    category: string,
  ) =>
    d.ok(k, 'budgets.pay', {
      paymentId: id,
      voucherId: v,
      provider: provider.oin,
      amountCents: amount,
      category,
    });
  await pay(a, 'p1', 'v1', d.parties.sport, '2500', 'sport');
  await pay(b, 'p2', 'v2', d.parties.sport, '1250', 'sport');
  await pay(a, 'p3', 'v1', d.parties.museum, '1800', 'culture');
  await d.ok(d.parties.sport, 'budgets.refund_payment', { paymentId: 'p2', amountCents: '250' });
}

async function accounts(d: Driver) {
  await d.ok(d.parties.sponsor, 'budgets.set_bank_account', {
    iban: fakeIban(1),
    accountName: 'Gemeente Testdam',
    bic: 'TESTNL2A',
  });
  await d.ok(d.parties.sport, 'budgets.set_bank_account', {
    iban: fakeIban(2),
    accountName: 'Sportclub Test',
  });
  await d.ok(d.parties.museum, 'budgets.set_bank_account', {
    iban: fakeIban(3),
    accountName: 'Stichting Muséum & Co',
  });
}

describe('settlement batches', () => {
  it('draft → approved → paid: lines per provider, net of refunds, with the bank accounts fixed at approval', async () => {
    d = await engineDriver();
    await withPayments(d);
    const r = await d.ok(d.parties.sponsor, 'budgets.create_settlement', {
      settlementId: 'batch-1',
      fundId: 'stadspas',
    });
    expect(r.amount).toBe('5300');
    const s = getSettlement(d.kv, 'batch-1')!;
    expect(s).toMatchObject({ state: 'draft', totalCents: '5300', paymentIds: ['p1', 'p2', 'p3'] });
    expect(s.lines).toEqual(
      [
        { provider: d.parties.sport.oin, amountCents: '3500', payments: 2 },
        { provider: d.parties.museum.oin, amountCents: '1800', payments: 1 },
      ].sort((x, y) => (x.provider! < y.provider! ? -1 : 1)),
    );
    expect(getPayment(d.kv, 'p1')!.settlementId).toBe('batch-1');
    const missing = await d.trySend(d.parties.sponsor, 'budgets.approve_settlement', {
      settlementId: 'batch-1',
    });
    expect(missing.error).toBe('budgets.missing_bank_account');
    expect(missing.log).toContain(d.parties.sport.oin);
    await accounts(d);
    await d.ok(d.parties.sponsor, 'budgets.approve_settlement', { settlementId: 'batch-1' });
    const approved = getSettlement(d.kv, 'batch-1')!;
    expect(approved.debtor).toEqual({ iban: fakeIban(1), accountName: 'Gemeente Testdam', bic: 'TESTNL2A' });
    expect(approved.lines.map((l) => l.iban).sort()).toEqual([fakeIban(2), fakeIban(3)].sort());
    expect(
      (await d.trySend(d.parties.sponsor, 'budgets.approve_settlement', { settlementId: 'batch-1' })).error,
    ).toBe('budgets.bad_settlement_state');
    await d.ok(d.parties.sponsor, 'budgets.mark_settlement_paid', {
      settlementId: 'batch-1',
      bankReference: 'BANK-2026-001',
    });
    expect(getSettlement(d.kv, 'batch-1')).toMatchObject({ state: 'paid', bankReference: 'BANK-2026-001' });
    expect(
      (await d.trySend(d.parties.sponsor, 'budgets.cancel_settlement', { settlementId: 'batch-1' })).error,
    ).toBe('budgets.bad_settlement_state');
    expect(listSettlements(d.kv, { sponsor: d.parties.sponsor.oin! }).map((x) => x.id)).toEqual(['batch-1']);
    expect(listPayments(d.kv, { settlementId: 'batch-1' }).map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('refuses an empty batch, a duplicate id, another sponsor, a past execution date and marking a draft paid', async () => {
    d = await engineDriver();
    expect(
      (await d.trySend(d.parties.sponsor, 'budgets.create_settlement', { settlementId: 'leeg' })).error,
    ).toBe('budgets.nothing_to_settle');
    await withPayments(d);
    expect(
      (
        await d.trySend(d.parties.sponsor, 'budgets.create_settlement', {
          settlementId: 'b',
          executionDate: '2020-01-01',
        })
      ).error,
    ).toBe('budgets.bad_execution_date');
    expect(
      (
        await d.trySend(d.parties.otherSponsor, 'budgets.create_settlement', {
          settlementId: 'b',
          fundId: 'stadspas',
        })
      ).error,
    ).toBe('budgets.not_fund_sponsor');
    expect((await d.trySend(d.parties.sport, 'budgets.create_settlement', { settlementId: 'b' })).error).toBe(
      'identity.missing_role',
    );
    await d.ok(d.parties.sponsor, 'budgets.create_settlement', { settlementId: 'b' });
    expect(
      (await d.trySend(d.parties.sponsor, 'budgets.create_settlement', { settlementId: 'b' })).error,
    ).toBe('budgets.settlement_exists');
    expect(
      (await d.trySend(d.parties.sponsor, 'budgets.mark_settlement_paid', { settlementId: 'b' })).error,
    ).toBe('budgets.bad_settlement_state');
    expect(
      (await d.trySend(d.parties.otherSponsor, 'budgets.approve_settlement', { settlementId: 'b' })).error,
    ).toBe('budgets.not_fund_sponsor');
    expect(
      (await d.trySend(d.parties.sponsor, 'budgets.approve_settlement', { settlementId: 'zz' })).error,
    ).toBe('budgets.unknown_settlement');
    // Everything unsettled is in batch b now.
    expect(
      (await d.trySend(d.parties.sponsor, 'budgets.create_settlement', { settlementId: 'c' })).error,
    ).toBe('budgets.nothing_to_settle');
  });

  it('canceling a batch frees its payments for refunds and a next batch', async () => {
    d = await engineDriver();
    await withPayments(d);
    await d.ok(d.parties.sponsor, 'budgets.create_settlement', { settlementId: 'b1' });
    await d.ok(d.parties.sponsor, 'budgets.cancel_settlement', { settlementId: 'b1' });
    expect(getSettlement(d.kv, 'b1')!.state).toBe('canceled');
    expect(getPayment(d.kv, 'p1')!.settlementId).toBeUndefined();
    await d.ok(d.parties.sport, 'budgets.refund_payment', { paymentId: 'p1' });
    await d.ok(d.parties.sponsor, 'budgets.create_settlement', { settlementId: 'b2' });
    expect(getSettlement(d.kv, 'b2')!.paymentIds).toEqual(['p2', 'p3']);
  });

  it('with two keys, the key that made a batch cannot approve it (four eyes)', async () => {
    d = await engineDriver();
    await withPayments(d);
    await accounts(d);
    const second = { ...generateKeyPair(), oin: d.parties.sponsor.oin };
    await d.ok(d.parties.sponsor, 'identity.add_key', { pubKey: second.publicKey });
    await d.ok(d.parties.sponsor, 'budgets.create_settlement', { settlementId: 'b' });
    const same = await d.trySend(d.parties.sponsor, 'budgets.approve_settlement', { settlementId: 'b' });
    expect(same.error).toBe('budgets.four_eyes');
    await d.ok(second, 'budgets.approve_settlement', { settlementId: 'b' });
    expect(getSettlement(d.kv, 'b')!.approvedBy).toBe(second.publicKey);
  });

  it('exports the approved batch as a pain.001.001.03 credit transfer file, the same bytes every time', async () => {
    d = await engineDriver();
    await withPayments(d);
    await accounts(d);
    await d.ok(d.parties.sponsor, 'budgets.create_settlement', { settlementId: 'batch-7' });
    expect(() => sepaCreditTransferXml(getSettlement(d.kv, 'batch-7')!)).toThrow(/approved/);
    await d.ok(d.parties.sponsor, 'budgets.approve_settlement', { settlementId: 'batch-7' });
    const s = getSettlement(d.kv, 'batch-7')!;
    const xml = sepaCreditTransferXml(s);
    expect(xml).toBe(sepaCreditTransferXml(s));
    expect(xml).toContain('xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"');
    expect(xml).toContain('<NbOfTxs>2</NbOfTxs>');
    expect(xml).toContain('<CtrlSum>53.00</CtrlSum>');
    expect(xml).toContain('<InstdAmt Ccy="EUR">35.00</InstdAmt>');
    expect(xml).toContain('<InstdAmt Ccy="EUR">18.00</InstdAmt>');
    expect(xml).toContain(`<DbtrAcct><Id><IBAN>${fakeIban(1)}</IBAN></Id></DbtrAcct>`);
    expect(xml).toContain('<BIC>TESTNL2A</BIC>');
    expect(xml).toContain(`<ReqdExctnDt>${s.executionDate}</ReqdExctnDt>`);
    expect(xml).toContain('<Nm>Stichting Museum Co</Nm>'); // transliterated, & is not in the SEPA set
    expect(xml).toContain('<EndToEndId>batch-7-1</EndToEndId>');
    expect(xml.match(/<CdtTrfTxInf>/g)).toHaveLength(2);
  });
});

describe('reports', () => {
  it('per category, provider and month, with the fund summary; CSV for bookkeeping', async () => {
    d = await engineDriver();
    await withPayments(d);
    const byCategory = fundReport(d.kv, 'stadspas', 'category');
    expect(byCategory.rows).toEqual([
      {
        group: 'culture',
        payments: 1,
        paidCents: '1800',
        refundedCents: '0',
        reimbursedCents: '0',
        spentCents: '1800',
      },
      {
        group: 'sport',
        payments: 2,
        paidCents: '3750',
        refundedCents: '250',
        reimbursedCents: '0',
        spentCents: '3500',
      },
    ]);
    expect(byCategory.summary).toMatchObject({
      toppedUpCents: '1000000',
      allocatedCents: '60000',
      paidCents: '5550',
      refundedCents: '250',
      payments: 3,
    });
    const byProvider = fundReport(d.kv, 'stadspas', 'provider').rows.map((r) => [r.group, r.spentCents]);
    expect(byProvider).toEqual(
      expect.arrayContaining([
        [d.parties.sport.oin, '3500'],
        [d.parties.museum.oin, '1800'],
      ]),
    );
    const month = d.now().slice(0, 7);
    expect(fundReport(d.kv, 'stadspas', 'month').rows).toEqual([
      expect.objectContaining({ group: month, spentCents: '5300' }),
    ]);
    expect(fundReport(d.kv, 'stadspas', 'category', { from: '2020-01-01', to: '2020-12-31' }).rows).toEqual(
      [],
    );
    const csv = reportCsv(byCategory.rows, 'category');
    expect(csv).toBe(
      'category,payments,paid_eur,refunded_eur,reimbursed_eur,spent_eur\r\nculture,1,18.00,0.00,0.00,18.00\r\nsport,2,37.50,2.50,0.00,35.00\r\n',
    );
    const lines = movementsCsv(journalOf(d.kv, 'stadspas')).trim().split('\r\n');
    expect(lines[0]).toBe(
      'date,time,fund,seq,kind,from,to,amount_eur,voucher,provider,category,reference,height',
    );
    expect(lines.filter((l) => l.includes(',payment,'))).toHaveLength(3);
    expect(lines.filter((l) => l.includes(',refund,'))).toHaveLength(1);
  });

  it('CSV quotes separators and defuses spreadsheet formulas', () => {
    const rows = spendingReport(
      [
        {
          seq: 1,
          time: '2026-03-01T10:00:00.000Z',
          height: 1,
          kind: 'payment',
          from: 'voucher',
          to: 'provider',
          amountCents: '100',
          category: '=cmd',
          provider: 'a,b',
        },
      ],
      'category',
    );
    expect(reportCsv(rows, 'category')).toContain("'=cmd");
    expect(
      reportCsv(spendingReport([{ ...rowsSample(), provider: 'a,"b"' }], 'provider'), 'provider'),
    ).toContain('"a,""b"""');
  });
});

function rowsSample() {
  return {
    seq: 1,
    time: '2026-03-01T10:00:00.000Z',
    height: 1,
    kind: 'payment' as const,
    from: 'voucher' as const,
    to: 'provider' as const,
    amountCents: '100',
  };
}

describe('IBAN and SEPA text', () => {
  it('checks IBANs with mod 97 and makes fake ones that pass', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('NL91ABNA0417164301')).toBe(false);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban(fakeIban(42))).toBe(true);
    expect(fakeIban(42)).toMatch(/^NL\d{2}TEST0000000042$/);
  });

  it('keeps SEPA text within the allowed character set and length', () => {
    expect(sepaText('Zorg & Welzijn – Ünïcode ✓', 70)).toBe('Zorg Welzijn Unicode');
    expect(sepaText('x'.repeat(100), 35)).toHaveLength(35);
  });

  it('refuses to export a batch without accounts', () => {
    const s: Settlement = {
      id: 'x',
      sponsor: 's',
      state: 'approved',
      executionDate: '2026-03-01',
      totalCents: '100',
      lines: [{ provider: 'p', amountCents: '100', payments: 1 }],
      paymentIds: ['a'],
      createdAt: '2026-03-01T00:00:00.000Z',
      createdBy: 'k',
      approvedAt: '2026-03-01T00:00:00.000Z',
      debtor: { iban: 'NL91ABNA0417164300', accountName: 'S' },
    };
    expect(() => sepaCreditTransferXml(s)).toThrow(/lacks bank accounts for p/);
  });
});
