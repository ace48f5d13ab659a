import { newId } from '../../src/domain/ids.ts';
import type { TestApp } from './app.ts';
import { call, type Fixtures } from './fixtures.ts';
import type { LogisticsFixtures } from './logistics-fixtures.ts';

/** A person checked in at the logistics fixtures' reception point, and the alerts that raised. */
export interface ReceptionFixtures {
  receptionPointId: string;
  /** Checked in (on no manifest): checking them in again is refused. */
  checkedInId: string;
  /** The Idempotency-Key of that check-in. */
  checkInKey: string;
  /** Registered, never checked in. */
  waitingId: string;
  /** The alert that check-in raised (arrived on no manifest), still open. */
  openAlertId: string;
  /** Another such alert, resolved. */
  resolvedAlertId: string;
}

/**
 * Two adults registered on the fixtures' site and checked in at its reception point by a desk
 * (neither is on a manifest, so each raises an alert; the second alert is resolved), and a third
 * adult who has not arrived. Everything goes through the API.
 */
export async function seedReception(
  t: TestApp,
  f: Fixtures,
  l: LogisticsFixtures,
): Promise<ReceptionFixtures> {
  const register = async (given: string) =>
    (
      await call<{ id: string }>(
        t,
        'field',
        'POST',
        '/api/people',
        { siteId: f.siteId, names: [{ family: 'Arrival', given }], sex: 'unknown', ageBand: '18-59' },
        201,
      )
    ).id;
  const checkIn = async (personId: string, key: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/sites/${f.siteId}/check-ins`,
      headers: { ...t.as('reception'), 'idempotency-key': key },
      payload: { personId, receptionPointId: l.receptionId, desk: '1' },
    });
    if (response.statusCode !== 201) throw new Error(`check-in failed: ${response.body}`);
    return (response.json() as { alerts: Array<{ id: string }> }).alerts[0]!.id;
  };
  const checkedInId = await register('First');
  const checkInKey = newId();
  const openAlertId = await checkIn(checkedInId, checkInKey);
  const resolvedAlertId = await checkIn(await register('Second'), newId());
  await call(
    t,
    'coordinator',
    'POST',
    `/api/alerts/${resolvedAlertId}/resolve`,
    { resolution: 'came by car with relatives; confirmed by phone' },
    200,
  );
  return {
    receptionPointId: l.receptionId,
    checkedInId,
    checkInKey,
    waitingId: await register('Waiting'),
    openAlertId,
    resolvedAlertId,
  };
}
