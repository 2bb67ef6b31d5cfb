// The whole city-pass flow in a real browser (Debian's Chromium through playwright-core), against
// a node of its own serving the built web app: the municipality creates a scheme and accepts a
// provider, a resident claims a pass, the provider charges it (a refused charge shows its reason in
// plain Dutch), the explorer shows the payment live, and its receipt verifies in the browser.
// Every page is screenshotted to test-output/screenshots/ and checked with axe-core.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  SKIP_BROWSER_TESTS,
  screenshot,
  seriousA11yViolations,
  type TestBrowser,
} from './support/browser.ts';
import { startTestNode, type TestNode } from './support/test-node.ts';
import { ensureWebBuilt } from './support/web-build.ts';

const FUND_NAME = 'Stadspas Testdorp';
const SPONSOR = 'gemeente-voorbeeldstad';
const PROVIDER = 'sportclub-de-testers';
const PROVIDER_NAME = 'Sportclub De Testers (demo)';

let node: TestNode;
let browser: TestBrowser;
const a11y: Record<string, string[]> = {};

/** Screenshot plus axe-core for one page state. */
async function capture(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => {});
  await screenshot(page, name);
  a11y[name] = await seriousA11yViolations(page);
}

/** Visible text with Intl's non-breaking spaces ("€\u00a025,00") made plain. */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The demo role switcher: import an organisation's key file (demo only). */
async function signInAsOrganisation(page: Page, keyName: string): Promise<void> {
  await page.locator('input[name="org-key-file"]').setInputFiles(node.keyFile(keyName));
  await page.getByTestId('signed-in-org').waitFor();
}

