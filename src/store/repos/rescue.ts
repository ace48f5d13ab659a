import type { AgeBand, TriageCategory, Vulnerability } from '../../domain/person.ts';
import type { ClearanceProgress, Crew, CrewStatus, RescuePlanStatus } from '../../domain/rescue.ts';
import { ageBandAt } from '../../planning/evacuation/registry-groups.ts';
import type { RescueInput, RescuePlan, RescueProgress } from '../../planning/rescue/index.ts';
import { cipherOf } from '../crypto/sealed-store.ts';
import type { Queryable } from '../database.ts';
import { acceptedPlanIdIn, type PlanHeadRow, planHead, setPlanStatusIn } from './plan-head.ts';

// Crews, rescue plans and clearance progress: the SQL, nothing else.

export interface CrewRow {
  id: string;
  site_id: string;
  name: string;
  size: number;
  position_point_id: string;
  hours_per_shift: number;
  rest_hours: number;
  shift_started_at: Date | null;
  status: CrewStatus;
  note: string | null;
  created_at: Date;
  updated_at: Date;
}

export const toCrew = (r: CrewRow): Crew => ({
  id: r.id,
  siteId: r.site_id,
  name: r.name,
  size: r.size,
  positionId: r.position_point_id,
  hoursPerShift: r.hours_per_shift,
  restHours: r.rest_hours,
  shiftStartedAt: r.shift_started_at ? r.shift_started_at.toISOString() : null,
  status: r.status,
  note: r.note,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export type CrewFields = Omit<Crew, 'createdAt' | 'updatedAt'>;

// A crew's note may name its members: sealed. Its name is a label the plans and the map show.
const crewParams = (tx: Queryable, c: CrewFields): unknown[] => [
  c.id,
  c.siteId,
  c.name,
  c.size,
  c.positionId,
  c.hoursPerShift,
  c.restHours,
  c.shiftStartedAt,
  c.status,
  cipherOf(tx).sealOrNull(c.note),
];

export async function insertCrew(tx: Queryable, c: CrewFields): Promise<void> {
  await tx.query(
    `INSERT INTO crew (id, site_id, name, size, position_point_id, hours_per_shift, rest_hours, shift_started_at,
       status, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    crewParams(tx, c),
  );
}

export async function updateCrew(tx: Queryable, c: CrewFields): Promise<void> {
  await tx.query(
    `UPDATE crew SET site_id = $2, name = $3, size = $4, position_point_id = $5, hours_per_shift = $6,
       rest_hours = $7, shift_started_at = $8, status = $9, note = $10, updated_at = now()
     WHERE id = $1`,
    crewParams(tx, c),
  );
}

export async function findCrew(db: Queryable, id: string, forUpdate = false): Promise<Crew | undefined> {
  const { rows } = await db.query<CrewRow>(
    `SELECT * FROM crew WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toCrew(rows[0]) : undefined;
}

export async function listCrews(db: Queryable, siteId: string): Promise<Crew[]> {
  const { rows } = await db.query<CrewRow>('SELECT * FROM crew WHERE site_id = $1 ORDER BY name, id', [
    siteId,
  ]);
  return rows.map(toCrew);
}

export async function crewWithName(db: Queryable, siteId: string, name: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM crew WHERE site_id = $1 AND name = $2', [
    siteId,
    name,
  ]);
  return rows[0]?.id;
}

/** What a plan keeps besides the planner's input and answer. */
export interface RescuePlanOptions {
  timeLimitSeconds: number;
  weights?: Record<string, number>;
  walkingSpeedKmh?: number;
  betweenExitsHours?: number | null;
}

export interface StoredEstimate {
  result: RescuePlan;
  progress: RescueProgress;
  at: string;
  basis: number;
}

export interface StoredRescuePlan {
  id: string;
  siteId: string;
  status: RescuePlanStatus;
  planStart: string;
  options: RescuePlanOptions;
  input: RescueInput;
  inputBasis: number;
  result: RescuePlan;
  basedOn: string | null;
  createdBy: string;
  createdById: string | null;
  createdAt: string;
  acceptedBy: string | null;
  acceptedAt: string | null;
  statusChangedAt: string;
  estimate: StoredEstimate | null;
}

type PlanRow = PlanHeadRow<RescuePlanStatus, RescuePlanOptions>;
const head = planHead<RescuePlanStatus, RescuePlanOptions>;

export type NewRescuePlan = Omit<
  StoredRescuePlan,
  'createdAt' | 'acceptedBy' | 'acceptedAt' | 'statusChangedAt' | 'estimate'
>;

export async function insertRescuePlan(tx: Queryable, p: NewRescuePlan): Promise<void> {
  await tx.query(
    `INSERT INTO rescue_plan (id, site_id, status, plan_start, options, input, input_basis, result, based_on,
       created_by, created_by_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      p.id,
      p.siteId,
      p.status,
      p.planStart,
      JSON.stringify(p.options),
      JSON.stringify(p.input),
      p.inputBasis,
      JSON.stringify(p.result),
      p.basedOn,
      p.createdBy,
      p.createdById,
    ],
  );
}

export async function findRescuePlan(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<StoredRescuePlan | undefined> {
  const { rows } = await db.query<
    PlanRow & {
      input: RescueInput;
      input_basis: number;
      result: RescuePlan;
      estimate: RescuePlan | null;
      estimate_progress: RescueProgress | null;
      estimated_at: Date | null;
      estimate_basis: number | null;
    }
  >(`SELECT * FROM rescue_plan WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  const r = rows[0];
  if (!r) return undefined;
  return {
    ...head(r),
    input: r.input,
    inputBasis: Number(r.input_basis),
    result: r.result,
    estimate:
      r.estimate && r.estimated_at
        ? {
            result: r.estimate,
            progress: r.estimate_progress ?? { now: r.estimate.now },
            at: r.estimated_at.toISOString(),
            basis: Number(r.estimate_basis ?? 0),
          }
        : null,
  };
}

export const acceptedRescuePlanId = (
  db: Queryable,
  siteId: string,
  forUpdate = false,
): Promise<string | undefined> => acceptedPlanIdIn(db, 'rescue_plan', siteId, forUpdate);

/** A plan as a list shows it: its state and numbers, without its input and tasks. */
export type RescuePlanSummary = ReturnType<typeof head> & {
  effort: RescuePlan['effort'];
  passagesToClear: number;
  sheltersReached: number;
  sheltersNotReached: number;
  estimatedAt: string | null;
  progressReports: number;
};

export async function listRescuePlans(db: Queryable, siteId: string): Promise<RescuePlanSummary[]> {
  const { rows } = await db.query<
    PlanRow & {
      effort: RescuePlan['effort'];
      passages_to_clear: number;
      reached: number;
      not_reached: number;
      estimated_at: Date | null;
      reports: number;
    }
  >(
    `SELECT id, site_id, status, plan_start, options, based_on, created_by, created_by_id, created_at, accepted_by,
       accepted_at, status_changed_at, estimated_at, result->'effort' AS effort,
       jsonb_array_length(result->'passagesToClear') AS passages_to_clear,
       (SELECT count(*)::int FROM jsonb_array_elements(coalesce(estimate, result)->'shelters') s
         WHERE s->'reachableAt' <> 'null'::jsonb) AS reached,
       (SELECT count(*)::int FROM jsonb_array_elements(coalesce(estimate, result)->'shelters') s
         WHERE s->'reachableAt' = 'null'::jsonb) AS not_reached,
       (SELECT count(*)::int FROM clearance_progress c WHERE c.plan_id = rescue_plan.id) AS reports
     FROM rescue_plan WHERE site_id = $1 ORDER BY created_at DESC, id DESC`,
    [siteId],
  );
  return rows.map((r) => ({
    ...head(r),
    effort: r.effort,
    passagesToClear: r.passages_to_clear,
    sheltersReached: r.reached,
    sheltersNotReached: r.not_reached,
    estimatedAt: r.estimated_at ? r.estimated_at.toISOString() : null,
    progressReports: r.reports,
  }));
}

export const setRescuePlanStatus = (
  tx: Queryable,
  id: string,
  status: RescuePlanStatus,
  acceptedBy?: string,
): Promise<void> => setPlanStatusIn(tx, 'rescue_plan', id, status, acceptedBy);

/**
 * Stores a re-plan as the plan's current estimate unless a re-plan that had seen more of the
 * site's changes was stored meanwhile; says whether it was stored.
 */
export async function saveEstimate(
  tx: Queryable,
  planId: string,
  estimate: Omit<StoredEstimate, 'at'> & { at: string },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE rescue_plan SET estimate = $2, estimate_progress = $3, estimated_at = $4, estimate_basis = $5
     WHERE id = $1 AND (estimate_basis IS NULL OR estimate_basis <= $5)`,
    [planId, JSON.stringify(estimate.result), JSON.stringify(estimate.progress), estimate.at, estimate.basis],
  );
  return rowCount > 0;
}

/** The sequence number of the last operation logged: how much of the site's history a read has seen. */
export async function lastOperationSeq(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM operation');
  return Number(rows[0]?.seq ?? 0);
}

interface ProgressRow {
  id: string;
  plan_id: string;
  crew_id: string;
  passage_id: string;
  percent: number;
  at: Date;
  reported_by: string;
  note: string | null;
}

const toProgress = (r: ProgressRow): ClearanceProgress => ({
  id: r.id,
  planId: r.plan_id,
  crewId: r.crew_id,
  passageId: r.passage_id,
  percent: r.percent,
  at: r.at.toISOString(),
  reportedBy: r.reported_by,
  note: r.note,
});

export async function insertProgress(
  tx: Queryable,
  p: ClearanceProgress & { reportedById: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO clearance_progress (id, plan_id, crew_id, passage_id, percent, at, reported_by, reported_by_id, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      p.id,
      p.planId,
      p.crewId,
      p.passageId,
      p.percent,
      p.at,
      p.reportedBy,
      p.reportedById,
      cipherOf(tx).sealOrNull(p.note),
    ],
  );
}

export async function findProgress(db: Queryable, id: string): Promise<ClearanceProgress | undefined> {
  const { rows } = await db.query<ProgressRow>('SELECT * FROM clearance_progress WHERE id = $1', [id]);
  return rows[0] ? toProgress(rows[0]) : undefined;
}

export async function listProgress(db: Queryable, planId: string): Promise<ClearanceProgress[]> {
  const { rows } = await db.query<ProgressRow>(
    'SELECT * FROM clearance_progress WHERE plan_id = $1 ORDER BY at, created_at, id',
    [planId],
  );
  return rows.map(toProgress);
}

/**
 * The latest report of each crew and of each passage of the site, whatever plan it was made
 * under: progress is a fact about the rubble and the crew, and carries over to a new plan.
 * Reports are ordered by when they were observed, then by when they were recorded.
 */
export async function latestProgress(
  db: Queryable,
  siteId: string,
): Promise<{
  byCrew: ClearanceProgress[];
  byPassage: Array<ClearanceProgress & { beforeStateChange: boolean }>;
}> {
  // beforeStateChange: the passage's state was reported again after the progress was recorded
  // (a collapse, a new estimate), so the share no longer says how much rubble is left.
  const latest = (key: string) =>
    db.query<ProgressRow & { before_state_change: boolean }>(
      `SELECT DISTINCT ON (c.${key}) c.*,
         c.created_at < coalesce(p.state_reported_at, '-infinity'::timestamptz) AS before_state_change
       FROM clearance_progress c JOIN crew ON crew.id = c.crew_id JOIN passage p ON p.id = c.passage_id
       WHERE crew.site_id = $1 ORDER BY c.${key}, c.at DESC, c.created_at DESC, c.id DESC`,
      [siteId],
    );
  const [byCrew, byPassage] = [await latest('crew_id'), await latest('passage_id')];
  return {
    byCrew: byCrew.rows.map(toProgress),
    byPassage: byPassage.rows.map((r) => ({ ...toProgress(r), beforeStateChange: r.before_state_change })),
  };
}

/** People who count for rescue, grouped by shelter and by what sets their priority. No names. */
export interface ShelteredGroup {
  shelterId: string;
  vulnerabilities: Vulnerability[];
  triage: TriageCategory | null;
  ageBand: AgeBand | null;
  count: number;
}

/**
 * The registry's people still in the site (sheltering, ready or assigned) with a shelter, grouped.
 * A missing age band is taken from the birth date on `day`, or from the birth year (the younger
 * band when the year alone leaves it open, so a child is never taken for an adult). Birth dates
 * are sealed, so the bands are worked out here from the opened values, not in SQL.
 */
export async function shelteredGroups(db: Queryable, siteId: string, day: Date): Promise<ShelteredGroup[]> {
  const { rows } = await db.query<{
    shelter_id: string;
    vulnerabilities: Vulnerability[];
    triage: TriageCategory | null;
    age_band: AgeBand | null;
    birth_date: string | null;
    birth_year: number | null;
  }>(
    `SELECT shelter_id, vulnerabilities, triage, age_band, birth_date_sealed AS birth_date,
       birth_year_sealed AS birth_year
     FROM person
     WHERE site_id = $1 AND shelter_id IS NOT NULL AND status IN ('sheltering', 'ready', 'assigned')`,
    [siteId],
  );
  const groups = new Map<string, ShelteredGroup>();
  for (const r of rows) {
    const ageBand = ageBandAt({ ageBand: r.age_band, birthDate: r.birth_date, birthYear: r.birth_year }, day);
    const key = JSON.stringify([r.shelter_id, r.vulnerabilities, r.triage, ageBand]);
    const group = groups.get(key);
    if (group) group.count++;
    else
      groups.set(key, {
        shelterId: r.shelter_id,
        vulnerabilities: r.vulnerabilities,
        triage: r.triage,
        ageBand,
        count: 1,
      });
  }
  return [...groups.values()].sort(byGroup);
}

// The order the SQL gave before (ORDER BY shelter, vulnerabilities, triage, band; nulls last), so
// the plans made from the groups do not change.
const compareText = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareText(a[i] as string, b[i] as string);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

const byGroup = (a: ShelteredGroup, b: ShelteredGroup): number =>
  compareText(a.shelterId, b.shelterId) ||
  compareLists(a.vulnerabilities, b.vulnerabilities) ||
  compareText(a.triage, b.triage) ||
  compareText(a.ageBand, b.ageBand);

/**
 * Whether anything a rescue plan is made from — passages, points, crews, people, progress — has
 * changed on the site since the operation `basis`.
 */
export async function siteChangedSince(db: Queryable, siteId: string, basis: number): Promise<boolean> {
  const { rows } = await db.query<{ changed: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM operation o WHERE o.seq > $2 AND (
         (o.entity = 'passage' AND EXISTS (SELECT 1 FROM passage x WHERE x.id = o.entity_id AND x.site_id = $1))
         OR (o.entity = 'site_point' AND EXISTS (SELECT 1 FROM site_point x WHERE x.id = o.entity_id AND x.site_id = $1))
         OR (o.entity = 'crew' AND EXISTS (SELECT 1 FROM crew x WHERE x.id = o.entity_id AND x.site_id = $1))
         OR (o.entity = 'person' AND EXISTS (SELECT 1 FROM person x WHERE x.id = o.entity_id AND x.site_id = $1))
         OR (o.entity = 'clearance_progress' AND EXISTS (
               SELECT 1 FROM clearance_progress x JOIN crew c ON c.id = x.crew_id
               WHERE x.id = o.entity_id AND c.site_id = $1)))) AS changed`,
    [siteId, basis],
  );
  return rows[0]?.changed ?? false;
}

/** Codes of points, and the codes of passages' two ends, for the ids a view names. */
export async function codesOf(
  db: Queryable,
  pointIds: readonly string[],
  passageIds: readonly string[],
): Promise<{ points: Map<string, string>; passages: Map<string, { from: string; to: string }> }> {
  const points = await db.query<{ id: string; code: string }>(
    'SELECT id, code FROM site_point WHERE id = ANY($1::uuid[])',
    [pointIds],
  );
  const passages = await db.query<{ id: string; from_code: string; to_code: string }>(
    `SELECT p.id, a.code AS from_code, b.code AS to_code FROM passage p
     JOIN site_point a ON a.id = p.from_point JOIN site_point b ON b.id = p.to_point
     WHERE p.id = ANY($1::uuid[])`,
    [passageIds],
  );
  return {
    points: new Map(points.rows.map((r) => [r.id, r.code])),
    passages: new Map(passages.rows.map((r) => [r.id, { from: r.from_code, to: r.to_code }])),
  };
}

export async function crewNames(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM crew WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
