// A participatory budget in the browser: the municipality (organiser and registrar) creates a
// vote and publishes its blind-signing key; a resident's browser makes a blinded token request,
// the registrar signs it blind, the resident unblinds it, casts a sealed ballot from a fresh key,
// reveals it after voting closes and sees it in the list of counted ballots.
import type { Page } from 'playwright-core';
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

const ELECTION = 'buurtbudget-testwijk';
let node: TestNode;
let browser: TestBrowser;
const a11y: Record<string, string[]> = {};

async function capture(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => {});
  await screenshot(page, name);
  a11y[name] = await seriousA11yViolations(page);
}

describe.skipIf(SKIP_BROWSER_TESTS)('participatory budget in the browser', () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    node = await startTestNode();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await node?.stop();
  });

  it('counts a ballot whose token was made and unblinded in the browser', { timeout: 300_000 }, async () => {
    const base = node.url;
    const municipality = await browser.newPage('municipality');
    const resident = await browser.newPage('resident');

    // The organiser creates a short vote; it is also the registrar and publishes its key.
    await municipality.goto(`${base}/stemmen/nieuw`);
    await municipality
      .locator('input[name="org-key-file"]')
      .setInputFiles(node.keyFile('gemeente-voorbeeldstad'));
    await municipality.getByLabel('Code van de stemming').fill(ELECTION);
    await municipality.getByLabel('Stemmen sluit over (minuten)').fill('1,5');
    await municipality.getByRole('button', { name: 'Stemming aanmaken' }).click();
    await municipality.getByRole('button', { name: 'Sleutel maken en publiceren' }).click();
    await municipality.getByText('De privésleutel staat in dit tabblad (demo).').waitFor({ timeout: 60_000 });
    const closesAt = Date.now() + 90_000;

    // The resident asks for a token: only the blinded request leaves the browser.
    await resident.goto(`${base}/stemmen/${ELECTION}`);
    await resident.getByRole('button', { name: 'Stembewijs aanvragen' }).click();
    const blinded = await resident.locator('textarea[name="blindedMessage"]').inputValue();
    expect(blinded).toMatch(/^[0-9a-f]{512}$/);
    await capture(resident, '21-vote-token-request');

    // The registrar signs it blind and records the issued token.
    await municipality.locator('textarea[name="blinded"]').fill(blinded);
    await municipality.getByRole('button', { name: 'Stembewijs ondertekenen' }).click();
    const signature = await municipality.locator('textarea[name="signature"]').inputValue();
    await municipality.getByRole('button', { name: /Uitgegeven stembewijzen vastleggen/ }).click();
    await capture(municipality, '22-vote-registrar-desk');

    // The resident unblinds the signature, chooses and casts a sealed ballot.
    await resident.locator('textarea[name="blindSignature"]').fill(signature);
    await resident.getByRole('button', { name: 'Stembewijs afmaken' }).click();
    await resident.getByLabel(/^Speeltuin/).check();
    await resident.getByLabel(/^Bankjes in het park/).check();
    await resident.getByRole('button', { name: 'Stem uitbrengen' }).click();
    await resident.getByTestId('ballot-received').waitFor();
    await capture(resident, '23-vote-ballot-sealed');

    // After voting closes the resident reveals the ballot and finds it among the counted ones.
    await new Promise((r) => setTimeout(r, Math.max(0, closesAt - Date.now() + 3_000)));
    const reveal = resident.getByRole('button', { name: 'Mijn stem openen voor de telling' });
    await expect
      .poll(
        async () => {
          await resident.reload();
          return reveal.isVisible();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(true);
    await reveal.click();
    await resident.getByText('Uw stem is meegeteld').waitFor({ timeout: 30_000 });
    await capture(resident, '24-vote-counted');

    expect(browser.problems).toEqual([]);
    expect(Object.entries(a11y).filter(([, v]) => v.length > 0)).toEqual([]);
  });
});
