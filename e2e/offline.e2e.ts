import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, pageAs, seriousViolations } from './support/browser.ts';
import { drainQueue, type FieldPerson, fillNames, goOffline, runTag } from './support/field-app.ts';
import { apiCall } from './support/plans.ts';
import { azovstal, codeOf } from './support/scenario.ts';

// Issue #11's must-show: a field team with no network registers people and reports a passage, the
// queue shows them, the network comes back, the queue drains and the cell sees it all. The server
// is shared with the other files: the people registered here have names no scenario person has,
// and the passage (the shortest open one; site.e2e.ts uses the longest) is reported open again after.

const { url, accounts } = inject('corridor');
let browser: Browser;

const passage = azovstal.passages.filter((p) => p.state === 'open').sort((a, b) => a.lengthM - b.lengthM)[0]!;
const [from, to] = [codeOf(passage.from), codeOf(passage.to)];
// New on every run, so a second run against the same server finds its own people.
const tag = runTag();
const people: FieldPerson[] = [
  { cyr: ['Тунельна', 'Оксана'], lat: [`Tunelna${tag}`, 'Oksana'] },
  { cyr: ['Тунельний', 'Петро'], lat: [`Tunelnyi${tag}`, 'Petro'] },
];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await apiCall(url, accounts.coordinator, 'POST', `/api/passages/${passage.id}/reports`, { state: 'open' });
  await browser.close();
});

async function register(page: Page, person: FieldPerson): Promise<void> {
  await page.getByRole('link', { name: 'Register a person' }).click();
  await page.getByRole('heading', { name: 'Register a person' }).waitFor();
  await fillNames(page, person);
  await page.getByRole('button', { name: 'Save' }).click();
  // Back on the field screen, the new person is listed at once, from the device's own store.
  await page.getByTestId('field-person').filter({ hasText: person.lat[0] }).waitFor();
}

describe('the offline field app', () => {
  it('records people and a passage report with no network, and the cell sees them once it is back', async () => {
    const page = await pageAs(browser, `${url}/field`, accounts.field);
    // One online visit: the site copied to the device and the service worker holding the app.
    await page.getByTestId('connection').filter({ hasText: 'Online' }).waitFor();
    await page.getByTestId('field-person').first().waitFor();
    await page
      .getByRole('combobox', { name: /^Passage/ })
      .locator('option', { hasText: `${from}–${to}` })
      .waitFor({
        state: 'attached',
      });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The device enrols for bundles after its first sync.
    await page.getByTestId('connection').click();
    await page.getByText('save the waiting changes as a bundle file').waitFor();
    await page.getByRole('link', { name: 'Field (offline)' }).click();
    await page.getByTestId('field-person').first().waitFor();

    await goOffline(page);
    for (const person of people) await register(page, person);
    await page.getByRole('combobox', { name: /^Passage/ }).selectOption({ label: `${from}–${to} (open)` });
    await page.getByLabel('State found').selectOption('unsafe');
    await page.getByLabel('Note').fill('water rising at the low point');
    await page.getByRole('button', { name: 'Report' }).first().click();
    await page.getByRole('status').filter({ hasText: 'it will be sent when there is a network' }).waitFor();
    await page.getByTestId('queue-count').filter({ hasText: 'unsent: 3' }).waitFor();

    // A reload with no network: the service worker opens the app, IndexedDB still holds the queue.
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.getByTestId('queue-count').filter({ hasText: 'unsent: 3' }).waitFor();
    await page.getByTestId('connection').click();
    await page.getByRole('heading', { name: 'Unsent changes' }).waitFor();
    const queued = page.getByTestId('queued-op');
    await queued.nth(2).waitFor();
    expect(await queued.count()).toBe(3);
    const texts = await queued.allInnerTexts();
    expect(texts[0]).toContain(`Passage ${from}–${to}: unsafe`);
    expect(texts[2]).toContain(`Registered Тунельна Оксана / Tunelna${tag} Oksana`);
    for (const text of texts) expect(text).toContain('waiting');
    expect(await seriousViolations(page)).toEqual([]);

    // With no network, the waiting changes leave on a stick as a sealed, signed bundle.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export bundle' }).click(),
    ]);
    const bundle = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
    expect(bundle).toMatchObject({ format: 'corridor-bundle/1', opCount: 3 });
    expect(JSON.stringify(bundle)).not.toContain(`Tunelna${tag}`);
    await page.getByTestId('queue-count').filter({ hasText: 'unsent: 3' }).waitFor();

    await drainQueue(page, 3);
    expect(await page.locator('[data-testid="queued-op"][data-state="waiting"]').count()).toBe(0);

    const cell = await pageAs(browser, `${url}/registry`, accounts.coordinator);
    for (const person of people) {
      await cell.goto(`${url}/registry?q=${person.lat[0]}`);
      await cell.getByTestId('person-row').filter({ hasText: person.lat[0] }).waitFor();
    }
    await cell.goto(`${url}/site`);
    const row = cell
      .getByRole('row')
      .filter({ has: cell.getByRole('cell', { name: from, exact: true }) })
      .filter({ has: cell.getByRole('cell', { name: to, exact: true }) });
    await row.filter({ hasText: 'unsafe' }).first().waitFor();
    await cell.context().close();
    await page.context().close();
  });

  it('has no serious accessibility problems on the field screen and its forms', async () => {
    const page = await pageAs(browser, `${url}/field`, accounts.field);
    await page.getByTestId('field-person').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Register a person' }).click();
    await page.getByRole('heading', { name: 'Register a person' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
