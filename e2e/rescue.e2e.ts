import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, pageAs, seriousViolations } from './support/browser.ts';

const { url, accounts } = inject('corridor');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** The rows of a table on the page, as the text of their cells. */
const rowsOf = (page: Page, testId: string): Promise<string[][]> =>
  page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent?.trim() ?? ''),
      ),
    );

const reachableAt = (page: Page, code: string) =>
  page.getByTestId(`point-${code}`).getAttribute('data-reachable-at');

describe('rescue by hand in the web app', () => {
  it('a coordinator makes a plan, accepts it, records progress, and sees a shelter’s estimate move on the site diagram', async () => {
    const page = await pageAs(browser, url, accounts.coordinator);
    await page.getByRole('link', { name: 'Rescue' }).click();
    const form = page.getByTestId('make-plan');
    await form.getByLabel('Time limit (seconds)').fill('2');
    await form.getByRole('button', { name: 'Make the plan' }).click();
    await page.waitForURL(/\/rescue\/[0-9a-f-]{36}$/);
    await page.getByTestId('plan-status').filter({ hasText: 'draft' }).waitFor();

    // The plan as made: effort against its bound, passages to clear, the crews' ordered tasks, and
    // for each shelter a time or the reason it cannot be reached.
    const total = Number((await page.getByTestId('effort-total').textContent())?.replace(/[^\d.]/g, ''));
    expect(total).toBeGreaterThan(0);
    const toClear = await rowsOf(page, 'passages-to-clear');
    expect(toClear.length).toBeGreaterThan(0);
    await page.getByTestId('crew-chart').waitFor();
    expect(await page.getByTestId('crew-tasks').count()).toBe(3);
    const shelters = await rowsOf(page, 'shelter-estimates');
    const byCode = new Map(shelters.map((cells) => [cells[0], cells]));
    expect(byCode.get('S24')?.[3]).toContain('cut off');
    expect(byCode.get('S01')?.[3]).toBe('now');
    // A crew's first task, and a shelter that waits for nothing that ends later: progress on that
    // passage must bring the shelter's time forward.
    const firstTasks = await page
      .getByTestId('crew-tasks')
      .locator('tbody tr:first-child')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent?.trim() ?? ''),
        ),
      );
    const pairs = firstTasks.flatMap(([, code, , , , finishes]) =>
      shelters
        .filter((cells) => cells[3] === finishes && (cells[4] ?? '').split(', ').includes(code!))
        .map((cells) => ({ shelter: cells[0]!, passage: code! })),
    );
    expect(pairs.length).toBeGreaterThan(0);
    const { shelter, passage } = pairs[0]!;
    expect(toClear.map((cells) => cells[0])).toContain(passage);

    // Until it is accepted, nothing is shown on the site diagram and no progress can be recorded.
    expect(await page.getByTestId('progress-form').count()).toBe(0);
    await page.getByRole('button', { name: 'Accept this plan' }).click();
    await page.getByTestId('plan-status').filter({ hasText: 'accepted' }).waitFor();

    const before = await reachableAt(page, shelter);
    expect(before).toBeTruthy();
    const labelBefore = await page.getByTestId(`reach-label-${shelter}`).textContent();
    expect(labelBefore).toBe(byCode.get(shelter)?.[3]);

    // "Crew N cleared 50 % of passage P": the crew the plan gives the passage to is proposed.
    const progress = page.getByTestId('progress-form');
    const passageSelect = progress.getByLabel('Passage', { exact: true });
    const option = passageSelect.locator('option', { hasText: passage });
    await passageSelect.selectOption((await option.getAttribute('value'))!);
    const crew = toClear.find((cells) => cells[0] === passage)![3];
    expect(await progress.getByLabel('Crew').locator('option:checked').textContent()).toBe(crew);
    await progress.getByLabel('Share cleared (%)').fill('50');
    await progress.getByRole('button', { name: 'Record', exact: true }).click();
    await progress
      .getByTestId('progress-recorded')
      .filter({ hasText: `cleared 50 % of ${passage}` })
      .waitFor();

    // The diagram shows the re-planned time without a reload, and the passage's share.
    await page.waitForFunction(
      ([code, old]) =>
        document.querySelector(`[data-testid="point-${code}"]`)?.getAttribute('data-reachable-at') !== old,
      [shelter, before] as const,
    );
    // Which way it moves is the planner's to say (plan-properties.test.ts): a re-plan may trade
    // this shelter's time for others'. The diagram and the plan's table must say the same.
    const after = await reachableAt(page, shelter);
    expect(Date.parse(after!)).not.toBe(Date.parse(before!));
    const labelAfter = await page.getByTestId(`reach-label-${shelter}`).textContent();
    await page.getByTestId(`estimate-${shelter}`).locator('.reach-badge', { hasText: labelAfter! }).waitFor();
    expect(await page.locator(`[data-to-clear][data-percent="50"]`).count()).toBe(1);
    await page.getByTestId('progress-history').getByText(`cleared 50 % of ${passage}`).waitFor();

    // The site screen shows the same estimates, from the accepted plan.
    await page.getByRole('link', { name: 'Site', exact: true }).click();
    await page.getByTestId('site-estimates').waitFor();
    await page.locator(`[data-testid="point-${shelter}"][data-reachable-at="${after}"]`).waitFor();
    expect(await page.getByTestId(`reach-label-${shelter}`).textContent()).toBe(labelAfter);
    await page.context().close();
  });

  it('lets the keyboard choose a passage on the diagram for a progress report', async () => {
    const page = await pageAs(browser, url, accounts.field);
    await page.getByRole('link', { name: 'Rescue' }).click();
    // Field teams record progress but do not make plans.
    await page.getByTestId('rescue-plans').waitFor();
    expect(await page.getByTestId('make-plan').count()).toBe(0);
    await page.getByTestId('rescue-plan-row').filter({ hasText: 'accepted' }).getByRole('link').click();
    const progress = page.getByTestId('progress-form');
    await progress.waitFor();
    const passageSelect = progress.getByLabel('Passage', { exact: true });
    const selected = (await passageSelect.locator('option:checked').textContent()) ?? '';
    const marked = await page
      .locator('[data-to-clear]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('data-testid') ?? ''));
    const testId = marked.find((id) => !selected.startsWith(id.replace('passage-', '')))!;
    await page.getByTestId(testId).focus();
    await page.keyboard.press('Enter');
    await passageSelect
      .locator('option:checked', { hasText: testId.replace('passage-', '') })
      .waitFor({ state: 'attached' });
    await page.context().close();
  });

  it('shows a shelter chosen on the plan’s diagram with its estimate, and lets a coordinator discard a draft', async () => {
    const page = await pageAs(browser, `${url}/rescue`, accounts.coordinator);
    await page.getByTestId('make-plan').getByLabel('Time limit (seconds)').fill('1');
    await page.getByRole('button', { name: 'Make the plan' }).click();
    await page.getByTestId('plan-status').filter({ hasText: 'draft' }).waitFor();
    await page.getByTestId('point-S24').click();
    const box = page.getByTestId('shelter-box');
    await box.getByRole('heading', { name: 'S24' }).waitFor();
    await box.getByText(/cut off: .*S24-J10 unsafe/).waitFor();
    await page.getByRole('button', { name: 'Discard' }).click();
    await page.getByTestId('plan-status').filter({ hasText: 'discarded' }).waitFor();
    expect(await page.getByRole('button', { name: 'Accept this plan' }).count()).toBe(0);
    await page.getByRole('link', { name: 'All rescue plans' }).click();
    await page.getByTestId('rescue-plan-row').filter({ hasText: 'discarded' }).first().waitFor();
    await page.context().close();
  });

  it('reads in Ukrainian, with no serious accessibility violation', async () => {
    const page = await pageAs(browser, url, accounts.coordinator);
    await page.getByRole('link', { name: 'Rescue' }).click();
    await page.getByTestId('rescue-plan-row').filter({ hasText: 'accepted' }).getByRole('link').click();
    await page.getByTestId('progress-form').waitFor();
    await page.getByLabel('Language').selectOption('uk');
    await page.getByRole('heading', { name: /План рятування від/ }).waitFor();
    await page.getByRole('button', { name: 'Записати', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Мова').selectOption('en');
    await page.context().close();
  });

  it('is not shown to the roles that may not see where crews are', async () => {
    for (const role of ['reception', 'observer'] as const) {
      const page = await pageAs(browser, url, accounts[role]);
      expect(await page.getByRole('link', { name: 'Rescue' }).count(), role).toBe(0);
      await page.goto(`${url}/rescue`);
      await page.getByText('There is no such page.').waitFor();
      await page.context().close();
    }
  });
});
