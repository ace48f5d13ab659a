import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, pageAs } from './support/browser.ts';
import { azovstal, nameIn } from './support/scenario.ts';

const { url, accounts } = inject('corridor');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

const search = async (page: Page, text: string) => {
  await page.getByLabel('Search by name (Cyrillic or Latin)').fill(text);
  await page.waitForURL((u) => u.searchParams.get('q') === text);
};

// People the tests work on, each used by one test only (the server is shared).
const [searched, moved, checkedIn] = azovstal.people.filter(
  (p, _i, all) => all.filter((o) => nameIn(o, 'Latn').family === nameIn(p, 'Latn').family).length === 1,
);

describe('the registry', () => {
  it('finds a person by the Cyrillic spelling and by the Latin one', async () => {
    const page = await pageAs(browser, url, accounts.field);
    await page.getByRole('link', { name: 'Registry' }).click();
    const cyrillic = nameIn(searched!, 'Cyrl');
    const latin = nameIn(searched!, 'Latn');

    await search(page, cyrillic.family);
    const rows = page.getByTestId('person-row');
    await rows.filter({ hasText: latin.family }).first().waitFor();
    for (const text of await rows.allInnerTexts()) expect(text).toContain(cyrillic.family);

    await search(page, latin.family);
    await rows.filter({ hasText: cyrillic.family }).first().waitFor();
    for (const text of await rows.allInnerTexts()) expect(text).toContain(latin.family);

    await rows.getByRole('link').first().click();
    await page.getByTestId('person-name').filter({ hasText: cyrillic.given }).waitFor();
    await page.context().close();
  });

  it('changes a status, offering only the statuses the lifecycle allows, and records it in the history', async () => {
    const page = await pageAs(browser, `${url}/people/${moved!.id}`, accounts.coordinator);
    await page.getByTestId('person-status').filter({ hasText: 'sheltering' }).waitFor();
    const offered = await page.getByTestId('next-statuses').getByRole('button').allInnerTexts();
    // From sheltering: ready, declined, missing, deceased, stayed behind; never straight to arrived.
    expect(offered).toEqual(['ready', 'declined', 'missing', 'deceased', 'stayed behind']);
    await page.getByLabel('Reason (optional)').fill('window announced for tomorrow');
    await page.getByRole('button', { name: 'ready', exact: true }).click();
    await page.getByTestId('person-status').filter({ hasText: 'ready' }).waitFor();
    await page
      .getByTestId('history')
      .getByText(/sheltering → ready/)
      .waitFor();
    expect(await page.getByTestId('next-statuses').getByRole('button').allInnerTexts()).toContain('assigned');
    await page.context().close();
  });

  it('lets a reception desk check a person in with the keyboard only', async () => {
    // The coordination cell puts the person on a bus first: only a boarded person can arrive.
    const cell = await pageAs(browser, `${url}/people/${checkedIn!.id}`, accounts.coordinator);
    for (const status of ['ready', 'assigned', 'boarded']) {
      await cell.getByRole('button', { name: status, exact: true }).click();
      await cell.getByTestId('person-status').filter({ hasText: status }).waitFor();
    }
    await cell.context().close();

    const page = await pageAs(browser, url, accounts.reception);
    await page.getByRole('link', { name: 'Registry' }).click();
    const latin = nameIn(checkedIn!, 'Latn');
    // The search box has the focus on arrival; type, go down to the result, open it.
    await page.getByLabel('Search by name (Cyrillic or Latin)').waitFor();
    await page.keyboard.type(latin.family);
    await page.waitForURL((u) => u.searchParams.get('q') === latin.family);
    await page.getByTestId('person-row').filter({ hasText: latin.family }).waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(latin.family);
    await page.keyboard.press('Enter');
    await page.getByTestId('person-status').filter({ hasText: 'boarded' }).waitFor();
    const arrived = page.getByRole('button', { name: 'arrived', exact: true });
    await arrived.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('person-status').filter({ hasText: 'arrived' }).waitFor();
    // Reception moves people along but does not edit or register them.
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await page.context().close();
  });

  it('registers a person in a new household and adds a second member to it', async () => {
    const page = await pageAs(browser, `${url}/registry`, accounts.field);
    await page.getByRole('link', { name: 'Register a person' }).click();
    const cyrillic = page.getByRole('group', { name: 'Name in Cyrillic' });
    await cyrillic.getByLabel('Family name').fill('Ґудзь');
    await cyrillic.getByLabel('Given name').fill('Оксана');
    const latin = page.getByRole('group', { name: 'Name in Latin letters' });
    await latin.getByLabel('Family name').fill('Gudz');
    await latin.getByLabel('Given name').fill('Oksana');
    await page.getByLabel('Sex').selectOption('female');
    await page.getByLabel('Birth year').fill('1979');
    await page.getByLabel('New household label').fill('Gudz family');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('person-name').filter({ hasText: 'Ґудзь Оксана' }).waitFor();
    await page.getByRole('heading', { name: 'Household: Gudz family' }).waitFor();

    await page.getByRole('link', { name: 'Add a household member' }).click();
    await page.getByRole('group', { name: 'Name in Latin letters' }).getByLabel('Family name').fill('Gudz');
    await page.getByRole('group', { name: 'Name in Latin letters' }).getByLabel('Given name').fill('Taras');
    await page.getByLabel('Birth year').fill('2012');
    await page.getByRole('checkbox', { name: 'child', exact: true }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('person-name').filter({ hasText: 'Gudz Taras' }).waitFor();
    await page.getByRole('link', { name: 'Ґудзь Оксана / Gudz Oksana' }).waitFor();
    await page.context().close();
  });

  it('registers a wounded person with the triage category the form requires', async () => {
    const page = await pageAs(browser, `${url}/registry/new`, accounts.field);
    await page.getByRole('group', { name: 'Name in Latin letters' }).getByLabel('Family name').fill('Melnyk');
    await page.getByRole('group', { name: 'Name in Latin letters' }).getByLabel('Given name').fill('Petro');
    await page.getByRole('checkbox', { name: 'wounded', exact: true }).check();
    // The browser asks for the category first; the app marks the field required.
    expect(await page.getByLabel('Triage category').getAttribute('required')).not.toBeNull();
    await page.getByLabel('Triage category').selectOption('T2');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('person-name').filter({ hasText: 'Melnyk Petro' }).waitFor();
    await page.getByText('T2', { exact: true }).waitFor();
    await page.context().close();
  });
});
