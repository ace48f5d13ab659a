import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { personCode } from '../src/domain/person-code.ts';
import { launchBrowser, pageAs, seriousViolations } from './support/browser.ts';
import { apiCall, makePlan } from './support/plans.ts';
import { azovstal } from './support/scenario.ts';
import { type CorridorServer, startCorridor } from './support/server.ts';

// A boarding desk at the pickup point of the first convoy of an accepted Azovstal plan, and that
// convoy's road log. The test runs its own server: boarding assigns and moves people, which the
// shared server's other tests must not see.

interface Manifest {
  entries: Array<{ personId: string; names?: Array<{ family: string; given: string }> }>;
}

let server: CorridorServer;
let browser: Browser;
let convoyId = '';
let manifest: Manifest;

beforeAll(async () => {
  [server, browser] = await Promise.all([startCorridor(inject('corridorTemplate')), launchBrowser()]);
  const { url, accounts } = server;
  const plan = await makePlan(url, accounts.coordinator);
  await apiCall(url, accounts.coordinator, 'POST', `/api/plans/${plan.id}/accept`);
  const made = await apiCall<{ convoys: Array<{ id: string; manifest: { total: number } }> }>(
    url,
    accounts.coordinator,
    'POST',
    `/api/plans/${plan.id}/convoys`,
  );
  convoyId = made.convoys.find((c) => c.manifest.total >= 2)!.id;
  manifest = await apiCall<Manifest>(url, accounts.coordinator, 'GET', `/api/convoys/${convoyId}/manifest`);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const nameOf = (e: Manifest['entries'][number]) => `${e.names![0]!.family} ${e.names![0]!.given}`;

async function deskAs(role: 'field' | 'coordinator'): Promise<Page> {
  const page = await pageAs(browser, `${server.url}/convoys/${convoyId}/boarding`, server.accounts[role]);
  await page.getByTestId('manifest-table').first().waitFor();
  return page;
}

describe('the boarding desk', () => {
  it('boards a person from the scanned code; the input is ready for the next card at once', async () => {
    const page = await deskAs('field');
    const first = manifest.entries[0]!;
    const input = page.getByLabel('Scan a card or wristband, or type a person id');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.fill(personCode(first.personId));
    await input.press('Enter');
    await page
      .getByTestId('scan-result')
      .getByText(`Boarded: ${nameOf(first)}`, { exact: false })
      .waitFor();
    expect(await input.inputValue()).toBe('');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByTestId('boarding-counts').getByText('1 boarded', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refuses someone not on the manifest, saying so, and keeps the code to scan again', async () => {
    const page = await deskAs('field');
    const onManifest = new Set(manifest.entries.map((e) => e.personId));
    const stranger = azovstal.people.find((p) => !onManifest.has(p.id))!;
    const input = page.getByLabel('Scan a card or wristband, or type a person id');
    await input.fill(personCode(stranger.id));
    await input.press('Enter');
    const alert = page.getByTestId('scan-error');
    await alert.getByText('is not on the manifest of convoy', { exact: false }).waitFor();
    expect(await input.inputValue()).toBe(personCode(stranger.id));
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('boards from the manifest by keyboard, and records a no-show with its reason', async () => {
    const page = await deskAs('coordinator');
    const second = manifest.entries[1]!;
    await page.getByRole('button', { name: `Board ${nameOf(second)}` }).press('Enter');
    await page.getByTestId('boarding-counts').getByText('2 boarded', { exact: false }).waitFor();
    const third = manifest.entries[2];
    if (third) {
      await page.getByLabel('Person', { exact: true }).selectOption(third.personId);
      await page.getByLabel('Reason', { exact: true }).first().fill('not at the gate at departure time');
      await page.getByRole('button', { name: 'Record as no-show' }).click();
      await page.getByText('Recorded as a no-show.').waitFor();
    }
  });

  it('shows the road log with where each person aboard was last seen', async () => {
    const page = await pageAs(browser, `${server.url}/convoys/${convoyId}/road`, server.accounts.field);
    const table = page.getByTestId('last-seen');
    await table.getByText(nameOf(manifest.entries[0]!)).waitFor();
    await table.getByText('boarded; nothing reported since').first().waitFor();
    await page.getByRole('button', { name: 'Record', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
