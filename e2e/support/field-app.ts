import type { Page } from 'playwright-core';

// Steps of the offline field app's e2e runs. The server is shared with the other files, so what a
// run registers carries a tag new on every run and the run finds its own records.

/** Six lowercase letters, new on every run (names accept letters only). */
export const runTag = (): string =>
  Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

/** A person's family and given name in Cyrillic and in Latin letters. */
export interface FieldPerson {
  cyr: [string, string];
  lat: [string, string];
}

/** Fills the person form's two name fieldsets. */
export async function fillNames(page: Page, person: FieldPerson): Promise<void> {
  const cyrillic = page.getByRole('group', { name: 'Name in Cyrillic' });
  await cyrillic.getByLabel('Family name').fill(person.cyr[0]);
  await cyrillic.getByLabel('Given name').fill(person.cyr[1]);
  const latin = page.getByRole('group', { name: 'Name in Latin letters' });
  await latin.getByLabel('Family name').fill(person.lat[0]);
  await latin.getByLabel('Given name').fill(person.lat[1]);
}

/** Cuts the page's network and waits for the app to say so. */
export async function goOffline(page: Page): Promise<void> {
  await page.context().setOffline(true);
  await page.getByTestId('connection').filter({ hasText: 'Offline' }).waitFor();
}

/** Gives the page its network back and waits until the queue has sent its `count` operations. */
export async function drainQueue(page: Page, count: number): Promise<void> {
  await page.context().setOffline(false);
  await page.getByTestId('queue-count').filter({ hasText: 'unsent: 0' }).waitFor();
  await page
    .locator('[data-testid="queued-op"][data-state="sent"]')
    .nth(count - 1)
    .waitFor();
}
