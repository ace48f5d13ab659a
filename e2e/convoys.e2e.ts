import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, pageAs, seriousViolations } from './support/browser.ts';
import { apiCall, makePlan } from './support/plans.ts';
import { type CorridorServer, startCorridor } from './support/server.ts';

// The coordination cell makes the convoys of an accepted Azovstal plan, notifies the first one to
// the parties, records an objection, and departs it anyway with a reason; reception reads the
// convoy, observers never see convoys. The test runs its own server: accepting a plan and making
// convoys changes people's statuses, which the shared server's other tests must not see.

let server: CorridorServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startCorridor(inject('corridorTemplate')), launchBrowser()]);
  const plan = await makePlan(server.url, server.accounts.coordinator);
  await apiCall(server.url, server.accounts.coordinator, 'POST', `/api/plans/${plan.id}/accept`);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const convoyPage = async (page: Page) => {
  await page.getByRole('heading', { level: 1, name: /^Convoy C-1$/ }).waitFor();
  await page.getByTestId('notifications').waitFor();
};

describe('convoys in the web app', () => {
  it('makes the convoys of the accepted plan once, and lists them', async () => {
    const page = await pageAs(browser, `${server.url}/convoys`, server.accounts.coordinator);
    await page.getByRole('navigation').getByRole('link', { name: 'Convoys' }).waitFor();
    await page.getByTestId('make-convoys').getByRole('button', { name: 'Make the convoys' }).click();
    await page.getByRole('status').getByText('Convoys made:', { exact: false }).waitFor();
    const rows = page.getByTestId('convoy-row');
    await rows.first().waitFor();
    const count = await rows.count();
    expect(await rows.first().getByRole('link').textContent()).toBe('C-1');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Make the convoys' }).click();
    await page.getByText('The convoys of this plan were made already', { exact: false }).waitFor();
    expect(await rows.count()).toBe(count);
    await page.context().close();
  });

  it('flags a convoy nobody was told of; notifies it; an objection flags it again', async () => {
    const page = await pageAs(browser, `${server.url}/convoys`, server.accounts.coordinator);
    await page.getByTestId('convoy-row').first().getByRole('link').click();
    await convoyPage(page);
    const flags = page.getByTestId('flags');
    await flags.getByText('has not been notified', { exact: false }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const notify = page.getByTestId('notify-form');
    await notify.getByLabel('Channel (optional)').fill('e-mail to the liaison officers');
    await notify.getByRole('button', { name: 'Send the notifications' }).click();
    await notify.getByRole('status').getByText('Notifications sent:', { exact: false }).waitFor();
    const parties = page.getByTestId('party-row');
    await expect.poll(() => parties.getByText('awaiting an answer').count()).toBe(await parties.count());
    expect(await flags.getByText('has not been notified', { exact: false }).count()).toBe(0);

    const icrc = parties.filter({ hasText: 'ICRC' });
    await icrc.getByRole('button', { name: 'Record an answer' }).click();
    const form = page.getByTestId('answer-form');
    await form.getByLabel('objected').check();
    await form.getByLabel('Source: who said it, and how').fill('phone call from the ICRC delegation');
    await form.getByLabel('Note').fill('the convoy may not stop in Tokmak');
    await form.getByRole('button', { name: 'Record the answer' }).click();
    await icrc.getByText('objected').waitFor();
    await flags.getByText('objected to notification version 1', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('records a vehicle’s real marking and crew; the parties’ copies are then out of date', async () => {
    const page = await pageAs(browser, `${server.url}/convoys`, server.accounts.coordinator);
    await page.getByTestId('convoy-row').first().getByRole('link').click();
    await convoyPage(page);
    await page
      .getByRole('button', { name: /^Edit / })
      .first()
      .click();
    const form = page.getByTestId('crew-form');
    await form.getByLabel('Plate or marking').fill('  White van, red cross on the roof ');
    await form.getByLabel('Crew', { exact: true }).fill('3');
    await form.getByLabel('Crew note').fill('driver + 2 medics, ICRC');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'White van, red cross on the roof', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'driver + 2 medics, ICRC' }).waitFor();
    const parties = page.getByTestId('party-row');
    await expect.poll(() => parties.getByText('out of date').count()).toBe(await parties.count());
    await page.context().close();
  });

  it('departs a flagged convoy only with a reason, which stays on the convoy', async () => {
    const page = await pageAs(browser, `${server.url}/convoys`, server.accounts.coordinator);
    await page.getByTestId('convoy-row').first().getByRole('link').click();
    await convoyPage(page);
    const form = page.getByTestId('depart-form');
    const reason = form.getByLabel('Why it departs anyway', { exact: false });
    await reason.fill('the ICRC withdrew its objection by radio at 06:10; written answer to follow');
    await form.getByRole('button', { name: 'Depart anyway' }).click();
    await page
      .getByTestId('override')
      .getByText('withdrew its objection by radio', { exact: false })
      .waitFor();
    await page
      .getByTestId('override')
      .getByText('objected to notification version 1', { exact: false })
      .waitFor();
    await page.locator('.title-row').getByText('on the road').waitFor();
    expect(await page.getByTestId('departure-actions').count()).toBe(0);
    await page.context().close();
  });

  it('shows reception the convoy without the cell’s forms; observers have no convoys', async () => {
    const page = await pageAs(browser, `${server.url}/convoys`, server.accounts.reception);
    await page.getByTestId('convoy-row').first().getByRole('link').click();
    await convoyPage(page);
    expect(await page.getByTestId('notify-form').count()).toBe(0);
    expect(await page.getByTestId('make-convoys').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();

    const observer = await pageAs(browser, server.url, server.accounts.observer);
    await observer.getByRole('navigation').getByRole('link').first().waitFor();
    expect(await observer.getByRole('navigation').getByRole('link', { name: 'Convoys' }).count()).toBe(0);
    await observer.context().close();
  });
});
