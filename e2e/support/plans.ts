import { azovstal, codeOf } from './scenario.ts';
import type { Account } from './server.ts';

// Everyone in the Azovstal scenario is sheltering and Moscow's ceasefire windows are unilateral, so
// nothing can be planned until the coordination cell marks people ready and records that the ICRC
// accepted the windows of 6 and 7 May. The tests share one server: these shelters are used by no
// other test (the registry's people are in S01), S31 is cut off by a blocked passage, and every
// step may run twice.
export const plannedShelters = ['S03', 'S12', 'S31'];
export const planStart = '2022-05-06T00:00:00.000Z';
/** The same instant on the site's wall clock (Kyiv, UTC+3 in May), as the plan form takes it. */
export const planStartOnSiteClock = '2022-05-06T03:00';

const icrc = azovstal.parties.find((p) => p.shortName === 'ICRC')!.id;
const windowOn = (day: number) => azovstal.pauses.find((p) => p.announcedStart === `2022-05-0${day}T08:00`)!;
export const windows = { may6: windowOn(6), may7: windowOn(7) };

async function send(url: string, account: Account, method: string, path: string, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${account.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** A request that must succeed; its answer. */
export async function apiCall<T>(
  url: string,
  account: Account,
  method: string,
  path: string,
  body?: unknown,
) {
  const answer = await send(url, account, method, path, body);
  if (answer.status >= 400)
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as T;
}

export async function preparePlanning(url: string, coordinator: Account): Promise<void> {
  for (const person of azovstal.people.filter(
    (p) => p.shelterId && plannedShelters.includes(codeOf(p.shelterId)),
  )) {
    const answer = await send(url, coordinator, 'POST', `/api/people/${person.id}/status`, {
      status: 'ready',
      expectedStatus: 'sheltering',
    });
    // 409: another test file made them ready (or a plan assigned them) already.
    if (answer.status !== 200 && answer.status !== 409)
      throw new Error(`marking ${person.id} ready: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  for (const window of [windows.may6, windows.may7])
    await apiCall(url, coordinator, 'PUT', `/api/pauses/${window.id}/acceptances/${icrc}`, {
      answer: 'accepted',
      answeredAt: '2022-05-05T18:00:00Z',
    });
}

/** A draft plan of the prepared people from the plan start, made through the API. */
export async function makePlan(
  url: string,
  coordinator: Account,
): Promise<{ id: string; trips: Array<{ id: string }> }> {
  await preparePlanning(url, coordinator);
  const [site] = (await apiCall<{ items: Array<{ id: string }> }>(url, coordinator, 'GET', '/api/sites'))
    .items;
  return apiCall(url, coordinator, 'POST', `/api/sites/${site!.id}/plans`, {
    at: planStart,
    timeLimitSeconds: 3,
  });
}
