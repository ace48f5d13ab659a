import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, pageAs } from './support/browser.ts';
import { azovstal, everyRegisteredName } from './support/scenario.ts';

const { url, accounts } = inject('corridor');
let browser: Browser;
const names = everyRegisteredName().map((n) => n.toLowerCase());

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** Every registered name found in the page's text, its attributes and its accessible labels. */
async function namesOn(page: Page): Promise<string[]> {
  const text = (
    await page.evaluate(() => {
      const labels = [...document.querySelectorAll('*')].flatMap((e) =>
        ['aria-label', 'title', 'value', 'alt'].map((a) => e.getAttribute(a) ?? ''),
      );
      return `${document.body.textContent}\n${labels.join('\n')}`;
    })
  ).toLowerCase();
  return names.filter((name) => text.includes(name));
}

describe('an observer', () => {
  it('sees counts, the site and the pause windows, and no registered name anywhere', async () => {
    // The same check finds names when a role that sees people looks, so it can fail.
    const coordinator = await pageAs(browser, `${url}/registry`, accounts.coordinator);
    await coordinator.getByTestId('person-row').first().waitFor();
    expect((await namesOn(coordinator)).length).toBeGreaterThan(10);
    await coordinator.context().close();

    const page = await pageAs(browser, url, accounts.observer);
    await page.getByTestId('tile-total').waitFor();
    // Other test files register people too: at least the scenario's are counted.
    const total = Number(
      (await page.getByTestId('tile-total').locator('.tile-value').textContent())?.replace(/\D/g, ''),
    );
    expect(total).toBeGreaterThanOrEqual(azovstal.people.length);
    expect(await namesOn(page)).toEqual([]);

    await page.getByRole('link', { name: 'Site' }).click();
    await page.getByTestId('site-diagram').waitFor();
    for (const code of ['S01', 'S10', 'S28']) {
      await page.getByTestId(`point-${code}`).click();
      await page
        .getByTestId('point-panel')
        .getByRole('heading', { name: new RegExp(code) })
        .waitFor();
      expect(await page.getByTestId('point-panel').getByText('People in this shelter').count()).toBe(0);
      expect(await namesOn(page)).toEqual([]);
    }
    const blocked = page.locator('[data-state="blocked"]').first();
    await blocked.click();
    await page.getByTestId('passage-panel').waitFor();
    expect(await page.getByRole('button', { name: 'Report' }).count()).toBe(0);
    expect(await namesOn(page)).toEqual([]);

    await page.getByRole('link', { name: 'Pauses and timeline' }).click();
    await page.getByTestId('pause-card').first().waitFor();
    expect(await page.getByTestId('claims').count()).toBe(0);
    expect(await namesOn(page)).toEqual([]);

    // Typing a registry address leads nowhere for an observer.
    for (const path of ['/registry', `/people/${azovstal.people[0]!.id}`, '/registry/new']) {
      await page.goto(`${url}${path}`);
      await page.getByText('There is no such page.').waitFor();
      expect(await namesOn(page)).toEqual([]);
    }
    await page.context().close();
  });
});
