import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, pageAs, seriousViolations } from './support/browser.ts';
import { drainQueue, type FieldPerson, fillNames, goOffline, runTag } from './support/field-app.ts';

// A field team with no network creates a household, relabels it and registers a person in it; back
// online, the queue drains and the cell finds the person in that household. The server is shared
// with the other files: the names and labels carry a tag new on every run.

const { url, accounts } = inject('corridor');
let browser: Browser;

const tag = runTag();
const first = `Tunnel family ${tag}`;
const label = `Kovalenko family ${tag}`;
const person: FieldPerson = { cyr: ['Коваленко', 'Ірина'], lat: [`Kovalenko${tag}`, 'Iryna'] };

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('households in the offline field app', () => {
  it('creates and relabels a household with no network, puts a new person in it, and the cell sees both', async () => {
    const page = await pageAs(browser, `${url}/field`, accounts.field);
    await page.getByTestId('connection').filter({ hasText: 'Online' }).waitFor();
    // The site's households are on the device before the network goes.
    await page.getByTestId('field-household').first().waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    await goOffline(page);
    await page.getByRole('button', { name: 'New household' }).click();
    const create = page.getByRole('form', { name: 'New household' });
    await create.getByLabel('Household label').fill(first);
    await create.getByLabel('Household note').fill('came through the east gallery');
    await create.getByRole('button', { name: 'Create household' }).click();
    const rows = page.getByTestId('field-household');
    await rows.filter({ hasText: first }).filter({ hasText: 'came through the east gallery' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'it will be sent when there is a network' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `Edit the household ${first}` }).click();
    const edit = page.getByRole('form', { name: `Edit the household ${first}` });
    await edit.getByLabel('Household label').fill(label);
    await edit.getByRole('button', { name: 'Save' }).click();
    await rows.filter({ hasText: label }).waitFor();

    await page.getByRole('link', { name: `Add a person to the household ${label}` }).click();
    await page.getByRole('heading', { name: 'Register a person' }).waitFor();
    // The household the screen came from is chosen (a select is named by its label and its choice).
    const household = page.getByRole('combobox', { name: /^Household/ });
    expect(await household.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe(label);
    await fillNames(page, person);
    await page.getByRole('button', { name: 'Save' }).click();
    // Back on the field screen, the household lists its new member, from the device's own store.
    await rows.filter({ hasText: label }).filter({ hasText: person.lat[0] }).waitFor();
    await page.getByTestId('queue-count').filter({ hasText: 'unsent: 3' }).waitFor();

    await page.getByTestId('connection').click();
    const queued = page.getByTestId('queued-op');
    await queued.nth(2).waitFor();
    const texts = await queued.allInnerTexts();
    expect(texts[1]).toContain(`Changed the household ${label}`);
    expect(texts[2]).toContain(`New household ${first}`);

    await drainQueue(page, 3);
    expect(await page.locator('[data-testid="queued-op"][data-state="sent"]').count()).toBe(3);

    const cell = await pageAs(browser, `${url}/registry?q=${person.lat[0]}`, accounts.coordinator);
    await cell.getByTestId('person-row').filter({ hasText: person.lat[0] }).getByRole('link').first().click();
    await cell.getByRole('heading', { name: `Household: ${label}` }).waitFor();
    await cell.getByText('came through the east gallery').waitFor();
    await cell.context().close();
    await page.context().close();
  });
});
