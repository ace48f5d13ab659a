import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, pageAs } from './support/browser.ts';
import { azovstal, nameIn } from './support/scenario.ts';

const { url, accounts } = inject('corridor');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

// A person of the scenario with a family name no one else has, used by this file only.
const sought = azovstal.people.filter(
  (p, _i, all) => all.filter((o) => nameIn(o, 'Latn').family === nameIn(p, 'Latn').family).length === 1,
)[9]!;

describe('tracing', () => {
  it('a reception desk files a request; the cell sees the match across scripts and confirms it', async () => {
    const desk = await pageAs(browser, url, accounts.reception);
    await desk.getByRole('link', { name: 'Tracing' }).click();
    const form = desk.getByTestId('request-form');
    const latin = nameIn(sought, 'Latn');
    await form.getByLabel('Family name').fill(latin.family);
    await form.getByLabel('Given name').fill(latin.given);
    await form.getByLabel('Enquirer’s name').fill('Test Enquirer');
    await form.getByLabel('Relation to the person sought').fill('cousin');
    await form.getByLabel('Phone').fill('+380 67 000 00 00');
    await form.getByRole('button', { name: 'File the request' }).click();
    await desk.getByText('The request is filed.').waitFor();
    // The desk sees no list of requests and no matches.
    expect(await desk.getByTestId('request-row').count()).toBe(0);
    await desk.context().close();

    const cell = await pageAs(browser, url, accounts.coordinator);
    await cell.getByRole('link', { name: 'Tracing' }).click();
    await cell.getByTestId('request-row').filter({ hasText: latin.family }).getByRole('link').click();
    const match = cell.getByTestId('match').filter({ hasText: nameIn(sought, 'Cyrl').family });
    await match.waitFor();
    await match.getByRole('button', { name: 'Confirm' }).click();
    await match.getByText('confirmed').waitFor();
    await cell.context().close();
  });

  it('field teams have no tracing, duplicates or children’s cases in their menu', async () => {
    const page = await pageAs(browser, url, accounts.field);
    await page.getByRole('link', { name: 'Registry' }).waitFor();
    for (const name of ['Tracing', 'Duplicates', 'Children'])
      expect(await page.getByRole('link', { name, exact: true }).count()).toBe(0);
    await page.context().close();
  });
});
