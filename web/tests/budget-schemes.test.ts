// The budgets features beyond the city pass, in a real browser against a node of its own:
//  1. a resident asks for a budget (evidence hashed in the browser, never sent), the municipality
//     declines and later approves it in its portal, and the resident sees the reason and the pass;
//  2. a provider makes a subsidy offer (municipality pays a fixed part, resident the rest) and
//     charges it with both parts shown; a resident reserves a budget offer as a product voucher,
//     which the provider redeems;
//  3. a care budget (PGB-style): the holder proposes a contract, the provider signs it and declares
//     care, the holder approves, the provider is paid and the monthly statement shows it.
// The schemes themselves are set up through the typed client (as a municipality's back office
// would); every step the issue is about is done in the browser and checked on the ledger too.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KetenboekClient } from '../../src/client/index.ts';
import type { KeyFile } from '../../src/node/keyring.ts';
import {
  launchBrowser,
  SKIP_BROWSER_TESTS,
  screenshot,
  seriousA11yViolations,
  type TestBrowser,
} from './support/browser.ts';
import { startTestNode, type TestNode } from './support/test-node.ts';
import { ensureWebBuilt } from './support/web-build.ts';

const SPONSOR = 'gemeente-voorbeeldstad';
const SPONSOR_NAME = 'Gemeente Voorbeeldstad (demo)';
const SPORT = 'sportclub-de-testers';
const CARE = 'zorg-demo';
const YEAR = new Date().toISOString().slice(0, 4);
const MONTH = new Date().toISOString().slice(0, 7);

let node: TestNode;
let browser: TestBrowser;
let api: KetenboekClient;
let sponsorPage: Page;
let residentPage: Page;
const a11y: Record<string, string[]> = {};

const key = (name: string) => JSON.parse(readFileSync(node.keyFile(name), 'utf8')) as KeyFile;

async function capture(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => {});
  await screenshot(page, name);
  a11y[name] = await seriousA11yViolations(page);
}

/** Visible text with Intl's non-breaking spaces ("€\u00a025,00") made plain. */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function signInAsOrganisation(page: Page, keyName: string): Promise<void> {
  await page.locator('input[name="org-key-file"]').setInputFiles(node.keyFile(keyName));
  await page.getByTestId('signed-in-org').waitFor();
}

/** A demo resident's key imported into the wallet (it becomes the active key). */
async function importResident(page: Page, keyName: string): Promise<void> {
  await page.goto(`${node.url}/portemonnee`);
  await page.getByTestId('wallet-key').waitFor();
  await page.getByText('Nieuwe sleutel maken in deze browser', { exact: true }).first().click();
  await page.getByLabel('Sleutel importeren: Sleutelbestand').setInputFiles(node.keyFile(keyName));
  await expect.poll(() => text(page.getByTestId('wallet-key'))).toContain(key(keyName).publicKey);
}

/** A scheme made by the municipality's back office: created, funded and active. */
async function activeFund(body: Parameters<KetenboekClient['budgets']['createFund']>[1]): Promise<void> {
  const sponsor = key(SPONSOR);
  await api.budgets.createFund(sponsor, body);
  await api.budgets.topUpFund(sponsor, { fundId: body.fundId, amountCents: '1000000' });
  await api.budgets.activateFund(sponsor, { fundId: body.fundId });
}

async function acceptedProvider(fundId: string, provider: string, categories?: string[]): Promise<void> {
  await api.budgets.applyToFund(key(provider), { fundId });
  await api.budgets.decideProvider(key(SPONSOR), {
    fundId,
    provider: key(provider).oin!,
    decision: 'accepted',
    ...(categories ? { categories } : {}),
  });
}

