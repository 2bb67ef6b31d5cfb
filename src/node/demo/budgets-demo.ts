// Demo of earmarked budgets: Voorbeeldstad's city pass (sport and culture), Proefdorp's
// children's package (eligibility checked by Voorbeeldstad, plus pre-validated codes), a PGB-style
// care budget, fake providers with offers, residents with vouchers and some history, and a
// settled batch. Every name, code, key and IBAN here is fake; residents are bare keys.

import { sha256Hex } from '../../core/hash-node.ts';
import { activationCodeHash } from '../../modules/budgets/codes.ts';
import { ibanWithCheck } from '../../modules/budgets/iban.ts';
import type { DemoContext, DemoLoader } from './demo-context.ts';

const VOORBEELDSTAD = 'gemeente-voorbeeldstad';
const PROEFDORP = 'gemeente-proefdorp';
const SPORT = 'sportclub-de-testers';
const MUSEUM = 'museum-nepstad';
const ZORG = 'zorg-demo';

/** Obviously fake IBANs: bank code TEST, numbered accounts, valid check digits. */
export const demoIban = (n: number) => ibanWithCheck('NL', `TEST${String(n).padStart(10, '0')}`);

/** Codes printed on the demo's fake cards and letters (the ledger holds only their hashes). */
export const DEMO_CODES = {
  bearerCard: 'DEMO-PASS-0001',
  kindpakket: ['DEMO-KIND-0001', 'DEMO-KIND-0002', 'DEMO-KIND-0003'],
};

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const budgetsDemo: DemoLoader = {
  name: 'earmarked budgets: city pass, children’s package, care budget',
  async load(ctx: DemoContext) {
    const today = ctx.now().slice(0, 10);
    const month = today.slice(0, 7);
    const oin = (name: string) => ctx.key(name).oin!;
    const pub = (name: string) => ctx.key(name).publicKey;
    const send = (key: string, type: string, body: Record<string, unknown>) => ctx.send(key, type, body);

    for (const [i, name] of [VOORBEELDSTAD, PROEFDORP, SPORT, MUSEUM, ZORG].entries()) {
      await send(name, 'budgets.set_bank_account', { iban: demoIban(i + 1), accountName: `${name} (demo)` });
    }

    // --- Stadspas Voorbeeldstad: a city pass for sport and culture --------------------------------
    const pass = 'stadspas-voorbeeldstad';
    await send(VOORBEELDSTAD, 'budgets.create_fund', {
      fundId: pass,
      name: 'Stadspas Voorbeeldstad (demo)',
      categories: ['sport', 'culture'],
      startDate: addDays(today, -30),
      endDate: addDays(today, 335),
      amount: { kind: 'fixed', cents: '15000' },
      limits: { perPaymentCents: '7500', totalCents: '50000000' },
      switches: { bearerVouchers: true, reimbursements: true },
      criteria: [{ record: 'income_level', operator: '<', value: '130' }],
      validators: [oin(VOORBEELDSTAD)],
      lowBalanceCents: '100000',
    });
    await send(VOORBEELDSTAD, 'budgets.top_up_fund', {
      fundId: pass,
      amountCents: '2500000',
      reference: 'begroting minimabeleid (demo)',
    });
    await send(VOORBEELDSTAD, 'budgets.activate_fund', { fundId: pass });
    await send(SPORT, 'budgets.apply_to_fund', { fundId: pass });
    await send(MUSEUM, 'budgets.apply_to_fund', { fundId: pass });
    await send(ZORG, 'budgets.apply_to_fund', { fundId: pass });
    await send(VOORBEELDSTAD, 'budgets.decide_provider', {
      fundId: pass,
      provider: oin(SPORT),
      decision: 'accepted',
      categories: ['sport'],
    });
    await send(VOORBEELDSTAD, 'budgets.decide_provider', {
      fundId: pass,
      provider: oin(MUSEUM),
      decision: 'accepted',
      categories: ['culture'],
    });
    await send(VOORBEELDSTAD, 'budgets.decide_provider', {
      fundId: pass,
      provider: oin(ZORG),
      decision: 'rejected',
      reason: 'geen sport- of cultuuraanbod',
    });
    await send(SPORT, 'budgets.create_offer', {
      offerId: 'zwemles-10x',
      fundId: pass,
      title: 'Zwemles, 10 lessen',
      category: 'sport',
      priceCents: '4500',
      paymentType: 'budget',
      stock: 50,
      perPersonLimit: 2,
    });
    await send(MUSEUM, 'budgets.create_offer', {
      offerId: 'museumjaarkaart',
      fundId: pass,
      title: 'Museumjaarkaart',
      category: 'culture',
      priceCents: '7500',
      paymentType: 'budget',
      stock: 20,
      perPersonLimit: 1,
    });
    await send(MUSEUM, 'budgets.create_offer', {
      offerId: 'rondleiding-korting',
      fundId: pass,
      title: 'Rondleiding met stadspaskorting',
      category: 'culture',
      priceCents: '1200',
      paymentType: 'subsidy',
      sponsorPartCents: '900',
    });
    await send(VOORBEELDSTAD, 'budgets.approve_offer', { offerId: 'rondleiding-korting' });
    await send(VOORBEELDSTAD, 'budgets.issue_voucher', {
      voucherId: 'stadspas-0001',
      fundId: pass,
      holder: pub('bewoner-1'),
    });
    await send(VOORBEELDSTAD, 'budgets.issue_voucher', {
      voucherId: 'stadspas-0002',
      fundId: pass,
      holder: pub('bewoner-2'),
    });
    await send(VOORBEELDSTAD, 'budgets.issue_voucher', {
      voucherId: 'stadspas-kaart-0003',
      fundId: pass,
      activationCodeHash: activationCodeHash(DEMO_CODES.bearerCard),
    });
    // History: a direct payment, a QR payment request for an offer, a subsidy, a refund, a claim.
    await send('bewoner-1', 'budgets.pay', {
      paymentId: 'demo-pay-1',
      voucherId: 'stadspas-0001',
      provider: oin(SPORT),
      offerId: 'zwemles-10x',
    });
    await send('bewoner-1', 'budgets.pay', {
      paymentId: 'demo-pay-2',
      voucherId: 'stadspas-0001',
      provider: oin(SPORT),
      amountCents: '2500',
      category: 'sport',
    });
    await send(MUSEUM, 'budgets.request_payment', {
      requestId: 'demo-qr-1',
      voucherId: 'stadspas-0002',
      offerId: 'museumjaarkaart',
    });
    await send('bewoner-2', 'budgets.confirm_payment_request', {
      requestId: 'demo-qr-1',
      paymentId: 'demo-pay-3',
    });
    await send('bewoner-2', 'budgets.pay', {
      paymentId: 'demo-pay-4',
      voucherId: 'stadspas-0002',
      provider: oin(MUSEUM),
      offerId: 'rondleiding-korting',
    });
    await send(SPORT, 'budgets.refund_payment', {
      paymentId: 'demo-pay-2',
      amountCents: '500',
      reason: 'les uitgevallen',
    });
    await send('bewoner-2', 'budgets.submit_reimbursement', {
      reimbursementId: 'demo-declaratie-1',
      voucherId: 'stadspas-0002',
      amountCents: '1850',
      category: 'culture',
      receiptHash: sha256Hex('demo kassabon concertkaartje'),
    });
    await send(VOORBEELDSTAD, 'budgets.decide_reimbursement', {
      reimbursementId: 'demo-declaratie-1',
      decision: 'approved',
    });
    await send(MUSEUM, 'budgets.request_payment', {
      requestId: 'demo-qr-2',
      voucherId: 'stadspas-0001',
      amountCents: '1500',
      category: 'culture',
    });

    // --- Kindpakket Proefdorp: base amount plus an amount per child ------------------------------
    const kind = 'kindpakket-proefdorp';
    await send(PROEFDORP, 'budgets.create_fund', {
      fundId: kind,
      name: 'Kindpakket Proefdorp (demo)',
      categories: ['school', 'sport', 'culture'],
      startDate: addDays(today, -14),
      endDate: addDays(today, 200),
      amount: { kind: 'formula', baseCents: '5000', perChildCents: '25000' },
      limits: { perPersonCents: '200000' },
      switches: { bearerVouchers: false, reimbursements: false },
      criteria: [
        { record: 'income_level', operator: '<', value: '120' },
        { record: 'children_nth', operator: '>=', value: '1' },
      ],
      validators: [oin(VOORBEELDSTAD)],
    });
    await send(PROEFDORP, 'budgets.top_up_fund', { fundId: kind, amountCents: '1500000' });
    await send(PROEFDORP, 'budgets.activate_fund', { fundId: kind });
    await send(SPORT, 'budgets.apply_to_fund', { fundId: kind });
    await send(PROEFDORP, 'budgets.decide_provider', {
      fundId: kind,
      provider: oin(SPORT),
      decision: 'accepted',
    });
    await send(MUSEUM, 'budgets.apply_to_fund', { fundId: kind });
    await send('bewoner-3', 'budgets.request_eligibility', { requestId: 'demo-aanvraag-1', fundId: kind });
    await send(VOORBEELDSTAD, 'budgets.decide_eligibility', {
      requestId: 'demo-aanvraag-1',
      decision: 'approved',
      criteria: [
        { record: 'income_level', operator: '<', value: '120', met: true },
        { record: 'children_nth', operator: '>=', value: '1', met: true },
      ],
      evidenceHash: sha256Hex('demo-zout|demo inkomensgegevens'),
      children: 2,
      voucherId: 'kindpakket-0001',
    });
    await send(VOORBEELDSTAD, 'budgets.add_prevalidations', {
      fundId: kind,
      entries: DEMO_CODES.kindpakket.map((c, i) => ({ codeHash: activationCodeHash(c), children: i + 1 })),
    });
    await send('bewoner-4', 'budgets.redeem_prevalidation', {
      fundId: kind,
      code: DEMO_CODES.kindpakket[0],
      voucherId: 'kindpakket-0002',
    });
    await send('bewoner-3', 'budgets.pay', {
      paymentId: 'demo-pay-5',
      voucherId: 'kindpakket-0001',
      provider: oin(SPORT),
      amountCents: '12500',
      category: 'sport',
    });

    // --- PGB Voorbeeldstad: a care budget paying contracted care --------------------------------
    const pgb = 'pgb-voorbeeldstad';
    await send(VOORBEELDSTAD, 'budgets.create_fund', {
      fundId: pgb,
      name: 'Persoonsgebonden budget Wmo Voorbeeldstad (demo)',
      kind: 'care',
      categories: ['home_care', 'day_care'],
      startDate: `${today.slice(0, 4)}-01-01`,
      endDate: `${today.slice(0, 4)}-12-31`,
      amount: { kind: 'custom', minCents: '100000', maxCents: '5000000' },
    });
    await send(VOORBEELDSTAD, 'budgets.top_up_fund', { fundId: pgb, amountCents: '3000000' });
    await send(VOORBEELDSTAD, 'budgets.activate_fund', { fundId: pgb });
    await send(ZORG, 'budgets.apply_to_fund', { fundId: pgb });
    await send(VOORBEELDSTAD, 'budgets.decide_provider', {
      fundId: pgb,
      provider: oin(ZORG),
      decision: 'accepted',
      categories: ['home_care'],
    });
    await send(VOORBEELDSTAD, 'budgets.issue_voucher', {
      voucherId: 'pgb-0001',
      fundId: pgb,
      holder: pub('bewoner-4'),
      amountCents: '600000',
    });
    await send('bewoner-4', 'budgets.create_care_contract', {
      contractId: 'zorgovereenkomst-0001',
      voucherId: 'pgb-0001',
      provider: oin(ZORG),
      category: 'home_care',
      unit: 'hour',
      rateCents: '4250',
      maxUnitsPerMonth: 40,
      startDate: `${month}-01`,
      endDate: `${today.slice(0, 4)}-12-31`,
    });
    await send(ZORG, 'budgets.accept_care_contract', { contractId: 'zorgovereenkomst-0001' });
    await send(ZORG, 'budgets.declare_care', {
      declarationId: 'demo-zorg-1',
      contractId: 'zorgovereenkomst-0001',
      period: month,
      units: 12,
      careLogHash: sha256Hex('demo urenbriefje 1'),
    });
    await send('bewoner-4', 'budgets.decide_care_declaration', {
      declarationId: 'demo-zorg-1',
      decision: 'approved',
    });
    await send(ZORG, 'budgets.declare_care', {
      declarationId: 'demo-zorg-2',
      contractId: 'zorgovereenkomst-0001',
      period: month,
      units: 6,
      careLogHash: sha256Hex('demo urenbriefje 2'),
    });

    // --- Settlement: one batch paid, new payments waiting for the next ---------------------------
    await send(VOORBEELDSTAD, 'budgets.create_settlement', { settlementId: 'afrekening-demo-1' });
    await send(VOORBEELDSTAD, 'budgets.approve_settlement', { settlementId: 'afrekening-demo-1' });
    await send(VOORBEELDSTAD, 'budgets.mark_settlement_paid', {
      settlementId: 'afrekening-demo-1',
      bankReference: 'DEMO-BANK-0001',
    });
    await send('bewoner-1', 'budgets.pay', {
      paymentId: 'demo-pay-6',
      voucherId: 'stadspas-0001',
      provider: oin(SPORT),
      amountCents: '3000',
      category: 'sport',
    });
    await send(PROEFDORP, 'budgets.create_settlement', { settlementId: 'afrekening-demo-2' });
    ctx.log(
      `  demo bearer card code: ${DEMO_CODES.bearerCard}; unused Kindpakket codes: ${DEMO_CODES.kindpakket.slice(1).join(', ')}`,
    );
  },
};
