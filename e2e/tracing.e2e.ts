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

// People of the scenario with a family name no one else has, used by this file only.
const unique = azovstal.people.filter(
  (p, _i, all) => all.filter((o) => nameIn(o, 'Latn').family === nameIn(p, 'Latn').family).length === 1,
);
const sought = unique[9]!;
const declining = unique[12]!;
// Children the registry did not flag unaccompanied or separated: no case was opened for them by itself.
const [handedOverChild, closedChild] = unique.filter(
  (p) =>
    ['0-4', '5-11', '12-17'].includes(p.ageBand ?? '') &&
    !p.vulnerabilities?.some((v) => v === 'unaccompanied_child' || v === 'separated_child'),
);

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

  it('a reception desk records on her page that a woman declines to be found: a request for her then finds no one', async () => {
    const desk = await pageAs(browser, `${url}/people/${declining.id}`, accounts.reception);
    const consent = desk.getByTestId('consent');
    await consent.getByText('Not asked yet').waitFor();
    await consent.getByLabel('Declines to be found').check();
    await consent.getByLabel('Note (how and by whom they were asked)').fill('asked at the desk');
    await consent.getByRole('button', { name: 'Record the answer' }).click();
    await consent.getByText('Declined to be found').waitFor();
    await desk.getByRole('link', { name: 'Tracing' }).click();
    const form = desk.getByTestId('request-form');
    const latin = nameIn(declining, 'Latn');
    await form.getByLabel('Family name').fill(latin.family);
    await form.getByLabel('Given name').fill(latin.given);
    await form.getByLabel('Enquirer’s name').fill('Test Enquirer Two');
    await form.getByLabel('Relation to the person sought').fill('husband');
    await form.getByLabel('Phone').fill('+380 67 000 00 01');
    await form.getByRole('button', { name: 'File the request' }).click();
    await desk.getByText('The request is filed.').waitFor();
    await desk.context().close();

    const cell = await pageAs(browser, url, accounts.coordinator);
    await cell.getByRole('link', { name: 'Tracing' }).click();
    await cell.getByTestId('request-row').filter({ hasText: latin.family }).getByRole('link').click();
    await cell.getByText('No match so far.').waitFor();
    expect(await cell.getByTestId('match').count()).toBe(0);
    // The cell sees the decision on her page too.
    await cell.goto(`${url}/people/${declining.id}`);
    await cell.getByTestId('consent').getByText('Declined to be found').waitFor();
    await cell.context().close();
  });

  it('the cell opens a case for a separated child, records a verified adult, and a desk hands the child over; another case is closed', async () => {
    const cell = await pageAs(browser, url, accounts.coordinator);
    await cell.getByRole('link', { name: 'Children', exact: true }).click();
    const open = async (child: typeof handedOverChild) => {
      const form = cell.getByTestId('open-case');
      await form.getByLabel('Find the child by name (any script)').fill(nameIn(child!, 'Latn').family);
      await form.getByLabel(nameIn(child!, 'Latn').given, { exact: false }).check();
      await form.getByLabel('The child is').selectOption('separated');
      await form.getByRole('button', { name: 'Open the case' }).click();
      await form.getByText('The case is open.').waitFor();
      const item = cell.getByTestId('child-case').filter({ hasText: nameIn(child!, 'Latn').family });
      await item.getByText('separated', { exact: true }).waitFor();
      await item.getByText('No family member or guardian verified yet').waitFor();
      return item;
    };
    const first = await open(handedOverChild);
    await first.getByText('Verify an adult, or close the case').click();
    const verify = first.getByTestId('verify-adult');
    await verify.getByLabel('Their name').fill('Test Aunt');
    await verify.getByLabel('Relation to the child').fill('aunt');
    await verify.getByLabel('How you checked who they are').selectOption('identity_document');
    await verify.getByLabel('What you checked').fill('passport seen; the child named her village');
    await verify.getByRole('button', { name: 'Record the verified adult' }).click();
    await first.getByText(/Test Aunt \(aunt\), verified by .+: identity document/).waitFor();

    const second = await open(closedChild);
    await second.getByText('Verify an adult, or close the case').click();
    const close = second.getByTestId('close-case');
    await close
      .getByLabel('Why (opened in error, came of age …)')
      .fill('opened in error: travels with her mother');
    await close.getByRole('button', { name: 'Close the case' }).click();
    await second.getByText('Closed: opened in error').waitFor();
    await cell.context().close();

    // The reception desk hands the child over to the adult the cell verified; it cannot open cases.
    const desk = await pageAs(browser, url, accounts.reception);
    await desk.getByRole('link', { name: 'Children', exact: true }).click();
    expect(await desk.getByTestId('open-case').count()).toBe(0);
    const item = desk.getByTestId('child-case').filter({ hasText: nameIn(handedOverChild!, 'Latn').family });
    await item.getByRole('button', { name: 'Hand over to Test Aunt' }).click();
    await item.getByText('Handed over to Test Aunt').waitFor();
    await item.getByText('handed over', { exact: true }).waitFor();
    await desk.context().close();
  });

  it('field teams have no tracing, duplicates or children’s cases in their menu', async () => {
    const page = await pageAs(browser, url, accounts.field);
    await page.getByRole('link', { name: 'Registry' }).waitFor();
    for (const name of ['Tracing', 'Duplicates', 'Children'])
      expect(await page.getByRole('link', { name, exact: true }).count()).toBe(0);
    await page.context().close();
  });
});
