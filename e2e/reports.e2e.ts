import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, pageAs, seriousViolations } from './support/browser.ts';

// The reports card of the overview: an observer downloads the public situation report and the HXL
// counts; the cell may choose the full report. What each gets is the server's decision, checked by
// the API tests; here the links are followed with the page's own session.
const { url, accounts } = inject('corridor');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

describe('reports and exports on the overview', () => {
  it('gives an observer the public situation report and the HXL counts, with no version to choose', async () => {
    const page = await pageAs(browser, url, accounts.observer);
    await page.getByRole('heading', { name: 'Reports and exports' }).waitFor();
    expect(await page.getByLabel('Version').count()).toBe(0);
    const pdf = await page.request.get(`${url}${await page.getByTestId('sitrep-pdf').getAttribute('href')}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const md = await page.request.get(`${url}${await page.getByTestId('sitrep-md').getAttribute('href')}`);
    expect(await md.text()).toContain('Public version');
    const hxl = await page.request.get(`${url}${await page.getByTestId('hxl-csv').getAttribute('href')}`);
    expect((await hxl.text()).split('\r\n')[1]).toContain('#population+total');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('lets the coordination cell ask for the full report as of a chosen time', async () => {
    const page = await pageAs(browser, url, accounts.coordinator);
    await page.getByRole('heading', { name: 'Reports and exports' }).waitFor();
    await page.getByLabel('As of (Europe/Kyiv)').fill('2022-05-06T15:00');
    await page.getByLabel('Version').selectOption('full');
    const href = (await page.getByTestId('sitrep-md').getAttribute('href'))!;
    expect(href).toContain('version=full');
    expect(href).toContain(encodeURIComponent('2022-05-06T12:00:00.000Z'));
    const md = await (await page.request.get(`${url}${href}`)).text();
    expect(md).toContain('As of 2022-05-06 12:00 UTC');
    expect(md).toContain('Full version');
    await page.context().close();
  });
});
