import type { TestApp } from './app.ts';
import { call, type Fixtures } from './fixtures.ts';

/** Ids of a crew of the fixtures' site and of rescue plans in each state. */
export interface RescueFixtures {
  crewId: string;
  acceptedPlanId: string;
  draftPlanId: string;
  discardedPlanId: string;
}

const plan = (t: TestApp, f: Fixtures) =>
  call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    `/api/sites/${f.siteId}/rescue-plans`,
    { timeLimitSeconds: 2 },
    201,
  );

/**
 * A crew of four at the exit E1, a plan accepted, a draft made after it, and a discarded plan.
 * Everything goes through the API.
 */
export async function seedRescue(t: TestApp, f: Fixtures): Promise<RescueFixtures> {
  const crew = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    `/api/sites/${f.siteId}/crews`,
    { name: 'Crew 1', size: 4, positionId: f.exitId, hoursPerShift: 8, restHours: 4 },
    201,
  );
  const accepted = await plan(t, f);
  await call(t, 'coordinator', 'POST', `/api/rescue-plans/${accepted.id}/accept`, undefined, 200);
  const draft = await plan(t, f);
  const discarded = await plan(t, f);
  await call(t, 'coordinator', 'POST', `/api/rescue-plans/${discarded.id}/discard`, undefined, 200);
  return {
    crewId: crew.id,
    acceptedPlanId: accepted.id,
    draftPlanId: draft.id,
    discardedPlanId: discarded.id,
  };
}
