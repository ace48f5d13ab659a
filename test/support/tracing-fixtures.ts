import type { TestApp } from './app.ts';
import { call, type Fixtures } from './fixtures.ts';

/** Names a tracing match shows and no one without the right may see. */
export const soughtNames = {
  familyCyrillic: 'Коваленко',
  givenCyrillic: 'Олексій',
  familyLatin: 'Kovalenko',
  givenLatin: 'Oleksiy',
  enquirer: 'Kovalenko Iryna',
  enquirerPhone: '+380 67 123 45 67',
} as const;

export interface TracingFixtures {
  /** Registered in Cyrillic by a field team. */
  foundId: string;
  /** Filed at a reception desk by his wife, in Latin letters. */
  requestId: string;
  /** A boy registered unaccompanied: his case is opened by itself. */
  unaccompaniedId: string;
  caseId: string;
  /** His aunt, whose identity and relation a coordinator checked. */
  verificationId: string;
}

/** A man registered in Cyrillic and a request for him filed in Latin letters, and an unaccompanied boy. */
export async function seedTracing(t: TestApp, f: Fixtures): Promise<TracingFixtures> {
  const found = await call<{ id: string }>(
    t,
    'field',
    'POST',
    '/api/people',
    {
      siteId: f.siteId,
      shelterId: f.shelterId,
      names: [
        {
          script: 'Cyrl',
          family: soughtNames.familyCyrillic,
          given: soughtNames.givenCyrillic,
          patronymic: 'Петрович',
        },
      ],
      sex: 'male',
      birthDate: '1979-03-14',
    },
    201,
  );
  const request = await call<{ id: string }>(
    t,
    'reception',
    'POST',
    '/api/tracing-requests',
    {
      siteId: f.siteId,
      sought: {
        names: [{ script: 'Latn', family: soughtNames.familyLatin, given: soughtNames.givenLatin }],
        sex: 'male',
        birthYear: 1979,
      },
      enquirer: { name: soughtNames.enquirer, phone: soughtNames.enquirerPhone },
      relation: 'wife',
      lastSeen: { place: 'Azovstal, bunker S1', pointId: f.shelterId, date: '2022-04-20' },
      separation: 'She left with the first convoy; he stayed to carry the wounded.',
    },
    201,
  );
  const boy = await call<{ id: string }>(
    t,
    'field',
    'POST',
    '/api/people',
    {
      siteId: f.siteId,
      shelterId: f.shelterId,
      names: [{ script: 'Cyrl', family: 'Бойко', given: 'Матвій' }],
      sex: 'male',
      ageBand: '5-11',
      vulnerabilities: ['child', 'unaccompanied_child'],
    },
    201,
  );
  const cases = await call<{ items: Array<{ id: string; childId: string }> }>(
    t,
    'coordinator',
    'GET',
    `/api/sites/${f.siteId}/child-cases`,
    undefined,
    200,
  );
  const caseId = cases.items.find((c) => c.childId === boy.id)!.id;
  const verified = await call<{ verifications: Array<{ id: string }> }>(
    t,
    'coordinator',
    'POST',
    `/api/child-cases/${caseId}/verifications`,
    {
      name: 'Бойко Лариса',
      relation: 'aunt',
      contact: '+380 66 765 43 21',
      method: 'identity_document',
      evidence: 'passport seen; the boy named her and their village before being asked',
    },
    200,
  );
  return {
    foundId: found.id,
    requestId: request.id,
    unaccompaniedId: boy.id,
    caseId,
    verificationId: verified.verifications[0]!.id,
  };
}

/**
 * A tracing request for the fixtures' adult and a case for the fixtures' child, registering no one
 * (the authorization matrix counts the people its fixtures register).
 */
export async function seedTracingRecords(
  t: TestApp,
  f: Fixtures,
): Promise<{ requestId: string; caseId: string; verificationId: string }> {
  const request = await call<{ id: string }>(
    t,
    'reception',
    'POST',
    '/api/tracing-requests',
    {
      siteId: f.siteId,
      sought: { names: [{ family: 'Shevchuk', given: 'Yaroslava' }], sex: 'female' },
      enquirer: { name: 'Shevchuk Taras', phone: '+380671112233' },
      relation: 'brother',
    },
    201,
  );
  const opened = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    '/api/child-cases',
    { childId: f.childId, kind: 'separated' },
    201,
  );
  const verified = await call<{ verifications: Array<{ id: string }> }>(
    t,
    'coordinator',
    'POST',
    `/api/child-cases/${opened.id}/verifications`,
    { name: 'Shevchuk Taras', relation: 'uncle', method: 'identity_document', evidence: 'passport seen' },
    200,
  );
  return { requestId: request.id, caseId: opened.id, verificationId: verified.verifications[0]!.id };
}