describe.skipIf(SKIP_BROWSER_TESTS)('city pass in the browser', () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    node = await startTestNode();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await node?.stop();
  });

  it('runs from a new scheme to a verified payment receipt', { timeout: 300_000 }, async () => {
    const base = node.url;
    const sponsor = await browser.newPage('sponsor');
    const provider = await browser.newPage('provider');
    const resident = await browser.newPage('resident');
    const explorer = await browser.newPage('explorer');

    // Public pages first: home and the organisations with their roles.
    await explorer.goto(`${base}/`);
    await capture(explorer, '01-home');
    await explorer.goto(`${base}/verkenner/organisaties`);
    await explorer.getByRole('cell', { name: PROVIDER_NAME }).waitFor();
    await capture(explorer, '02-organisations');

    // The municipality signs in (demo key import) and creates a scheme with a per-payment limit.
    await sponsor.goto(`${base}/gemeente`);
    await capture(sponsor, '04-sponsor-sign-in');
    await signInAsOrganisation(sponsor, SPONSOR);
    const form = sponsor.getByTestId('create-fund-form');
    await form.getByLabel('Code van de regeling').fill('stadspas-testdorp');
    await form.getByLabel('Naam', { exact: true }).fill(FUND_NAME);
    await form.getByLabel('Tegoed per pas (euro)').fill('150');
    await form.getByLabel('Maximum per betaling (euro, optioneel)').fill('50');
    await form.getByLabel('Startbudget van de regeling (euro)').fill('1000');
    await form.getByRole('button', { name: 'Regeling aanmaken' }).click();
    await sponsor.getByTestId('fund-created').waitFor({ timeout: 60_000 });
    await sponsor.getByTestId('sponsor-funds').getByRole('link', { name: FUND_NAME }).waitFor();
    await capture(sponsor, '05-sponsor-funds');

    // A register lookup is proven in the browser, even when the answer is "no such record" (asked
    // now because a proof needs a committed block).
    await explorer.goto(`${base}/registers`);
    await explorer.getByLabel('Kenmerk', { exact: true }).fill('vergunning-bestaat-niet');
    await explorer.getByRole('button', { name: 'Controleren', exact: true }).click();
    await explorer.getByTestId('verdict-valid').waitFor();
    await explorer.getByText('Er is geen registratie gevonden.').waitFor();
    await capture(explorer, '03-registers');

    // The provider applies to the scheme.
    await provider.goto(`${base}/aanbieder/regelingen`);
    await signInAsOrganisation(provider, PROVIDER);
    await provider.getByRole('button', { name: `Aanmelden: ${FUND_NAME}` }).click();
    await provider.getByTestId('provider-funds').getByText('Wacht op besluit').waitFor();
    await capture(provider, '06-provider-funds');

    // The municipality accepts the provider and issues a pass with an activation code.
    await sponsor.getByRole('link', { name: FUND_NAME }).click();
    await sponsor.getByRole('button', { name: `Toelaten: ${PROVIDER_NAME}` }).click();
    await sponsor.getByTestId('fund-providers').getByText('Toegelaten', { exact: true }).waitFor();
    await sponsor.getByTestId('issue-voucher-form').getByRole('button', { name: 'Pas uitgeven' }).click();
    const code = await text(sponsor.getByTestId('activation-code'));
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await capture(sponsor, '07-sponsor-fund-admin');

    // The resident makes a key in the browser and claims the pass with the code.
    await resident.goto(`${base}/portemonnee`);
    await resident.getByTestId('create-key').click();
    await resident.getByTestId('wallet-key').waitFor();
    await resident.getByLabel('Activeringscode').fill(code);
    await resident.getByRole('button', { name: 'Pas activeren' }).click();
    await resident.getByTestId('claim-done').waitFor();
    await expect.poll(() => text(resident.getByTestId('voucher-balance'))).toBe('€ 150,00');
    const voucherId = await text(resident.getByTestId('voucher-code'));
    expect(await resident.locator('svg.kb-qr').getAttribute('data-qr-text')).toBe(
      `ketenboek:pas:${voucherId}`,
    );
    await capture(resident, '08-wallet-pass');

    // The explorer is open while the provider charges: it must show the payment live.
    await explorer.goto(`${base}/verkenner`);
    await explorer.getByText('Live verbonden').waitFor();

    // A charge above the scheme's limit per payment is refused, with the reason in plain Dutch.
    await provider.goto(`${base}/aanbieder`);
    await provider.getByLabel('Pascode').fill(voucherId);
    await provider.getByRole('button', { name: 'Pas opzoeken' }).click();
    await provider.getByTestId('charge-form').waitFor();
    await provider.getByLabel('Bedrag (euro)').fill('60');
    await provider.getByRole('button', { name: 'Betaalverzoek versturen' }).click();
    const reason = provider.getByTestId('charge-error-reason');
    await reason.waitFor();
    expect(await text(reason)).toBe(
      'Dit bedrag is te hoog: per betaling mag maximaal € 50,00 van deze regeling worden betaald (dit was € 60,00).',
    );
    await capture(provider, '09-provider-refused-charge');

    // An allowed charge: the provider sends a payment request, the resident confirms it.
    await provider.getByLabel('Bedrag (euro)').fill('25');
    await provider.getByRole('button', { name: 'Betaalverzoek versturen' }).click();
    await provider.getByTestId('payment-request-status').waitFor();
    await capture(provider, '10-provider-waiting');
    const request = resident.getByTestId('payment-request');
    await request.waitFor({ timeout: 30_000 });
    expect(await text(request)).toContain('vraagt € 25,00');
    await capture(resident, '11-wallet-payment-request');
    await request.getByRole('button', { name: 'Betaling bevestigen' }).click();
    await resident.getByTestId('payment-confirmed').waitFor();
    await expect.poll(() => text(resident.getByTestId('voucher-balance'))).toBe('€ 125,00');
    await provider.getByTestId('charge-paid').waitFor();
    await capture(provider, '12-provider-paid');

    // The explorer showed the payment live, without a reload. (The refused charge never reached
    // the ledger: the node refuses it when checking, before it is put in a block.)
    const paymentRow = explorer
      .getByTestId('live-txs')
      .getByRole('row')
      .filter({ hasText: 'Betaling bevestigd' });
    await paymentRow.waitFor();
    expect(await text(paymentRow)).toContain('€ 25,00');
    expect(await text(paymentRow)).toContain(PROVIDER_NAME);
    await capture(explorer, '13-explorer-live');

    // The payment's receipt verifies in the browser.
    await paymentRow.getByRole('link').first().click();
    await explorer.getByTestId('tx-details').waitFor();
    expect(await text(explorer.getByTestId('tx-amount'))).toBe('€ 25,00');
    await explorer.getByTestId('verify-receipt').click();
    await explorer.getByTestId('verdict-valid').waitFor();
    const txHash = explorer.url().split('/').pop()!;
    await capture(explorer, '14-explorer-receipt-valid');

    // A tampered receipt (amount changed) is invalid.
    const receipt = await explorer.evaluate(
      async (hash) => (await (await fetch(`/v1/transactions/${hash}`)).json()).receipt,
      txHash,
    );
    receipt.result.amount = '2500000';
    await explorer.goto(`${base}/verkenner/controleren`);
    await explorer.getByLabel('Of plak het bewijs').fill(JSON.stringify(receipt));
    await explorer.getByRole('button', { name: 'Controleer' }).click();
    await explorer.getByTestId('verdict-invalid').waitFor();
    await capture(explorer, '15-explorer-receipt-tampered');

    // The municipality's dashboard counts the payment per category.
    await sponsor.reload();
    await expect.poll(() => text(sponsor.getByTestId('chart-category'))).toContain('€ 25,00');
    await capture(sponsor, '16-sponsor-dashboard');

    // The provider's earnings; and the explorer in English.
    await provider.goto(`${base}/aanbieder/opbrengsten`);
    await expect.poll(() => text(provider.getByTestId('provider-payments'))).toContain('€ 25,00');
    await capture(provider, '17-provider-earnings');
    await explorer.goto(`${base}/verkenner`);
    await explorer.getByRole('button', { name: 'English' }).click();
    await explorer.getByRole('heading', { name: 'Explorer', level: 1 }).waitFor();
    await capture(explorer, '18-explorer-english');

    expect(browser.problems).toEqual([]);
    expect(Object.entries(a11y).filter(([, v]) => v.length > 0)).toEqual([]);
  });
});
