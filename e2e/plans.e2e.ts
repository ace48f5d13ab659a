import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Plan } from '../web/src/plans/api.ts';
import { launchBrowser, pageAs } from './support/browser.ts';
import { apiCall, planStartOnSiteClock, preparePlanning, windows } from './support/plans.ts';

const { url, accounts } = inject('corridor');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  await preparePlanning(url, accounts.coordinator);
});
afterAll(() => browser.close());

const planOf = (page: Page) => /\/plans\/([^/?]+)/.exec(page.url())?.[1] ?? '';
const planned = (plan: Plan) => plan.trips.flatMap((t) => t.groups.flatMap((g) => g.people));
const box = async (page: Page, selector: string) => {
  const found = await page.locator(selector).evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.getBoundingClientRect();
      return { left: r.left, right: r.right, row: n.closest('li')?.getAttribute('data-testid') ?? '' };
    }),
  );
  return found;
};

describe('evacuation plans', () => {
  it('a coordinator makes a plan, reads the timeline and who is left out, and accepts it after a re-plan', async () => {
    const page = await pageAs(browser, url, accounts.coordinator);
    await page.getByRole('link', { name: 'Evacuation plans' }).click();
    await page.getByRole('heading', { name: 'Evacuation plans', level: 1 }).waitFor();
    await page.getByLabel('Plan start, site time (Europe/Kyiv)').fill(planStartOnSiteClock);
    await page.getByLabel('Time limit (seconds)').fill('4');
    await page.getByRole('button', { name: 'Make a plan' }).click();
    await page.getByRole('heading', { name: /^Evacuation plan of/ }).waitFor();
    const plan = await apiCall<Plan>(url, accounts.coordinator, 'GET', `/api/plans/${planOf(page)}`);
    expect(plan.status).toBe('draft');
    expect(plan.planStart).toBe('2022-05-06T00:00:00.000Z');
    expect(plan.trips.length).toBeGreaterThan(1);

    // Value, bound and gap as the planner certified them.
    const figures = page.getByTestId('plan-figures');
    expect(await figures.getByTestId('plan-gap').textContent()).toMatch(/^\d+(\.\d+)? ?%$/);
    expect(Number(await figures.getByTestId('plan-value').textContent())).toBeCloseTo(
      plan.value.weightedEvacuated,
      1,
    );
    expect(await figures.getByTestId('plan-optimal').textContent()).toBe(plan.optimal ? 'yes' : 'no');
    expect(await figures.getByTestId('plan-seconds').textContent()).toMatch(/\d s/);

    // One row per vehicle, every trip a bar in its vehicle's row, the windows as labelled bands.
    const vehicles = [...new Set(plan.trips.map((t) => t.vehicle.label))].sort();
    const rows = page.getByTestId('timeline-row');
    const labels = await rows.locator('.tl-label strong').allInnerTexts();
    expect([...labels].sort()).toEqual(vehicles);
    for (const label of vehicles) {
      const row = rows.filter({ has: page.getByText(label, { exact: true }) });
      expect(await row.getByTestId('timeline-trip').count(), label).toBe(
        plan.trips.filter((t) => t.vehicle.label === label).length,
      );
    }
    const bands = page.getByTestId('timeline-window');
    expect((await bands.allInnerTexts()).join('\n')).toContain(windows.may6.name);
    // Drawn to scale: every trip's time in the danger zone lies within a window's band.
    const zones = await box(page, '.tl-zone');
    const windowBands = await box(page, '.tl-window');
    expect(zones.length).toBe(plan.trips.length);
    for (const zone of zones)
      expect(windowBands.some((w) => zone.left >= w.left - 1 && zone.right <= w.right + 1)).toBe(true);

    // Choosing a trip shows who travels on it, by name.
    const ambulance = plan.trips.find((t) => t.vehicle.kind === 'ambulance')!;
    await rows
      .filter({ has: page.getByText(ambulance.vehicle.label, { exact: true }) })
      .getByTestId('timeline-trip')
      .first()
      .click();
    const panel = page.getByTestId('trip-panel');
    await panel.getByRole('heading', { name: new RegExp(ambulance.vehicle.label) }).waitFor();
    const firstAmbulanceTrip = plan.trips
      .filter((t) => t.vehicle.id === ambulance.vehicle.id)
      .sort((a, b) => a.departure.localeCompare(b.departure))[0]!;
    const travellers = firstAmbulanceTrip.groups.flatMap((g) => g.people);
    expect(await panel.getByTestId('plan-person').count()).toBe(travellers.length);
    const family = travellers[0]!.names!.find((n) => n.script === 'Cyrl')!.family;
    await panel.getByText(family).first().waitFor();
    expect(await panel.textContent()).toContain(firstAmbulanceTrip.pickupPoint.name);

    // With the keyboard: the arrow key goes to the next trip, Enter opens it.
    await page.getByTestId('timeline-trip').first().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('data-trip'));
    expect(new URL(page.url()).searchParams.get('trip')).toBe(second);
    await page.locator(`[data-trip="${second}"][aria-pressed="true"]`).waitFor();

    // Everyone left out, by reason, with the planner's explanation: S31 is cut off.
    const leftOut = page.getByTestId('left-out');
    await leftOut.getByRole('heading', { name: `Left out: ${plan.counts.leftOut} people` }).waitFor();
    expect(plan.counts.leftOut).toBeGreaterThan(0);
    const cutOff = leftOut
      .getByTestId('left-out-reason')
      .filter({ has: page.getByRole('heading', { name: /Shelter cut off from every pickup point/ }) });
    await cutOff
      .getByTestId('left-out-explanation')
      .filter({ hasText: /the way from S31/ })
      .first()
      .waitFor();
    expect(await leftOut.getByTestId('plan-person').count()).toBe(plan.counts.leftOut);

    // Someone on the plan declines before it is accepted: accepting is refused and says why.
    const decliner = planned(plan).find((p) => p.needs === 'seat')!;
    await apiCall(url, accounts.coordinator, 'POST', `/api/people/${decliner.id}/status`, {
      status: 'declined',
    });
    await page.getByRole('button', { name: 'Accept this plan' }).click();
    const refusal = page.getByTestId('accept-conflict');
    await refusal.getByText('This plan can no longer be accepted.').waitFor();
    expect(await refusal.textContent()).toMatch(/1 of the people this plan carries is no longer ready/);
    expect(await refusal.getAttribute('role')).toBe('alert');

    // Re-plan without the 6 May window: the new draft says how many people it moved.
    await page.getByRole('button', { name: 'Re-plan…' }).click();
    const form = page.getByTestId('replan-form');
    await form.getByLabel(windows.may6.name).check();
    await form.getByLabel('Time limit (seconds)').fill('4');
    await form.getByRole('button', { name: 'Make a new draft' }).click();
    await page.waitForURL((u) => !u.pathname.endsWith(plan.id) && u.pathname.startsWith('/plans/'));
    const moved = page.getByTestId('moved');
    await moved.waitFor();
    const replanned = await apiCall<Plan>(url, accounts.coordinator, 'GET', `/api/plans/${planOf(page)}`);
    expect(replanned.basedOn).toBe(plan.id);
    expect(replanned.moved?.people).toBeGreaterThan(0);
    expect(await moved.textContent()).toBe(
      `People moved to another vehicle or window: ${replanned.moved?.people}`,
    );
    expect(replanned.trips.every((t) => t.window.id === windows.may7.id)).toBe(true);
    expect(planned(replanned).map((p) => p.id)).not.toContain(decliner.id);

    await page.getByRole('button', { name: 'Accept this plan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Accepted: ${replanned.counts.planned} people are now assigned` })
      .waitFor();
    await page.getByTestId('plan-status').filter({ hasText: 'accepted' }).waitFor();
    expect(await page.getByRole('button', { name: 'Accept this plan' }).count()).toBe(0);
    const someone = planned(replanned)[0]!;
    expect(
      (await apiCall<{ status: string }>(url, accounts.coordinator, 'GET', `/api/people/${someone.id}`))
        .status,
    ).toBe('assigned');

    // The list shows both plans with their status.
    await page.getByRole('link', { name: '← All plans' }).click();
    const list = page.getByTestId('plan-list');
    await list.getByTestId('plan-row').filter({ hasText: 'accepted' }).waitFor();
    expect(await list.getByTestId('plan-row').filter({ hasText: 'draft' }).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('shows a reception desk the accepted plan without the decisions, and observers no plans at all', async () => {
    const [site] = (
      await apiCall<{ items: Array<{ id: string }> }>(url, accounts.reception, 'GET', '/api/sites')
    ).items;
    const plans = await apiCall<{ items: Array<{ id: string; status: string }> }>(
      url,
      accounts.reception,
      'GET',
      `/api/sites/${site!.id}/plans`,
    );
    const shown = plans.items.find((p) => p.status === 'accepted') ?? plans.items[0]!;
    const page = await pageAs(browser, `${url}/plans/${shown.id}`, accounts.reception);
    await page.getByTestId('timeline-trip').first().waitFor();
    expect(await page.getByRole('button', { name: 'Accept this plan' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Re-plan…' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Make a plan' }).count()).toBe(0);
    await page.context().close();

    const observer = await pageAs(browser, url, accounts.observer);
    expect(await observer.getByRole('link', { name: 'Evacuation plans' }).count()).toBe(0);
    await observer.goto(`${url}/plans/${shown.id}`);
    await observer.getByText('There is no such page.').waitFor();
    await observer.context().close();
  });
});
