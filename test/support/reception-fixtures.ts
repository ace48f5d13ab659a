import { newId } from '../../src/domain/ids.ts';
import type { TestApp } from './app.ts';
import { call, type Fixtures } from './fixtures.ts';
import type { LogisticsFixtures } from './logistics-fixtures.ts';

/** A person checked in at the logistics fixtures' reception point, and the alerts that raised. */
export interface ReceptionFixtures {
  receptionPointId: string;
  /** Checked in (on no manifest): checking them in again is refused. */
  checkedInId: string;
  /** That check-in, made by the reception desk. */
  checkInId: string;
  /** A standing check-in made by the coordination cell: a reception desk may not void it. */
  cellCheckInId: string;
  /** A check-in voided as a mistake. */
  voidedCheckInId: string;
  /** The Idempotency-Key of that check-in. */
  checkInKey: string;
  /** Registered; checked in by mistake and the check-in voided, so not checked in. */
  waitingId: string;
  /** The alert that check-in raised (arrived on no manifest), still open. */
  openAlertId: string;
  /** Another such alert, resolved. */
  resolvedAlertId: string;
}

/**
 * Two adults registered on the fixtures' site and checked in at its reception point, the first by
 * a desk, the second by the cell (neither is on a manifest, so each raises an alert; the second
 * alert is resolved), and a third adult who has not arrived (a desk checked him in by mistake and
 * voided it). Everything goes through the API.
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
  const checkIn = async (personId: string, key: string, role: 'reception' | 'coordinator' = 'reception') => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/sites/${f.siteId}/check-ins`,
      headers: { ...t.as(role), 'idempotency-key': key },
      payload: { personId, receptionPointId: l.receptionId, desk: '1' },
    });
    if (response.statusCode !== 201) throw new Error(`check-in failed: ${response.body}`);
    const made = response.json() as { id: string; alerts: Array<{ id: string }> };
    return { id: made.id, alertId: made.alerts[0]!.id };
  };
  const checkedInId = await register('First');
  const checkInKey = newId();
  const first = await checkIn(checkedInId, checkInKey);
  const second = await checkIn(await register('Second'), newId(), 'coordinator');
  const resolvedAlertId = second.alertId;
  await call(
    t,
    'coordinator',
    'POST',
    `/api/alerts/${resolvedAlertId}/resolve`,
    { resolution: 'came by car with relatives; confirmed by phone' },
    200,
  );
  // The desk scanned the waiting man's card by mistake, and voided it: he is waiting again.
  const waitingId = await register('Waiting');
  const mistaken = await checkIn(waitingId, newId());
  await call(
    t,
    'reception',
    'POST',
    `/api/check-ins/${mistaken.id}/void`,
    { reason: 'scanned the wrong card' },
    200,
  );
  return {
    receptionPointId: l.receptionId,
    checkedInId,
    checkInId: first.id,
    cellCheckInId: second.id,
    voidedCheckInId: mistaken.id,
    checkInKey,
    waitingId,
    openAlertId: first.alertId,
    resolvedAlertId,
  };
}
