// Chain partners working one case together in real browsers (Debian's Chromium through
// playwright-core), against a node of its own serving the built web app. The municipality opens a
// Wmo case from a published process (a BSN typed as the reference is refused, in plain Dutch),
// tries to move on too early (refused, with the reason), records its part and invites the care
// provider. The care provider sees the case in its overview as waiting on it and gives its
// statement; the municipality's open case page shows that step live. The municipality disputes the
// statement, the care provider sees the dispute and answers it. UI and ledger state are both checked.
// Every page is screenshotted to test-output/screenshots/ and checked with axe-core.
import { createHash } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView, PartnerCasesPage, TimelineEntry } from '../../src/client/modules/cases.ts';
import { fakeOin } from '../../src/node/genesis-builder.ts';
import {
  launchBrowser,
  SKIP_BROWSER_TESTS,
  screenshot,
  seriousA11yViolations,
  type TestBrowser,
} from './support/browser.ts';
import { publishDemoProcesses } from './support/publish-processes.ts';
import { startTestNode, type TestNode } from './support/test-node.ts';
import { ensureWebBuilt } from './support/web-build.ts';

const MUNICIPALITY = 'gemeente-voorbeeldstad';
const CARE = 'zorg-demo';
const CARE_NAME = 'Zorgaanbieder Demo BV (demo)';
const CARE_OIN = fakeOin(5);
const MUNICIPALITY_OIN = fakeOin(1);
/** A made-up BSN that passes the 11-proef: exactly what must never reach the ledger. */
const FAKE_BSN = '111222333';
/** A salted reference of a made-up file number, as the municipality's own system would make it. */
const REFERENCE = createHash('sha256').update('demo salt|dossier wmo-test-1').digest('hex');
const REPORT_HASH = createHash('sha256').update('demo salt|gespreksverslag wmo-test-1').digest('hex');

let node: TestNode;
let browser: TestBrowser;
const a11y: Record<string, string[]> = {};

async function capture(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => {});
  await screenshot(page, name);
  a11y[name] = await seriousA11yViolations(page);
}

