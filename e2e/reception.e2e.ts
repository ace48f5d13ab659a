import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { personCode } from '../src/domain/person-code.ts';
import { transliterate } from '../src/matching/index.ts';
import { launchBrowser, pageAs, seriousViolations } from './support/browser.ts';
import { apiCall, makePlan } from './support/plans.ts';
import { azovstal, codeOf } from './support/scenario.ts';
import { type CorridorServer, startCorridor } from './support/server.ts';

// The reception desk at the end of the road, and the alerts screen of the coordination cell, on the
// first convoy of an accepted Azovstal plan whose people have boarded. The test runs its own server:
// check-ins move people and raise alerts, which the shared server's other tests must not see.

interface Entry {
  personId: string;
  names?: Array<{ family: string; given: string }>;
}

let server: CorridorServer;
let browser: Browser;
let entries: Entry[];

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
  const convoyId = made.convoys.find((c) => c.manifest.total >= 2)!.id;
  entries = (
    await apiCall<{ entries: Entry[] }>(url, accounts.field, 'GET', `/api/convoys/${convoyId}/manifest`)
  ).entries;
  for (const entry of entries)
    await apiCall(url, accounts.field, 'POST', `/api/convoys/${convoyId}/boarding`, {
      personId: entry.personId,
    });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const nameOf = (e: Entry) => `${e.names![0]!.family} ${e.names![0]!.given}`;
const inputLabel = 'Scan a card or wristband, type a person id, or a name';

async function desk(): Promise<Page> {
  const page = await pageAs(browser, `${server.url}/reception`, server.accounts.reception);
  await page.getByLabel(inputLabel).waitFor();
  return page;
}

describe('the reception desk', () => {
  it('checks a person in from the scanned card; the input is ready for the next one at once', async () => {
    const page = await desk();
    await page.getByLabel('Desk').fill('3');
    const input = page.getByLabel(inputLabel);
    await input.focus();
    await input.fill(personCode(entries[0]!.personId));
    await input.press('Enter');
    await page
      .getByTestId('check-in-result')
      .getByText(`Checked in: ${nameOf(entries[0]!)}`, { exact: false })
      .waitFor();
    expect(await input.inputValue()).toBe('');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('row', { name: nameOf(entries[0]!) }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refuses the same card a second time, saying where and when it was checked in', async () => {
    const page = await desk();
    const input = page.getByLabel(inputLabel);
    await input.fill(personCode(entries[0]!.personId));
    await input.press('Enter');
    const error = page.getByTestId('check-in-error');
    await error.getByText('is already checked in', { exact: false }).waitFor();
    await error.getByText('(desk 3)', { exact: false }).waitFor();
    expect(await input.inputValue()).toBe(personCode(entries[0]!.personId));
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds a person by the Latin spelling of a Cyrillic name, and checks them in by keyboard', async () => {
    const page = await desk();
    const second = entries[1]!;
    const name = second.names![0]!;
    const input = page.getByLabel(inputLabel);
    await input.fill(`${transliterate(name.family)} ${transliterate(name.given)}`);
    await input.press('Enter');
    const found = page.getByRole('button', { name: nameOf(second) }).first();
    await found.getByText(/expected on convoy/).waitFor();
    await input.press('ArrowDown');
    expect(await found.evaluate((el) => el === document.activeElement)).toBe(true);
    await found.press('Enter');
    await page
      .getByTestId('check-in-result')
      .getByText(`Checked in: ${nameOf(second)}`, { exact: false })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('checks in someone on no manifest, and the cell sees the alert and resolves it with a reason', async () => {
    const onManifest = new Set(entries.map((e) => e.personId));
    const walker = azovstal.people.find(
      (p) =>
        !onManifest.has(p.id) && p.shelterId && codeOf(p.shelterId) === 'S01' && p.status === 'sheltering',
    )!;
    const page = await desk();
    const input = page.getByLabel(inputLabel);
    await input.fill(walker.id);
    await input.press('Enter');
    await page.getByTestId('check-in-result').getByText('Alert raised: Arrived on no manifest').waitFor();

    const cell = await pageAs(browser, `${server.url}/alerts`, server.accounts.coordinator);
    await cell.getByTestId('reconciliation-counts').waitFor();
    const walkerName = `${walker.names[0]!.family} ${walker.names[0]!.given}`;
    const alert = cell.getByRole('article', { name: `Arrived on no manifest: ${walkerName}` });
    await alert.waitFor();
    expect(await seriousViolations(cell)).toEqual([]);
    await alert.getByLabel('How was it resolved?').fill('walked out with neighbours; confirmed by phone');
    await alert.getByRole('button', { name: 'Resolve' }).click();
    await alert.waitFor({ state: 'detached' });
    await cell.getByLabel('Show').selectOption('resolved');
    await cell
      .getByRole('article', { name: `Arrived on no manifest: ${walkerName}` })
      .getByText('walked out with neighbours', { exact: false })
      .waitFor();
  });

  it('voids a check-in made by mistake from the desk’s list, with a reason; the card checks in again later', async () => {
    const page = await desk();
    const first = entries[0]!;
    await page.getByRole('button', { name: `Void the check-in of ${nameOf(first)}` }).click();
    // The desk shows the whole name (patronymic, Latin spelling): the label begins with it.
    const reason = page.getByLabel(`Why was ${nameOf(first)}`);
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await reason.fill('scanned the card of the woman behind her');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Void the check-in', exact: true }).click();
    await page
      .getByTestId('void-result')
      .getByText(new RegExp(`^Check-in voided: ${nameOf(first)}.* is boarded again$`))
      .waitFor();
    await page.getByRole('row', { name: nameOf(first) }).waitFor({ state: 'detached' });

    const input = page.getByLabel(inputLabel);
    await input.fill(personCode(first.personId));
    await input.press('Enter');
    await page
      .getByTestId('check-in-result')
      .getByText(`Checked in: ${nameOf(first)}`, { exact: false })
      .waitFor();
  });
});
