import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Role, roles } from '../src/domain/roles.ts';
import { launchBrowser, logIn, newPage, pageAs } from './support/browser.ts';

const { url, accounts } = inject('corridor');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

// What each role finds in the main menu: the server's permissions (src/domain/roles.ts), written
// out again by hand from the roles' purpose.
const menus: Record<Role, string[]> = {
  admin: [
    'Overview',
    'Site',
    'Registry',
    'Pauses and timeline',
    'Evacuation plans',
    'Rescue',
    'Convoys',
    'Alerts',
    'Import',
    'Audit trail',
  ],
  coordinator: [
    'Overview',
    'Site',
    'Registry',
    'Field (offline)',
    'Pauses and timeline',
    'Evacuation plans',
    'Rescue',
    'Convoys',
    'Reception desk',
    'Alerts',
    'Tracing',
    'Duplicates',
    'Children',
    'Import',
    'Bundle import',
  ],
  // Field teams capture offline, board people and report the road; tracing and children's cases are
  // the cell's.
  field: [
    'Overview',
    'Site',
    'Registry',
    'Field (offline)',
    'Pauses and timeline',
    'Evacuation plans',
    'Rescue',
    'Convoys',
    'Bundle import',
  ],
  // Desks check people in, see the alerts they raise, file tracing requests and hand children over.
  reception: [
    'Overview',
    'Site',
    'Registry',
    'Pauses and timeline',
    'Evacuation plans',
    'Convoys',
    'Reception desk',
    'Alerts',
    'Tracing',
    'Children',
  ],
  observer: ['Overview', 'Site', 'Pauses and timeline'],
  // Auditors read the audit trail and nothing else.
  auditor: ['Audit trail'],
};

describe('logging in and out', () => {
  for (const role of roles)
    it(`logs in as ${role}, sees the overview (an auditor: the audit trail) and the menu of that role, and logs out`, async () => {
      const page = await newPage(browser);
      await logIn(page, url, accounts[role]);
      await page
        .getByRole('heading', { name: role === 'auditor' ? 'Audit trail' : /Overview: Azovstal/ })
        .waitFor();
      expect(await page.getByTestId('user').textContent()).toContain(accounts[role].username);
      const menu = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
      expect(await menu.allInnerTexts()).toEqual(menus[role]);
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('heading', { name: 'Log in to Corridor' }).waitFor();
      // The session is gone on the server too: a reload still shows the login screen.
      await page.reload();
      await page.getByRole('heading', { name: 'Log in to Corridor' }).waitFor();
      await page.context().close();
    });

  it('refuses a wrong password and says so', async () => {
    const page = await newPage(browser);
    await page.goto(url);
    await page.getByLabel('User name').fill(accounts.field.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong user name or password.' }).waitFor();
    await page.context().close();
  });
});

describe('language', () => {
  it('switches to Ukrainian, formats numbers for it, and remembers the choice after a reload', async () => {
    const page = await pageAs(browser, url, accounts.coordinator);
    await page.getByRole('heading', { name: /Overview/ }).waitFor();
    await page.getByLabel('Language').selectOption('uk');
    await page.getByRole('link', { name: 'Огляд' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');
    await page.reload();
    await page.getByRole('heading', { name: /Огляд: Azovstal/ }).waitFor();
    // Ukrainian writes thousands with a space: the reported 2,000 reads "2 000".
    await page
      .getByText(/близько 2\s000/)
      .first()
      .waitFor();
    await page.getByLabel('Мова').selectOption('en');
    await page.getByRole('link', { name: 'Overview' }).waitFor();
    await page.context().close();
  });
});
