import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, pageAs } from './support/browser.ts';
import { azovstal, codeOf } from './support/scenario.ts';

const { url, accounts } = inject('corridor');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

// The longest open passage: its middle, where a click lands, is clear of the shelters' circles.
const passage = azovstal.passages.filter((p) => p.state === 'open').sort((a, b) => b.lengthM - a.lengthM)[0]!;
const testId = `passage-${codeOf(passage.from)}-${codeOf(passage.to)}`;
const shelter = azovstal.points.find((p) => p.kind === 'shelter' && p.code === 'S01')!;

describe('the site diagram', () => {
  it('reports a blocked passage and the diagram changes', async () => {
    const page = await pageAs(browser, url, accounts.field);
    await page.getByRole('link', { name: 'Site' }).click();
    const line = page.getByTestId(testId);
    await line.waitFor();
    expect(await line.getAttribute('data-state')).toBe('open');
    const blockedBefore = await page.locator('[data-state="blocked"]').count();

    await line.click();
    const panel = page.getByTestId('passage-panel');
    await panel.getByLabel('State', { exact: true }).selectOption('blocked');
    await panel.getByLabel('Person-hours to clear').fill('24');
    await panel.getByLabel('Note').fill('Ceiling came down after shelling');
    await panel.getByRole('button', { name: 'Report' }).click();
    await panel.getByRole('status').filter({ hasText: 'the passage is now blocked' }).waitFor();

    await page.locator(`[data-testid="${testId}"][data-state="blocked"]`).waitFor();
    expect(await page.locator('[data-state="blocked"]').count()).toBe(blockedBefore + 1);
    // The report is the server's: another user opening the site sees it with who reported it.
    const other = await pageAs(browser, `${url}/site`, accounts.coordinator);
    await other.locator(`[data-testid="${testId}"][data-state="blocked"]`).waitFor();
    await other.getByTestId(testId).click();
    await other.getByTestId('passage-panel').getByText(accounts.field.username).waitFor();
    await other.context().close();
    await page.context().close();
  });

  it('opens a shelter with its conditions and the people in it', async () => {
    const page = await pageAs(browser, `${url}/site`, accounts.coordinator);
    await page.getByTestId(`point-${shelter.code}`).click();
    const panel = page.getByTestId('point-panel');
    await panel.getByRole('heading', { name: /S01/ }).waitFor();
    await panel.getByText('Conditions').waitFor();
    const registered = azovstal.people.filter((p) => p.shelterId === shelter.id);
    expect(await panel.getByTestId('occupancy').textContent()).toBe(String(registered.length));
    await panel.getByRole('link').first().waitFor();
    await page.context().close();
  });

  it('lets the keyboard reach a passage and select it', async () => {
    const page = await pageAs(browser, `${url}/site`, accounts.field);
    await page.getByTestId(testId).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('passage-panel').waitFor();
    expect(new URL(page.url()).searchParams.get('passage')).toBe(passage.id);
    await page.context().close();
  });
});
