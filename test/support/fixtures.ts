import { expect } from 'vitest';
import type { Role } from '../../src/domain/roles.ts';
import type { TestApp } from './app.ts';

/** Sends one JSON request as a role and insists on the status, showing the body when it differs. */
export async function call<T = Record<string, unknown>>(
  t: TestApp,
  role: Role,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload: unknown,
  status: number,
): Promise<T> {
  const response = await t.app.inject({
    method,
    url,
    headers: t.as(role),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status);
  return response.json() as T;
}

/** Names no route may show an observer: a person's names in two scripts, a supervisor, a reporter. */
export const secretNames = {
  familyCyrillic: 'Шевчук',
  givenCyrillic: 'Ярослава',
  patronymic: 'Іванівна',
  familyLatin: 'Shevchuk',
  givenLatin: 'Yaroslava',
  supervisor: 'Бондаренко Михайло',
  headcountReporter: 'Tkachenko Olha',
  householdLabel: 'Melnyk family',
  passageReporter: 'hrytsenko',
  claimSpeaker: 'Prokopenko Denys',
} as const;

/** Ids of one small site with every kind of record, for routes that take an id. */
export interface Fixtures {
  siteId: string;
  shelterId: string;
  exitId: string;
  passageId: string;
  householdId: string;
  personId: string;
  childId: string;
  headcountId: string;
  partyId: string;
  sourceId: string;
  pauseId: string;
  incidentId: string;
  claimId: string;
}

/**
 * A site with a shelter (with a named supervisor), an exit, a passage whose state was last reported
 * by a named field user, a household, an adult with names in Cyrillic and Latin, a child with the
 * adult as guardian, a headcount with a named reporter, and a party, a source, a pause window, an
 * incident and a claim with a named speaker. Everything goes through the API.
 */
export async function seedSite(t: TestApp, reporterToken?: string): Promise<Fixtures> {
  const site = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    '/api/sites',
    {
      name: 'Azovstal',
      place: 'Mariupol',
      timeZone: 'Europe/Kyiv',
    },
    201,
  );
  const shelter = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    `/api/sites/${site.id}/points`,
    {
      kind: 'shelter',
      code: 'S1',
      shelterKind: 'bunker',
      capacity: 300,
      level: -2,
      conditions: { water: 'two days left', air: 'stale' },
      supervisor: secretNames.supervisor,
    },
    201,
  );
  const exit = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    `/api/sites/${site.id}/points`,
    { kind: 'exit', code: 'E1', name: 'North gate' },
    201,
  );
  const passage = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    `/api/sites/${site.id}/passages`,
    { from: shelter.id, to: exit.id, lengthM: 420, state: 'open' },
    201,
  );
  if (reporterToken) {
    const report = await t.app.inject({
      method: 'POST',
      url: `/api/passages/${passage.id}/reports`,
      headers: { authorization: `Bearer ${reporterToken}` },
      payload: { state: 'blocked', clearancePersonHours: 40, note: 'rubble after shelling' },
    });
    expect(report.statusCode, report.body).toBe(201);
    expect(report.json().stateReportedBy).toBe(secretNames.passageReporter);
  }
  const household = await call<{ id: string }>(
    t,
    'field',
    'POST',
    '/api/households',
    { siteId: site.id, label: secretNames.householdLabel },
    201,
  );
  const person = await call<{ id: string }>(
    t,
    'field',
    'POST',
    '/api/people',
    {
      siteId: site.id,
      shelterId: shelter.id,
      householdId: household.id,
      names: [
        {
          script: 'Cyrl',
          family: secretNames.familyCyrillic,
          given: secretNames.givenCyrillic,
          patronymic: secretNames.patronymic,
        },
        { script: 'Latn', family: secretNames.familyLatin, given: secretNames.givenLatin },
      ],
      sex: 'female',
      birthYear: 1984,
      vulnerabilities: ['needs_medication'],
      languages: ['uk', 'ru'],
    },
    201,
  );
  const child = await call<{ id: string }>(
    t,
    'field',
    'POST',
    '/api/people',
    {
      siteId: site.id,
      shelterId: shelter.id,
      householdId: household.id,
      names: [{ script: 'Latn', family: secretNames.familyLatin, given: 'Ostap' }],
      sex: 'male',
      ageBand: '5-11',
      vulnerabilities: ['child'],
      guardians: [{ personId: person.id, relation: 'mother' }],
    },
    201,
  );
  const headcount = await call<{ id: string }>(
    t,
    'field',
    'POST',
    '/api/headcounts',
    {
      siteId: site.id,
      shelterId: shelter.id,
      category: 'children',
      count: 30,
      source: 'shelter S1 field team',
      reportedBy: secretNames.headcountReporter,
      reportedAt: '2022-05-03T09:00:00Z',
    },
    201,
  );
  const party = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    '/api/parties',
    {
      name: 'International Committee of the Red Cross',
      shortName: 'ICRC',
      kind: 'humanitarian_organisation',
    },
    201,
  );
  const source = await call<{ id: string }>(
    t,
    'field',
    'POST',
    '/api/sources',
    {
      kind: 'statement',
      title: 'Statement on the evacuation',
      partyId: party.id,
      publishedAt: '2022-05-04T12:00:00Z',
    },
    201,
  );
  const pause = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    '/api/pauses',
    {
      siteId: site.id,
      name: 'Morning window',
      kind: 'humanitarian_pause',
      announcedBy: party.id,
      announcedAt: '2022-05-04T12:00:00Z',
      announcementSourceId: source.id,
      announcedZone: 'Europe/Moscow',
      announcedStart: '2022-05-05T08:00',
      announcedEnd: '2022-05-05T18:00',
    },
    201,
  );
  const incident = await call<{ id: string }>(
    t,
    'field',
    'POST',
    '/api/incidents',
    {
      siteId: site.id,
      occurredAt: '2022-05-05T10:30:00Z',
      type: 'shelling',
      placeKind: 'shelter',
      pointId: shelter.id,
      pauseWindowId: pause.id,
      summary: 'Shelling near shelter S1 during the window',
    },
    201,
  );
  const claim = await call<{ id: string }>(
    t,
    'field',
    'POST',
    '/api/claims',
    {
      siteId: site.id,
      subject: 'incident',
      incidentId: incident.id,
      partyId: party.id,
      speaker: secretNames.claimSpeaker,
      sourceId: source.id,
      stance: 'asserts',
      words: 'The shelter was shelled during the pause.',
      statedAt: '2022-05-05T11:00:00Z',
    },
    201,
  );
  return {
    siteId: site.id,
    shelterId: shelter.id,
    exitId: exit.id,
    passageId: passage.id,
    householdId: household.id,
    personId: person.id,
    childId: child.id,
    headcountId: headcount.id,
    partyId: party.id,
    sourceId: source.id,
    pauseId: pause.id,
    incidentId: incident.id,
    claimId: claim.id,
  };
}