describe.skipIf(SKIP_BROWSER_TESTS)('budget schemes in the browser', () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    node = await startTestNode();
    api = new KetenboekClient({ baseUrl: node.url });
    browser = await launchBrowser();
    sponsorPage = await browser.newPage('sponsor');
    residentPage = await browser.newPage('resident');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await node?.stop();
  });

  it('eligibility: the resident asks, the municipality decides, the resident sees the outcome', {
    timeout: 240_000,
  }, async () => {
    const fundId = 'meedoen-testdorp';
    await activeFund({
      fundId,
      name: 'Meedoenregeling Testdorp (demo)',
      categories: ['sport', 'culture'],
      startDate: `${YEAR}-01-01`,
      endDate: `${YEAR}-12-31`,
      amount: { kind: 'fixed', cents: '10000' },
      criteria: [{ record: 'income_level', operator: '<', value: '1000' }],
      validators: [key(SPONSOR).oin!],
    });

    // The resident makes a key and asks, with a note that stays in the browser.
    const resident = residentPage;
    await resident.goto(`${node.url}/portemonnee`);
    await resident.getByTestId('create-key').click();
    await resident.getByTestId('wallet-key').waitFor();
    const holder = (await resident.getByTestId('wallet-key').locator('.kb-visually-hidden').textContent())!;
    const form = resident.getByTestId('eligibility-form');
    await form.getByLabel('Regeling').selectOption(fundId);
    await form
      .getByLabel('Toelichting bij uw aanvraag (optioneel)')
      .fill('Nepnotitie: inkomen onder de grens');
    await form.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await resident.getByTestId('eligibility-sent').waitFor();
    expect(await text(resident.getByTestId('eligibility-sent'))).toContain('Vingerafdruk van uw bewijs');
    await capture(resident, 'schemes-01-wallet-request-sent');

    // On the ledger: a pending request by this key, and a tx body with nothing but ids.
    const [first] = (await api.budgets.eligibilityRequests(fundId)).items;
    expect(first).toMatchObject({ requester: holder, state: 'pending' });
    const requestTx = (await api.txsOf(holder)).items.find((x) => x.type === 'budgets.request_eligibility')!;
    expect(Object.keys((await api.tx(requestTx.hash)).tx!.body as object).sort()).toEqual([
      'fundId',
      'requestId',
    ]);

    // The municipality declines the first request in its portal; the resident sees why.
    await sponsorPage.goto(`${node.url}/gemeente/regelingen/${fundId}`);
    await signInAsOrganisation(sponsorPage, SPONSOR);
    const requests = sponsorPage.getByRole('region', { name: 'Aanvragen', exact: true });
    const row = requests.getByRole('row').filter({ hasText: first!.id });
    await row.waitFor();
    await capture(sponsorPage, 'schemes-02-sponsor-requests');
    await row.getByRole('button', { name: 'Afwijzen' }).click();
    await row.waitFor({ state: 'detached' });
    const outcome = resident.getByTestId('my-eligibility-requests').getByTestId('eligibility-outcome');
    await expect
      .poll(() => text(outcome))
      .toBe(`Afgewezen door ${SPONSOR_NAME}: niet voldaan aan income_level < 1000.`);
    expect((await api.budgets.eligibilityRequest(first!.id)).state).toBe('declined');

    // A new request is approved: the pass appears in the wallet with its balance.
    await form.getByRole('button', { name: 'Aanvraag indienen' }).click();
    await expect
      .poll(async () => (await api.budgets.eligibilityRequests(fundId, 'pending')).items.length)
      .toBe(1);
    const [second] = (await api.budgets.eligibilityRequests(fundId, 'pending')).items;
    await sponsorPage.reload();
    await requests
      .getByRole('row')
      .filter({ hasText: second!.id })
      .getByRole('button', { name: 'Toekennen' })
      .click();
    const card = resident.getByTestId(`voucher-${second!.id}`);
    await card.waitFor();
    await expect.poll(() => text(card.getByTestId('voucher-balance'))).toBe('€ 100,00');
    await expect
      .poll(async () =>
        (await text(resident.getByTestId('my-eligibility-requests'))).includes('Toegekend door'),
      )
      .toBe(true);
    await capture(resident, 'schemes-03-wallet-request-approved');
    expect(await api.budgets.eligibilityRequest(second!.id)).toMatchObject({
      state: 'approved',
      decision: { voucherId: second!.id, validator: key(SPONSOR).oin },
    });
    expect(await api.budgets.voucher(second!.id)).toMatchObject({
      holder,
      balanceCents: '10000',
      kind: 'budget',
    });
  });

  it('subsidy offers show both parts; a product voucher is reserved and redeemed', {
    timeout: 240_000,
  }, async () => {
    const fundId = 'sportpas-testdorp';
    const voucherId = 'sportpas-testdorp-0001';
    await activeFund({
      fundId,
      name: 'Sportpas Testdorp (demo)',
      categories: ['sport'],
      startDate: `${YEAR}-01-01`,
      endDate: `${YEAR}-12-31`,
      amount: { kind: 'fixed', cents: '10000' },
    });
    await acceptedProvider(fundId, SPORT);
    await importResident(residentPage, 'bewoner-1');
    await api.budgets.issueVoucher(key(SPONSOR), { voucherId, fundId, holder: key('bewoner-1').publicKey });

    // The provider offers a swimming lesson: € 40, of which the municipality pays € 30.
    const provider = await browser.newPage('provider');
    await provider.goto(`${node.url}/aanbieder/aanbod`);
    await signInAsOrganisation(provider, SPORT);
    const form = provider.getByTestId('new-offer-form');
    await form.getByLabel('Omschrijving').fill('Zwemles proefles (test)');
    await form.getByLabel('Bedrag (euro)').fill('40');
    await form.getByLabel('Betaalwijze').selectOption('subsidy');
    await form.getByLabel('Deel gemeente (euro)').fill('30');
    expect(await text(form.getByTestId('offer-parts-preview'))).toBe(
      'Gemeente betaalt € 30,00; de inwoner betaalt € 10,00 aan de kassa.',
    );
    await form.getByRole('button', { name: 'Aanbod plaatsen' }).click();
    const subsidyRow = provider
      .getByTestId('provider-offers')
      .getByRole('row')
      .filter({ hasText: 'Zwemles' });
    await subsidyRow.waitFor();
    expect(await text(subsidyRow)).toContain('€ 40,00');
    expect(await text(subsidyRow)).toContain('€ 30,00');
    expect(await text(subsidyRow)).toContain('€ 10,00');
    expect(await text(subsidyRow)).toContain('Wacht op goedkeuring');
    // And a budget offer, paid in full from the pass, to reserve as a product voucher.
    await form.getByLabel('Omschrijving').fill('Zwembadkaart (test)');
    await form.getByLabel('Bedrag (euro)').fill('25');
    await form.getByLabel('Betaalwijze').selectOption('budget');
    await form.getByRole('button', { name: 'Aanbod plaatsen' }).click();
    await provider
      .getByTestId('provider-offers')
      .getByRole('row')
      .filter({ hasText: 'Zwembadkaart' })
      .waitFor();
    await capture(provider, 'schemes-04-provider-offers');
    const offers = (await api.budgets.offers({ fundId })).items;
    const lesson = offers.find((o) => o.title === 'Zwemles proefles (test)')!;
    const card = offers.find((o) => o.title === 'Zwembadkaart (test)')!;
    expect(lesson).toMatchObject({
      paymentType: 'subsidy',
      priceCents: '4000',
      sponsorPartCents: '3000',
      residentPartCents: '1000',
      state: 'pending',
    });

    // The municipality approves the discount in its portal.
    await sponsorPage.goto(`${node.url}/gemeente/regelingen/${fundId}`);
    await sponsorPage.getByRole('button', { name: 'Korting goedkeuren' }).click();
    await expect.poll(async () => (await api.budgets.offer(lesson.id)).state).toBe('approved');

    // The provider charges the lesson: both parts are shown before and after.
    await provider.goto(`${node.url}/aanbieder`);
    await provider.getByLabel('Pascode').fill(voucherId);
    await provider.getByRole('button', { name: 'Pas opzoeken' }).click();
    await provider.getByTestId('charge-form').getByLabel('Wat rekent u af?').selectOption(lesson.id);
    expect(await text(provider.getByTestId('charge-parts-sponsor'))).toBe('€ 30,00');
    expect(await text(provider.getByTestId('charge-parts-resident'))).toBe('€ 10,00');
    await provider.getByRole('button', { name: 'Betaalverzoek versturen' }).click();
    const request = residentPage.getByTestId('payment-request');
    await request.waitFor({ timeout: 30_000 });
    expect(await text(request.getByTestId('payment-request-subsidy'))).toBe(
      'Zwemles proefles (test): de gemeente betaalt € 30,00, u betaalt zelf € 10,00 aan de kassa.',
    );
    await capture(residentPage, 'schemes-05-wallet-subsidy-request');
    await request.getByRole('button', { name: 'Betaling bevestigen' }).click();
    await provider.getByTestId('charge-paid').waitFor();
    expect(await text(provider.getByTestId('paid-parts-sponsor'))).toBe('€ 30,00');
    expect(await text(provider.getByTestId('paid-parts-resident'))).toBe('€ 10,00');
    await capture(provider, 'schemes-06-provider-subsidy-paid');
    const [subsidyPayment] = (await api.budgets.payments({ voucherId })).items;
    expect(subsidyPayment).toMatchObject({ kind: 'subsidy', amountCents: '3000', residentPartCents: '1000' });
    // The sponsor part came from the fund: the pass only proved eligibility.
    expect((await api.budgets.voucher(voucherId)).balanceCents).toBe('10000');
    expect((await api.budgets.fund(fundId)).totals.paid).toBe('3000');

    // The resident reserves the pool card: a product voucher, shown apart from the pass.
    await residentPage.getByRole('button', { name: 'Reserveren: Zwembadkaart (test)' }).click();
    await residentPage.getByTestId('reserve-done').waitFor();
    const product = (await api.budgets.vouchers({ holder: key('bewoner-1').publicKey })).items.find(
      (v) => v.kind === 'product',
    )!;
    expect(product).toMatchObject({ offerId: card.id, parentVoucherId: voucherId, amountCents: '2500' });
    const productCard = residentPage.getByTestId(`product-voucher-${product.id}`);
    await productCard.waitFor();
    expect(await text(productCard)).toContain('Productbon');
    await expect
      .poll(() => text(residentPage.getByTestId(`voucher-${voucherId}`).getByTestId('voucher-balance')))
      .toBe('€ 75,00');
    await capture(residentPage, 'schemes-07-wallet-product-voucher');

    // The provider redeems it by its code.
    await provider.getByRole('button', { name: 'Nieuwe betaling' }).click();
    await provider.getByLabel('Pascode').fill(product.id);
    await provider.getByRole('button', { name: 'Pas opzoeken' }).click();
    await provider.getByRole('button', { name: 'Productbon inwisselen' }).click();
    expect(await text(provider.getByTestId('product-voucher-redeemed'))).toContain('€ 25,00');
    await capture(provider, 'schemes-08-provider-redeemed');
    expect((await api.budgets.voucher(product.id)).state).toBe('used');
    const redeemed = (await api.budgets.payments({ voucherId: product.id })).items;
    expect(redeemed).toMatchObject([{ kind: 'product', amountCents: '2500', offerId: card.id }]);
  });

  it('care budget: contract, declaration, approval, payment and monthly statement', {
    timeout: 240_000,
  }, async () => {
    const fundId = 'pgb-testdorp';
    const voucherId = 'pgb-testdorp-0001';
    await activeFund({
      fundId,
      name: 'Zorgbudget Testdorp (demo)',
      kind: 'care',
      categories: ['home_care'],
      startDate: `${YEAR}-01-01`,
      endDate: `${YEAR}-12-31`,
      amount: { kind: 'custom', minCents: '100000', maxCents: '5000000' },
    });
    await acceptedProvider(fundId, CARE, ['home_care']);
    await importResident(residentPage, 'bewoner-2');
    await api.budgets.issueVoucher(key(SPONSOR), {
      voucherId,
      fundId,
      holder: key('bewoner-2').publicKey,
      amountCents: '300000',
    });

    // The holder proposes a contract: home care at € 42,50 an hour, at most 40 hours a month.
    const budget = residentPage.getByTestId(`care-budget-${voucherId}`);
    await budget.waitFor();
    expect(await text(budget.getByTestId('care-balance'))).toBe('€ 3.000,00');
    await budget.getByText('Nieuwe zorgovereenkomst voorstellen').click();
    const contractForm = budget.getByTestId('care-contract-form');
    await contractForm.getByLabel('Afgesproken tarief per eenheid (euro)').fill('42,50');
    await contractForm.getByLabel('Maximum aantal eenheden per maand').fill('40');
    await contractForm.getByRole('button', { name: 'Overeenkomst voorstellen' }).click();
    await budget.getByTestId('care-contract-proposed').waitFor();
    await expect.poll(() => text(budget.getByTestId('care-contracts'))).toContain('Voorgesteld');
    await capture(residentPage, 'schemes-09-wallet-care-contract');
    const [contract] = (await api.budgets.careBudget(voucherId)).contracts;
    expect(contract).toMatchObject({ provider: key(CARE).oin, rateCents: '4250', maxUnitsPerMonth: 40 });

    // The provider signs it and declares 10 hours for this month.
    const provider = await browser.newPage('care-provider');
    await provider.goto(`${node.url}/aanbieder/zorg`);
    await signInAsOrganisation(provider, CARE);
    const card = provider.getByTestId(`care-contract-${contract!.id}`);
    await card.getByRole('button', { name: 'Overeenkomst ondertekenen' }).click();
    const declare = card.getByTestId('declare-care-form');
    await declare.getByLabel('Geleverd (aantal × uur)').fill('10');
    await declare.getByRole('button', { name: 'Zorg declareren' }).click();
    expect(await text(card.getByTestId('care-declared'))).toBe(
      'Gedeclareerd: € 425,00. De budgethouder beoordeelt de declaratie.',
    );
    await capture(provider, 'schemes-10-provider-care-declared');
    expect((await api.budgets.careContract(contract!.id)).state).toBe('active');

    // The holder approves: the provider is paid from the budget.
    const open = budget.getByTestId('care-declaration-open');
    await open.waitFor({ timeout: 30_000 });
    expect(await text(open)).toContain('10 × uur');
    expect(await text(open)).toContain('€ 425,00');
    await open.getByRole('button', { name: 'Goedkeuren en betalen' }).click();
    await budget.getByTestId('care-approved').waitFor();
    await expect.poll(() => text(budget.getByTestId('care-balance'))).toBe('€ 2.575,00');
    await expect.poll(() => text(budget.getByTestId('care-statement-paid'))).toBe('€ 425,00');
    // The budget granted this month is on the statement, so start + granted − paid = end adds up.
    expect(await text(budget.getByTestId('care-statement-totals'))).toContain('€ 3.000,00');
    expect(await text(budget.getByTestId('care-statement-closing'))).toBe('€ 2.575,00');
    await capture(residentPage, 'schemes-11-wallet-care-statement');

    const [declaration] = (await api.budgets.careContract(contract!.id)).declarations;
    expect(declaration).toMatchObject({ state: 'approved', units: 10, amountCents: '42500' });
    expect(await api.budgets.payment(declaration!.paymentId!)).toMatchObject({
      kind: 'care',
      amountCents: '42500',
      provider: key(CARE).oin,
    });
    const statement = await api.budgets.careStatement(voucherId, MONTH);
    expect(statement.budgets[0]).toMatchObject({
      openingCents: '0',
      allocatedCents: '300000',
      carePaidCents: '42500',
      closingCents: '257500',
    });

    // The provider sees its declaration paid.
    await expect
      .poll(() => text(card.getByTestId('provider-care-declarations')))
      .toContain('Goedgekeurd en betaald');
    await capture(provider, 'schemes-12-provider-care-paid');
  });

  it('had no page errors and no serious accessibility violations on any captured page', () => {
    expect(Object.keys(a11y).length).toBeGreaterThan(0);
    expect(browser.problems).toEqual([]);
    expect(Object.entries(a11y).filter(([, v]) => v.length > 0)).toEqual([]);
  });
});
