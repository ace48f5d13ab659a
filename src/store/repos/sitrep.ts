import type { Queryable } from '../database.ts';

// What a situation report reads besides the registry counts, each as it stood at an instant:
// rows recorded by then, with states rolled back to that instant where the rows keep the times.

export interface ClaimAt {
  id: string;
  subject: string;
  incidentId: string | null;
  pauseWindowId: string | null;
  party: string | null;
  speaker: string | null;
  sourceTitle: string;
  sourceKind: string;
  stance: string;
  words: string;
  quoted: boolean;
  statedAt: string;
  figure: { metric: string; value: number; approximate: boolean } | null;
  verification: string;
}

/** Claims stated by the instant, each with its verification status as it was then. */
export async function claimsAt(db: Queryable, siteId: string, at: Date): Promise<ClaimAt[]> {
  const { rows } = await db.query<{
    id: string;
    subject: string;
    incident_id: string | null;
    pause_window_id: string | null;
    party: string | null;
    speaker: string | null;
    source_title: string;
    source_kind: string;
    stance: string;
    words: string;
    quoted: boolean;
    stated_at: Date;
    figure_metric: string | null;
    figure_value: number | null;
    figure_approximate: boolean | null;
    verification: string;
  }>(
    `SELECT c.id, c.subject, c.incident_id, c.pause_window_id, coalesce(p.short_name, p.name) AS party, c.speaker,
       s.title AS source_title, s.kind AS source_kind, c.stance, c.words, c.quoted, c.stated_at,
       c.figure_metric, c.figure_value, c.figure_approximate,
       COALESCE((SELECT v.from_status FROM claim_verification v WHERE v.claim_id = c.id AND v.at > $2
                 ORDER BY v.at LIMIT 1), c.verification) AS verification
     FROM claim c JOIN source s ON s.id = c.source_id LEFT JOIN party p ON p.id = c.party_id
     WHERE c.site_id = $1 AND c.stated_at <= $2 ORDER BY c.stated_at, c.id`,
    [siteId, at],
  );
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    incidentId: r.incident_id,
    pauseWindowId: r.pause_window_id,
    party: r.party,
    speaker: r.speaker,
    sourceTitle: r.source_title,
    sourceKind: r.source_kind,
    stance: r.stance,
    words: r.words,
    quoted: r.quoted,
    statedAt: r.stated_at.toISOString(),
    figure:
      r.figure_metric === null
        ? null
        : { metric: r.figure_metric, value: r.figure_value ?? 0, approximate: r.figure_approximate ?? false },
    verification: r.verification,
  }));
}

export interface IncidentAt {
  id: string;
  occurredAt: string;
  type: string;
  place: string | null;
  pauseWindowId: string | null;
  summary: string;
}

export async function incidentsAt(db: Queryable, siteId: string, at: Date): Promise<IncidentAt[]> {
  const { rows } = await db.query<{
    id: string;
    occurred_at: Date;
    type: string;
    place: string | null;
    pause_window_id: string | null;
    summary: string;
  }>(
    `SELECT i.id, i.occurred_at, i.type, coalesce(sp.code, i.place) AS place, i.pause_window_id, i.summary
     FROM incident i LEFT JOIN site_point sp ON sp.id = i.point_id
     WHERE i.site_id = $1 AND i.occurred_at <= $2 ORDER BY i.occurred_at, i.id`,
    [siteId, at],
  );
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    type: r.type,
    place: r.place,
    pauseWindowId: r.pause_window_id,
    summary: r.summary,
  }));
}

export interface HeadcountAt {
  shelter: string | null;
  category: string;
  count: number;
  approximate: boolean;
  source: string;
  reportedAt: string;
}

/** Headcounts reported by the instant; who reported them is left out (a name). */
export async function headcountsAt(db: Queryable, siteId: string, at: Date): Promise<HeadcountAt[]> {
  const { rows } = await db.query<{
    code: string | null;
    category: string;
    count: number;
    approximate: boolean;
    source: string;
    reported_at: Date;
  }>(
    `SELECT sp.code, h.category, h.count, h.approximate, h.source, h.reported_at
     FROM headcount h LEFT JOIN site_point sp ON sp.id = h.shelter_id
     WHERE h.site_id = $1 AND h.reported_at <= $2 ORDER BY h.reported_at, h.id`,
    [siteId, at],
  );
  return rows.map((r) => ({
    shelter: r.code,
    category: r.category,
    count: r.count,
    approximate: r.approximate,
    source: r.source,
    reportedAt: r.reported_at.toISOString(),
  }));
}

export interface ConvoyAt {
  code: string;
  status: string;
  plannedDeparture: string;
  plannedArrival: string;
  pauseWindowId: string | null;
  vehicles: number;
  onManifest: number;
}

/** Convoys made by the instant, each in the state it was in then. */
export async function convoysAt(db: Queryable, siteId: string, at: Date): Promise<ConvoyAt[]> {
  const { rows } = await db.query<{
    code: string;
    status: string;
    planned_departure: Date;
    planned_arrival: Date;
    pause_window_id: string | null;
    vehicles: number;
    on_manifest: number;
  }>(
    `SELECT c.code,
       CASE WHEN c.cancelled_at <= $2 THEN 'cancelled' WHEN c.arrived_at <= $2 THEN 'arrived'
            WHEN c.departed_at <= $2 THEN 'departed' ELSE 'planned' END AS status,
       c.planned_departure, c.planned_arrival, c.pause_window_id,
       (SELECT count(*)::int FROM convoy_vehicle v WHERE v.convoy_id = c.id) AS vehicles,
       (SELECT count(*)::int FROM manifest_entry m WHERE m.convoy_id = c.id AND m.status <> 'replaced') AS on_manifest
     FROM convoy c WHERE c.site_id = $1 AND c.created_at <= $2 ORDER BY c.planned_departure, c.code`,
    [siteId, at],
  );
  return rows.map((r) => ({
    code: r.code,
    status: r.status,
    plannedDeparture: r.planned_departure.toISOString(),
    plannedArrival: r.planned_arrival.toISOString(),
    pauseWindowId: r.pause_window_id,
    vehicles: r.vehicles,
    onManifest: r.on_manifest,
  }));
}

export interface AlertCount {
  kind: string;
  raised: number;
  open: number;
}

/** Reconciliation alerts raised by the instant, by kind, and how many were still open then. */
export async function alertCountsAt(db: Queryable, siteId: string, at: Date): Promise<AlertCount[]> {
  const { rows } = await db.query<{ kind: string; raised: number; open: number }>(
    `SELECT kind, count(*)::int AS raised,
       count(*) FILTER (WHERE resolved_at IS NULL OR resolved_at > $2)::int AS open
     FROM reconciliation_alert WHERE site_id = $1 AND raised_at <= $2 GROUP BY kind ORDER BY kind`,
    [siteId, at],
  );
  return rows;
}
