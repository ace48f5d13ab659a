import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Account } from './server.ts';

// Debian's Chromium; the machines have no internet, so nothing that phones home is switched on.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Waits for the app are generous: CI machines have two cores and may be busy, and a slow page is not
// what these tests are about (no test asserts a duration).
const patience = 90_000;

function patient(context: BrowserContext): BrowserContext {
  context.setDefaultTimeout(patience);
  context.setDefaultNavigationTimeout(patience);
  return context;
}

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

/** A fresh page (own cookies and storage) in English, at the given size. */
export async function newPage(browser: Browser, size = { width: 1280, height: 900 }): Promise<Page> {
  const context = patient(
    await browser.newContext({ viewport: size, locale: 'en-GB', timezoneId: 'Europe/Kyiv' }),
  );
  return context.newPage();
}

/** Logs in through the login screen, as a person would. */
export async function logIn(page: Page, url: string, account: Account): Promise<void> {
  await page.goto(url);
  await page.getByLabel('User name').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}

/**
 * A page of a user already signed in: the context sends the user's API token with every request,
 * so the app finds its session without going through the (rate-limited) login screen.
 */
export async function pageAs(browser: Browser, url: string, account: Account): Promise<Page> {
  const context = patient(
    await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
      timezoneId: 'Europe/Kyiv',
      extraHTTPHeaders: { authorization: `Bearer ${account.token}` },
    }),
  );
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Log out' }).waitFor();
  return page;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

/** axe-core's violations of serious or critical impact on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
}
