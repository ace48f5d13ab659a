import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, pageAs } from './support/browser.ts';
import { azovstal } from './support/scenario.ts';

const { url, accounts } = inject('corridor');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

// The window with the alleged breach: the accusation and the denial are two claims on one incident.
const breached = azovstal.pauses.find((pause) =>
  azovstal.incidents.some((incident) => incident.pauseWindowId === pause.id),
)!;

describe('pauses and claims', () => {
  it('shows a pause window in the announcer’s zone, UTC and the site’s zone, with acceptance and its claims', async () => {
    const page = await pageAs(browser, url, accounts.coordinator);
    await page.getByRole('link', { name: 'Pauses and timeline' }).click();
    const card = page.getByTestId('pause-card').filter({ hasText: breached.name });
    // The parties' names arrive with their own request: wait for them before reading the card.
    await card.getByText('Announced by RU MoD').waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('As announced (Europe/Moscow)');
    expect(text).toMatch(/08:00/);
    expect(text).toContain('UTC');
    expect(text).toContain('Site time (Europe/Kyiv)');
    expect(text).toContain('Acceptance by party');
    expect(text).toMatch(/RU MoD\s*accepted/);
    expect(text).toContain('time: not agreed');
    // Both sides of the alleged breach, side by side, neither verified away.
    const claims = card.getByTestId('claims');
    await claims.first().waitFor();
    const said = await claims.allInnerTexts();
    expect(said.join('\n')).toMatch(/denies/);
    expect(said.join('\n')).toMatch(/asserts/);
    expect(await card.getByTestId('verification').count()).toBeGreaterThan(1);
    await page.getByTestId('figures').getByText('civilians').waitFor();
    await page
      .getByTestId('timeline')
      .getByText(/pause announced/)
      .first()
      .waitFor();
    await page.context().close();
  });

  it('lets a coordinator change a claim’s verification with a reason', async () => {
    const page = await pageAs(browser, `${url}/pauses`, accounts.coordinator);
    const words = azovstal.claims.find((c) => c.incidentId)!.words;
    const first = page.getByTestId('claims-feed').locator('.claim').filter({ hasText: words });
    await first.getByRole('button', { name: 'Change verification' }).click();
    await first.getByLabel('New status').selectOption('pending');
    await first.getByLabel('Reason (required)').fill('asked two sources to confirm');
    await first.getByRole('button', { name: 'Record' }).click();
    await first.getByTestId('verification').filter({ hasText: 'pending' }).waitFor();
    await page.context().close();
  });

  it('shows field teams the claims but not the verification control', async () => {
    const page = await pageAs(browser, `${url}/pauses`, accounts.field);
    await page.getByTestId('claims').first().waitFor();
    expect(await page.getByRole('button', { name: 'Change verification' }).count()).toBe(0);
    await page.context().close();
  });
});
