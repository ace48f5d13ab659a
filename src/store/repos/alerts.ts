import type { AlertKind } from '../../domain/reception.ts';
import { sealPersonal } from '../crypto/personal.ts';
import { cipherOf } from '../crypto/sealed-store.ts';
import type { Queryable } from '../database.ts';
import type { PersonBrief } from './check-ins.ts';

export interface Alert {
  id: string;
  siteId: string;
  kind: AlertKind;
  personId: string;
  convoyId: string | null;
  details: Record<string, unknown>;
  raisedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
}

interface AlertRow {
  id: string;
  site_id: string;
  kind: AlertKind;
  person_id: string;
  convoy_id: string | null;
  details: Record<string, unknown>;
  raised_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolution: string | null;
}

const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  siteId: r.site_id,
  kind: r.kind,
  personId: r.person_id,
  convoyId: r.convoy_id,
  details: r.details,
  raisedAt: r.raised_at.toISOString(),
  resolvedAt: r.resolved_at ? r.resolved_at.toISOString() : null,
  resolvedBy: r.resolved_by,
  resolution: r.resolution,
});

export interface NewAlert {
  id: string;
  siteId: string;
  kind: AlertKind;
  personId: string;
  convoyId: string | null;
  details: Record<string, unknown>;
}

/**
 * Inserts the alert unless one of the same kind is already open for the person, in which case
 * nothing changes (the partial unique index decides, so concurrent raisers cannot both insert).
 * Returns whether it was inserted.
 */
export async function insertAlertIfNew(tx: Queryable, alert: NewAlert): Promise<boolean> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO reconciliation_alert (id, site_id, kind, person_id, convoy_id, details)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (kind, person_id) WHERE resolved_at IS NULL DO NOTHING
     RETURNING id`,
    // The details may name the desk that met the person: personal keys are sealed, as in the log.
    [
      alert.id,
      alert.siteId,
      alert.kind,
      alert.personId,
      alert.convoyId,
      JSON.stringify(sealPersonal(cipherOf(tx), alert.details)),
    ],
  );
  return rows.length === 1;
}

export async function findAlert(db: Queryable, id: string, forUpdate = false): Promise<Alert | undefined> {
  const { rows } = await db.query<AlertRow>(
    `SELECT * FROM reconciliation_alert WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toAlert(rows[0]) : undefined;
}

/** The alerts a check-in raised, found again when the same request is repeated. */
export async function alertsOfCheckIn(db: Queryable, checkInId: string, personId: string): Promise<Alert[]> {
  const { rows } = await db.query<AlertRow>(
    `SELECT * FROM reconciliation_alert WHERE person_id = $2 AND details->>'checkInId' = $1 ORDER BY raised_at, id`,
    [checkInId, personId],
  );
  return rows.map(toAlert);
}

/** The person's open alerts of these kinds, locked. */
export async function openAlertsOf(
  tx: Queryable,
  personId: string,
  kinds: readonly AlertKind[],
): Promise<Alert[]> {
  const { rows } = await tx.query<AlertRow>(
    `SELECT * FROM reconciliation_alert WHERE person_id = $1 AND kind = ANY ($2::text[]) AND resolved_at IS NULL
     ORDER BY raised_at, id FOR UPDATE`,
    [personId, kinds],
  );
  return rows.map(toAlert);
}

export async function resolveAlert(
  tx: Queryable,
  id: string,
  resolution: string,
  by: { userId: string | null; name: string },
): Promise<void> {
  await tx.query(
    `UPDATE reconciliation_alert SET resolved_at = now(), resolved_by = $2, resolved_by_id = $3, resolution = $4
     WHERE id = $1`,
    // How an alert about a person was resolved says where they are or what befell them: sealed.
    [id, by.name, by.userId, cipherOf(tx).seal(resolution)],
  );
}

export type AlertState = 'open' | 'resolved' | 'all';

/** An alert with what a coordinator needs to act on it: who, and where they are now. */
export interface AlertListItem extends Alert {
  person: PersonBrief;
  convoyCode: string | null;
}

export async function listAlerts(
  db: Queryable,
  filter: { siteId: string; state: AlertState; kind?: AlertKind | undefined; limit: number; offset: number },
): Promise<{ items: AlertListItem[]; total: number; open: number }> {
  const where = ['a.site_id = $1'];
  const params: unknown[] = [filter.siteId];
  if (filter.state === 'open') where.push('a.resolved_at IS NULL');
  if (filter.state === 'resolved') where.push('a.resolved_at IS NOT NULL');
  if (filter.kind) where.push(`a.kind = $${params.push(filter.kind)}`);
  const clause = where.join(' AND ');
  const counts = await db.query<{ total: number; open: number }>(
    `SELECT count(*)::int AS total,
       (SELECT count(*)::int FROM reconciliation_alert o WHERE o.site_id = $1 AND o.resolved_at IS NULL) AS open
     FROM reconciliation_alert a WHERE ${clause}`,
    params,
  );
  const { rows } = await db.query<AlertRow & { person: PersonBrief; convoy_code: string | null }>(
    `SELECT a.*, json_build_object('id', p.id, 'names', p.names, 'sex', p.sex, 'ageBand', p.age_band,
       'birthYear', p.birth_year_sealed, 'status', p.status) AS person, c.code AS convoy_code
     FROM reconciliation_alert a
     JOIN person p ON p.id = a.person_id
     LEFT JOIN convoy c ON c.id = a.convoy_id
     WHERE ${clause}
     -- Open alerts first, the newest on top: that is the coordinator's work queue.
     ORDER BY (a.resolved_at IS NULL) DESC, a.raised_at DESC, a.id DESC
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.limit, filter.offset],
  );
  return {
    items: rows.map((r) => ({
      ...toAlert(r),
      person: r.person,
      convoyCode: r.convoy_code,
    })),
    total: counts.rows[0]?.total ?? 0,
    open: counts.rows[0]?.open ?? 0,
  };
}
