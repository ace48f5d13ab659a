import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Role } from '../src/domain/roles.ts';
import { launchBrowser, newPage, pageAs, seriousViolations } from './support/browser.ts';
import { makePlan } from './support/plans.ts';
import { acceptedRescuePlan } from './support/rescue.ts';
import { azovstal, nameIn } from './support/scenario.ts';

const { url, accounts } = inject('corridor');
let browser: Browser;

// A rescue plan, accepted, so that its page shows the progress form and the site diagram its estimates.
let rescuePlanId = '';

// An evacuation plan with its first trip chosen, so that its page shows the trip's people too.
let planPath = '';

beforeAll(async () => {
  browser = await launchBrowser();
  const plan = await makePlan(url, accounts.coordinator);
  planPath = `/plans/${plan.id}?trip=${encodeURIComponent(plan.trips[0]!.id)}`;
  rescuePlanId = (await acceptedRescuePlan(url, accounts.coordinator)).id;
});
afterAll(() => browser.close());

const person = azovstal.people[10]!;
const passage = azovstal.passages.find((p) => p.state === 'blocked')!;
const shelter = azovstal.points.find((p) => p.kind === 'shelter')!;

// Every screen, with what must be on it before it is checked.
const screens: Array<{ role: Role; path: string; ready: (page: Page) => Promise<void> }> = [
  { role: 'coordinator', path: '/', ready: (p) => p.getByTestId('tile-total').waitFor() },
  { role: 'coordinator', path: '/site', ready: (p) => p.getByTestId('site-diagram').waitFor() },
  {
    role: 'coordinator',
    path: `/site?point=${shelter.id}`,
    ready: (p) => p.getByTestId('point-panel').getByRole('link').first().waitFor(),
  },
  {
    role: 'coordinator',
    path: `/site?passage=${passage.id}`,
    ready: (p) => p.getByTestId('passage-panel').waitFor(),
  },
  { role: 'coordinator', path: '/registry', ready: (p) => p.getByTestId('person-row').first().waitFor() },
  {
    role: 'coordinator',
    path: `/people/${person.id}`,
    ready: (p) => p.getByTestId('history').locator('li').first().waitFor(),
  },
  {
    role: 'coordinator',
    path: `/people/${person.id}/edit`,
    ready: (p) => p.getByRole('button', { name: 'Save' }).waitFor(),
  },
  {
    role: 'coordinator',
    path: '/registry/new',
    ready: (p) => p.getByRole('button', { name: 'Save' }).waitFor(),
  },
  {
    role: 'coordinator',
    path: '/pauses',
    ready: (p) => p.getByTestId('timeline').locator('li').first().waitFor(),
  },
  { role: 'coordinator', path: '/import', ready: (p) => p.getByRole('button', { name: 'Import' }).waitFor() },
  { role: 'coordinator', path: '/rescue', ready: (p) => p.getByTestId('rescue-plan-row').first().waitFor() },
  {
    role: 'coordinator',
    get path() {
      return `/rescue/${rescuePlanId}`;
    },
    ready: (p) => p.getByTestId('progress-form').waitFor(),
  },
  { role: 'coordinator', path: '/plans', ready: (p) => p.getByTestId('plan-row').first().waitFor() },
  { role: 'coordinator', path: '/convoys', ready: (p) => p.getByTestId('make-convoys').waitFor() },
  { role: 'coordinator', path: '/alerts', ready: (p) => p.getByTestId('reconciliation-counts').waitFor() },
  {
    role: 'coordinator',
    get path() {
      return planPath;
    },
    ready: (p) => p.getByTestId('trip-panel').getByTestId('plan-person').first().waitFor(),
  },
  { role: 'reception', path: '/registry', ready: (p) => p.getByTestId('person-row').first().waitFor() },
  {
    role: 'reception',
    path: '/reception',
    ready: (p) => p.getByLabel('Scan a card or wristband, type a person id, or a name').waitFor(),
  },
  { role: 'reception', path: '/alerts', ready: (p) => p.getByTestId('reconciliation-counts').waitFor() },
  {
    role: 'reception',
    get path() {
      return planPath;
    },
    ready: (p) => p.getByTestId('left-out').getByTestId('plan-person').first().waitFor(),
  },
  { role: 'coordinator', path: '/tracing', ready: (p) => p.getByTestId('request-form').waitFor() },
  {
    role: 'coordinator',
    path: '/tracing/matches',
    ready: (p) => p.getByRole('heading', { name: 'Matches to review' }).waitFor(),
  },
  {
    role: 'coordinator',
    path: '/duplicates',
    ready: (p) => p.getByRole('heading', { name: 'Candidate duplicates' }).waitFor(),
  },
  {
    role: 'coordinator',
    path: '/children',
    // The form to open a case with a name searched, and an open case's forms unfolded.
    ready: async (p) => {
      await p.getByTestId('child-case').first().waitFor();
      await p.getByLabel('Find the child by name (any script)').fill(nameIn(person, 'Latn').family);
      await p.getByTestId('open-case').getByRole('radio').first().waitFor();
      const actions = p.getByText('Verify an adult, or close the case');
      if ((await actions.count()) > 0) await actions.first().click();
    },
  },
  { role: 'reception', path: '/tracing', ready: (p) => p.getByTestId('request-form').waitFor() },
  {
    role: 'reception',
    path: `/people/${person.id}`,
    ready: (p) => p.getByTestId('consent-state').waitFor(),
  },
  {
    role: 'reception',
    path: '/children',
    ready: (p) => p.getByRole('heading', { name: 'Children’s cases' }).waitFor(),
  },
  { role: 'observer', path: '/', ready: (p) => p.getByTestId('tile-total').waitFor() },
  { role: 'observer', path: '/pauses', ready: (p) => p.getByTestId('pause-card').first().waitFor() },
  { role: 'auditor', path: '/audit', ready: (p) => p.getByTestId('audit-table').waitFor() },
];

describe('accessibility (axe-core, serious and critical)', () => {
  it('has no violations on the login screen, in English and in Ukrainian', async () => {
    const page = await newPage(browser);
    await page.goto(url);
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Language').selectOption('uk');
    await page.getByRole('button', { name: 'Увійти' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  for (const role of ['coordinator', 'reception', 'observer', 'auditor'] as const)
    it(`has no violations on any screen a ${role} uses`, async () => {
      const page = await pageAs(browser, url, accounts[role]);
      for (const screen of screens.filter((s) => s.role === role)) {
        await page.goto(`${url}${screen.path}`);
        await screen.ready(page);
        expect(await seriousViolations(page), screen.path).toEqual([]);
      }
      await page.context().close();
    });
});
