// Reconciliation alerts: raised inside the transaction of the event that causes them (a departure,
// an arrival, a check-in), so an alert exists exactly when its cause was written; resolved only by
// a coordinator, with a reason. Raising an alert that is already open for the person changes nothing.
import { CorridorError, notFound } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { AlertKind } from '../domain/reception.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import * as repo from '../store/repos/alerts.ts';
import { lastSeen } from '../store/repos/last-seen.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';

export interface AlertToRaise {
  siteId: string;
  kind: AlertKind;
  personId: string;
  convoyId: string | null;
  details: Record<string, unknown>;
}

/** Raises one alert and logs it; returns its id, or null when the same alert was already open. */
export async function raiseAlert(tx: Queryable, actor: Actor, alert: AlertToRaise): Promise<string | null> {
  const id = newId();
  if (!(await repo.insertAlertIfNew(tx, { id, ...alert }))) return null;
  await recordOperation(tx, actor, {
    entity: 'reconciliation_alert',
    entityId: id,
    action: 'raise',
    before: null,
    after: { kind: alert.kind, personId: alert.personId, convoyId: alert.convoyId, details: alert.details },
  });
  return id;
}

interface UnboardedRow {
  person_id: string;
  site_id: string;
  convoy_code: string;
  vehicle_id: string;
  vehicle_label: string;
  status: string;
  reason: string | null;
  substitute_for: string | null;
}

/**
 * At departure: one alert per manifest entry that never boarded (expected, no-show, or replaced by
 * a substitute), carrying the no-show reason. Call it in the departure's transaction, after the
 * manifest is locked. Returns how many alerts were raised.
 */
export async function raiseDepartureAlerts(tx: Queryable, actor: Actor, convoyId: string): Promise<number> {
  const { rows } = await tx.query<UnboardedRow>(
    `SELECT m.person_id, c.site_id, c.code AS convoy_code, m.vehicle_id, v.label AS vehicle_label, m.status, m.reason,
       m.substitute_for
     FROM manifest_entry m JOIN convoy c ON c.id = m.convoy_id JOIN vehicle v ON v.id = m.vehicle_id
     WHERE m.convoy_id = $1 AND m.status <> 'boarded'
     ORDER BY v.label, m.person_id`,
    [convoyId],
  );
  let raised = 0;
  for (const r of rows) {
    const id = await raiseAlert(tx, actor, {
      siteId: r.site_id,
      kind: 'manifest_not_boarded',
      personId: r.person_id,
      convoyId,
      details: {
        convoyCode: r.convoy_code,
        vehicleId: r.vehicle_id,
        vehicleLabel: r.vehicle_label,
        manifestStatus: r.status,
        reason: r.reason,
      },
    });
    if (id) raised++;
  }
  return raised;
}

/**
 * When a convoy is recorded as arrived at its reception point: one alert per person who boarded it
 * and was no longer aboard — held at a screening point, reported missing — with the last waypoint at
 * which they were seen. People still aboard are about to be checked in, so they raise nothing here;
 * until they are, the reconciliation lists them as boarded but not arrived. Call it in the
 * transaction that records the arrival. Returns how many alerts were raised.
 */
export async function raiseArrivalAlerts(tx: Queryable, actor: Actor, convoyId: string): Promise<number> {
  return (await raiseNotArrived(tx, actor, 'm.convoy_id = $1', convoyId)).length;
}

/**
 * The same rule for one person, applied again when something that settled it is undone (their
 * check-in voided): an alert if a convoy they boarded has arrived without them. Returns the ids of
 * the alerts raised (none while one is open).
 */
export function raiseArrivalAlertFor(tx: Queryable, actor: Actor, personId: string): Promise<string[]> {
  return raiseNotArrived(tx, actor, `m.person_id = $1 AND c.status = 'arrived'`, personId);
}

async function raiseNotArrived(tx: Queryable, actor: Actor, which: string, id: string): Promise<string[]> {
  const { rows } = await tx.query<{
    person_id: string;
    site_id: string;
    convoy_id: string;
    convoy_code: string;
    vehicle_id: string;
    vehicle_label: string;
    status: string;
  }>(
    `SELECT m.person_id, c.site_id, m.convoy_id, c.code AS convoy_code, m.vehicle_id, v.label AS vehicle_label, p.status
     FROM manifest_entry m JOIN convoy c ON c.id = m.convoy_id JOIN vehicle v ON v.id = m.vehicle_id
       JOIN person p ON p.id = m.person_id
     WHERE ${which} AND m.status = 'boarded' AND p.status NOT IN ('boarded', 'arrived', 'left_reception')
       AND NOT EXISTS (SELECT 1 FROM check_in k WHERE k.person_id = m.person_id AND k.voided_at IS NULL)
     ORDER BY v.label, m.person_id`,
    [id],
  );
  const seen = await lastSeen(
    tx,
    rows.map((r) => r.person_id),
  );
  const raised: string[] = [];
  for (const r of rows) {
    const where = seen.get(r.person_id);
    const alertId = await raiseAlert(tx, actor, {
      siteId: r.site_id,
      kind: 'boarded_not_arrived',
      personId: r.person_id,
      convoyId: r.convoy_id,
      details: {
        convoyCode: r.convoy_code,
        vehicleId: r.vehicle_id,
        vehicleLabel: r.vehicle_label,
        status: r.status,
        lastSeen: where
          ? { waypointId: where.waypointId, waypointName: where.waypointName, how: where.how, at: where.at }
          : null,
      },
    });
    if (alertId) raised.push(alertId);
  }
  return raised;
}

export async function resolveAlert(
  db: Database,
  actor: Actor,
  id: string,
  resolution: string,
): Promise<repo.Alert> {
  return translating(() =>
    db.transaction(async (tx) => {
      const before = await repo.findAlert(tx, id, true);
      if (!before) throw notFound('alert', id);
      if (before.resolvedAt)
        throw new CorridorError(
          'conflict',
          `the alert was already resolved by ${before.resolvedBy} at ${before.resolvedAt}: ${before.resolution}`,
          { resolvedAt: before.resolvedAt, resolvedBy: before.resolvedBy },
        );
      const reason = resolution.trim();
      if (reason.length < 3)
        throw new CorridorError('validation_failed', 'resolution: say in a few words how it was resolved', {
          field: 'resolution',
        });
      await repo.resolveAlert(tx, id, reason, actor);
      const after = (await repo.findAlert(tx, id))!;
      await recordOperation(tx, actor, {
        entity: 'reconciliation_alert',
        entityId: id,
        action: 'resolve',
        before: { resolvedAt: null },
        after: { resolvedAt: after.resolvedAt, resolution: after.resolution },
      });
      return after;
    }),
  );
}
