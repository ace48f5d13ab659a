// `npm run screenshots`: starts Corridor on a fresh database with the Azovstal scenario, opens the
// main screens in Debian's Chromium and writes them to docs/screenshots/ (shown in the README).
// Needs the built app (npm run build:web) and /usr/bin/chromium (or CHROMIUM_PATH).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, logIn, newPage } from '../e2e/support/browser.ts';
import { makePlan } from '../e2e/support/plans.ts';
import { acceptedRescuePlan } from '../e2e/support/rescue.ts';
import { azovstal } from '../e2e/support/scenario.ts';
import { startCorridor } from '../e2e/support/server.ts';

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });

const shelter = azovstal.points.find((p) => p.code === 'S01')!;
const person = azovstal.people.find((p) => p.shelterId === shelter.id && p.householdId)!;

interface Shot {
  file: string;
  path: string;
  ready: (page: Page) => Promise<unknown>;
  fullPage?: boolean;
  /** Only this part of the page. */
  part?: (page: Page) => Locator;
}

const coordinatorShots: Shot[] = [
  { file: 'overview.png', path: '/', ready: (p) => p.getByTestId('tile-total').waitFor(), fullPage: true },
  {
    file: 'site.png',
    path: `/site?point=${shelter.id}`,
    ready: (p) => p.getByTestId('point-panel').getByRole('link').first().waitFor(),
  },
  { file: 'registry.png', path: '/registry', ready: (p) => p.getByTestId('person-row').first().waitFor() },
  {
    file: 'person.png',
    path: `/people/${person.id}`,
    ready: (p) => p.getByTestId('history').locator('li').first().waitFor(),
  },
  {
    file: 'pauses.png',
    path: '/pauses',
    ready: (p) => p.getByTestId('pause-card').first().getByText('Announced by RU MoD').waitFor(),
  },
];

const server = await startCorridor();
const browser = await launchBrowser();
try {
  const shoot = async (page: Page, shot: Shot) => {
    await page.goto(`${server.url}${shot.path}`);
    await shot.ready(page);
    await page.waitForLoadState('networkidle');
    if (shot.part) await shot.part(page).screenshot({ path: join(out, shot.file) });
    else await page.screenshot({ path: join(out, shot.file), fullPage: shot.fullPage ?? false });
    process.stdout.write(`wrote docs/screenshots/${shot.file}\n`);
  };

  const login = await newPage(browser);
  await shoot(login, { file: 'login.png', path: '/', ready: (p) => p.getByLabel('User name').waitFor() });
  await login.context().close();

  const page = await newPage(browser);
  await logIn(page, server.url, server.accounts.coordinator);
  for (const shot of coordinatorShots) await shoot(page, shot);
  // An evacuation plan of a few shelters' people, with its first trip chosen.
  const plan = await makePlan(server.url, server.accounts.coordinator);
  await shoot(page, {
    file: 'plan.png',
    path: `/plans/${plan.id}?trip=${encodeURIComponent(plan.trips[0]!.id)}`,
    ready: (p) => p.getByTestId('trip-panel').waitFor(),
    part: (p) => p.locator('section').filter({ has: p.getByTestId('plan-timeline') }),
  });
  // A rescue plan, accepted, after a crew reported part of its first passage cleared.
  const rescue = await acceptedRescuePlan(server.url, server.accounts.coordinator, 40);
  await shoot(page, {
    file: 'rescue.png',
    path: `/rescue/${rescue.id}`,
    ready: (p) => p.getByTestId('progress-history').waitFor(),
  });
  await shoot(page, {
    file: 'rescue-crews.png',
    path: `/rescue/${rescue.id}`,
    ready: (p) => p.getByTestId('crew-chart').waitFor(),
    part: (p) => p.locator('section').filter({ has: p.getByTestId('crew-chart') }),
  });
  // The same overview in Ukrainian: the language is the user's choice, remembered by the browser.
  await page.getByLabel('Language').selectOption('uk');
  await shoot(page, {
    file: 'overview-uk.png',
    path: '/',
    ready: (p) => p.getByText('Зареєстровано людей').waitFor(),
  });
  await page.context().close();

  const observer = await newPage(browser);
  await logIn(observer, server.url, server.accounts.observer);
  await shoot(observer, {
    file: 'observer-site.png',
    path: `/site?point=${shelter.id}`,
    ready: (p) => p.getByTestId('point-panel').waitFor(),
  });
  await observer.context().close();
} finally {
  await browser.close();
  await server.stop();
}