async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Visible text with table cells and list items kept apart (innerText separates them). */
async function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText, wanted for its separators
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${node.url}/v1${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

async function signInAsOrganisation(page: Page, keyName: string): Promise<void> {
  await page.locator('input[name="org-key-file"]').setInputFiles(node.keyFile(keyName));
  await page.getByTestId('signed-in-org').waitFor();
}

/** Waits until the page follows the events stream, so a later tx cannot be missed. */
async function waitLive(page: Page): Promise<void> {
  await page.locator('[data-testid="live-status"][data-live="true"]').waitFor();
}

describe.skipIf(SKIP_BROWSER_TESTS)('chain partners working a case in the browser', () => {
  beforeAll(async () => {
    await ensureWebBuilt();
    node = await startTestNode();
    await publishDemoProcesses(node);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await node?.stop();
  });

  it('opens, invites, attests live, disputes and answers', { timeout: 300_000 }, async () => {
    const base = node.url;
    const gemeente = await browser.newPage('municipality');
    const zorg = await browser.newPage('care-provider');

    // The municipality opens a Wmo case. A BSN typed as the reference is refused before it can
    // reach a block, with the reason in plain Dutch.
    await gemeente.goto(`${base}/zaken/nieuw`);
    await signInAsOrganisation(gemeente, MUNICIPALITY);
    const form = gemeente.getByTestId('new-case-form');
    await form.getByLabel('Proces').selectOption({ label: 'Wmo-aanvraag maatwerkvoorziening' });
    await form.getByLabel('De inwoner aanduiden met').selectOption('reference');
    await form.getByLabel('Gezouten kenmerk (64 tekens)').fill(FAKE_BSN);
    await form.getByRole('button', { name: 'Zaak openen' }).click();
    const bsnReason = gemeente.getByTestId('open-case-error-reason');
    await bsnReason.waitFor();
    expect(await text(bsnReason)).toMatch(/^Dit lijkt op een BSN\. Een BSN mag nooit in het grootboek komen/);
    expect(await text(gemeente.getByTestId('open-case-error-code'))).toBe('tx.invalid_body');
    expect((await api<{ items: unknown[] }>('/cases')).items).toEqual([]);
    await capture(gemeente, 'cases-01-bsn-refused');

    await form.getByLabel('Gezouten kenmerk (64 tekens)').fill(REFERENCE);
    await form.getByRole('button', { name: 'Zaak openen' }).click();
    await gemeente.waitForURL(`${base}/zaken/1`);
    await gemeente.getByTestId('case-facts').getByText('Onderzoek na melding').waitFor();
    await gemeente.getByTestId('case-timeline').getByRole('cell', { name: 'Zaak geopend' }).waitFor();
    const opened = await api<CaseView>('/cases/1');
    expect(opened.subject).toEqual({ kind: 'reference', hash: REFERENCE });
    expect(opened.opener).toBe(MUNICIPALITY_OIN);

    // Moving on before the step is complete is refused, and the page says why.
    await waitLive(gemeente);
    await gemeente.getByRole('button', { name: 'Naar: Aanvraag en beschikking' }).click();
    const early = gemeente.getByTestId('advance-error-reason');
    await early.waitFor();
    expect(await text(early)).toBe(
      'Deze stap is nog niet compleet: er ontbreken nog verklaringen of gegevens. Bij "Wacht op" staat wie nog aan zet is.',
    );
    expect(await text(gemeente.getByTestId('advance-error-code'))).toBe('cases.requirements_missing');
    await capture(gemeente, 'cases-02-advance-refused');

    // The municipality records its part of the investigation and invites the care provider.
    const invite = gemeente.getByTestId('invite-form');
    await invite.getByLabel('Rol in de zaak').selectOption({ label: 'zorgaanbieder' });
    await invite.getByLabel('Organisatie').selectOption({ label: CARE_NAME });
    await invite.getByRole('button', { name: 'Uitnodigen' }).click();
    await gemeente.getByTestId('invite-done').waitFor();
    const field = gemeente.getByTestId('set-field-form');
    await field.getByLabel('Gegeven').selectOption({ label: 'kenmerk onderzoeksverslag' });
    await field.getByLabel('Waarde').fill(REPORT_HASH);
    await field.getByRole('button', { name: 'Gegeven vastleggen' }).click();
    await gemeente.getByTestId('set-field-done').waitFor();
    const attest = gemeente.getByTestId('attest-form');
    await attest.getByLabel('Verklaring', { exact: true }).selectOption('assessment_done');
    await attest.getByRole('button', { name: 'Verklaring afgeven' }).click();
    await gemeente.getByTestId('attest-done').waitFor();
    await gemeente.getByRole('button', { name: 'Naar: Aanvraag en beschikking' }).click();
    await gemeente.getByTestId('case-facts').getByText('Aanvraag en beschikking').waitFor();
    await capture(gemeente, 'cases-03-municipality-case');

    // The care provider's overview: the case waits on it, for its care offer.
    await zorg.goto(`${base}/zaken`);
    await signInAsOrganisation(zorg, CARE);
    const waiting = zorg.getByTestId('waiting-1');
    await waiting.waitFor();
    expect(await visibleText(waiting)).toContain(`U bent aan zet ${CARE_NAME}: verklaring zorgaanbod gedaan`);
    const overview = await api<PartnerCasesPage>(`/partners/${CARE_OIN}/cases`);
    expect(overview.cases.map((c) => [c.id, c.step])).toEqual([['1', 'decision']]);
    expect(overview.cases[0]!.waitingOnYou).toEqual([
      { oin: CARE_OIN, role: 'care_provider', reason: 'attestation', item: 'care_offer_made' },
    ]);
    // The filter "our turn" keeps it; the overview is live too.
    await zorg.getByLabel('Alleen zaken waarin wij aan zet zijn').check();
    expect(await text(zorg.getByTestId('cases-count'))).toBe('1 van 1 open zaken');
    await waitLive(zorg);
    await capture(zorg, 'cases-04-care-overview');

    // The care provider gives its statement in its browser; the municipality's case page, open all
    // along, shows the step live (the marker proves the page was not reloaded).
    await gemeente.evaluate(() => {
      (globalThis as { notReloaded?: boolean }).notReloaded = true;
    });
    await waitLive(gemeente);
    await zorg.getByRole('link', { name: 'Zaak 1: Wmo-aanvraag maatwerkvoorziening' }).click();
    await zorg.waitForURL(`${base}/zaken/1`);
    const careAttest = zorg.getByTestId('attest-form');
    expect(await careAttest.getByLabel('Verklaring', { exact: true }).inputValue()).toBe('care_offer_made');
    await careAttest.getByRole('button', { name: 'Verklaring afgeven' }).click();
    await zorg.getByTestId('attest-done').waitFor();
    await capture(zorg, 'cases-05-care-attested');

    const liveRow = gemeente
      .getByTestId('case-timeline')
      .getByRole('row')
      .filter({ hasText: 'zorgaanbod gedaan' });
    await liveRow.waitFor();
    expect(await visibleText(liveRow)).toContain(`${CARE_NAME} Verklaring afgegeven zorgaanbod gedaan`);
    expect(await gemeente.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(true);
    const timeline = await api<{ items: TimelineEntry[] }>('/cases/1/timeline');
    const step = timeline.items.find((e) => e.action === 'attested' && e.by === CARE_OIN)!;
    expect(step.details).toEqual({ attestation: 'care_offer_made' });
    // The row links to the tx in the explorer.
    expect(await liveRow.getByRole('link', { name: step.txHash }).getAttribute('href')).toBe(
      `/verkenner/transacties/${step.txHash}`,
    );
    await capture(gemeente, 'cases-06-municipality-live-timeline');

    // The municipality disputes the offer as incomplete; the case now waits on the care provider's
    // answer, and both pages show it.
    const dispute = gemeente.getByTestId('dispute-form');
    await dispute.getByLabel('Reden').selectOption('incomplete');
    await dispute.getByRole('button', { name: 'Bezwaar maken' }).click();
    await gemeente.getByTestId('dispute-done').waitFor();
    await gemeente.getByTestId('case-disputes').getByRole('cell', { name: 'open', exact: true }).waitFor();
    const disputed = await api<CaseView>('/cases/1');
    expect(disputed.disputes).toMatchObject([
      {
        id: '1',
        target: { kind: 'attestation', attestation: 'care_offer_made', oin: CARE_OIN },
        owner: CARE_OIN,
        raisedBy: MUNICIPALITY_OIN,
        reason: 'incomplete',
        status: 'open',
      },
    ]);
    expect(disputed.progress.waitingOn).toContainEqual({
      oin: CARE_OIN,
      role: 'care_provider',
      reason: 'dispute_answer',
      item: '1',
    });
    await zorg.getByTestId('case-waiting-on').getByText(`${CARE_NAME}: antwoord op bezwaar 1`).waitFor();
    const answer = zorg.getByTestId('answer-dispute-form');
    expect(await visibleText(answer)).toContain(
      'Gemeente Voorbeeldstad (demo) maakt bezwaar tegen verklaring "zorgaanbod gedaan" van Zorgaanbieder Demo BV (demo): onvolledig.',
    );
    await capture(zorg, 'cases-07-care-dispute');

    // While the dispute is open the case does not move: the ledger refuses, in plain Dutch.
    await gemeente.getByRole('button', { name: 'Naar: Afgewezen (kan altijd)' }).click();
    const blocked = gemeente.getByTestId('advance-error-reason');
    await blocked.waitFor();
    expect(await text(blocked)).toBe(
      'Er staat een bezwaar open. De zaak gaat pas verder als de eigenaar van het betwiste onderdeel het heeft beantwoord.',
    );

    // The care provider confirms its offer; the dispute closes for everyone.
    await answer.getByLabel('Uw antwoord').selectOption('confirmed');
    await answer.getByRole('button', { name: 'Antwoord versturen' }).click();
    await gemeente
      .getByTestId('case-timeline')
      .getByRole('row')
      .filter({ hasText: 'Bezwaar beantwoord' })
      .waitFor();
    expect((await api<CaseView>('/cases/1')).disputes[0]!.status).toBe('confirmed');
    await capture(gemeente, 'cases-08-dispute-answered');

    // The case page in English.
    await gemeente.getByRole('button', { name: 'English' }).click();
    await gemeente
      .getByRole('heading', { name: 'Case 1: Wmo-aanvraag maatwerkvoorziening', level: 1 })
      .waitFor();
    await capture(gemeente, 'cases-09-case-english');

    expect(browser.problems).toEqual([]);
    expect(Object.entries(a11y).filter(([, v]) => v.length > 0)).toEqual([]);
  });
});
