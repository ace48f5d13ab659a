import type { PlanContext, PlanStatus } from '../../domain/logistics.ts';
import type { Person } from '../../domain/person.ts';
import type { EvacuationInput, EvacuationPlan } from '../../planning/evacuation/model.ts';
import type { Queryable } from '../database.ts';
import { acceptedPlanIdIn, type PlanHeadRow, planHead, setPlanStatusIn } from './plan-head.ts';

export interface PlanOptionsRecord {
  timeLimitSeconds: number;
  priorityWeights?: Record<string, number>;
}

export interface StoredPlan {
  id: string;
  siteId: string;
  status: PlanStatus;
  createdBy: string;
  createdById: string | null;
  createdAt: string;
  planStart: string;
  options: PlanOptionsRecord;
  input: EvacuationInput;
  context: PlanContext;
  result: EvacuationPlan;
  basedOn: string | null;
  acceptedBy: string | null;
  acceptedAt: string | null;
  statusChangedAt: string;
}

/** A plan without its input and trips: what a list shows. */
export type PlanSummary = Omit<StoredPlan, 'input' | 'context' | 'result'> & {
  value: EvacuationPlan['value'];
  bound: EvacuationPlan['bound'];
  optimal: boolean;
  trips: number;
  leftOutPeople: number;
};

type PlanRow = PlanHeadRow<PlanStatus, PlanOptionsRecord>;
const head = planHead<PlanStatus, PlanOptionsRecord>;

export async function insertPlan(
  tx: Queryable,
  p: Omit<StoredPlan, 'createdAt' | 'statusChangedAt' | 'acceptedBy' | 'acceptedAt'>,
): Promise<void> {
  await tx.query(
    `INSERT INTO evacuation_plan (id, site_id, status, created_by, created_by_id, plan_start, options, input, context,
       result, based_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      p.id,
      p.siteId,
      p.status,
      p.createdBy,
      p.createdById,
      p.planStart,
      JSON.stringify(p.options),
      JSON.stringify(p.input),
      JSON.stringify(p.context),
      JSON.stringify(p.result),
      p.basedOn,
    ],
  );
}

export async function findPlan(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<StoredPlan | undefined> {
  const { rows } = await db.query<
    PlanRow & { input: EvacuationInput; context: PlanContext; result: EvacuationPlan }
  >(`SELECT * FROM evacuation_plan WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  const r = rows[0];
  return r ? { ...head(r), input: r.input, context: r.context, result: r.result } : undefined;
}

export const acceptedPlanId = (
  db: Queryable,
  siteId: string,
  forUpdate = false,
): Promise<string | undefined> => acceptedPlanIdIn(db, 'evacuation_plan', siteId, forUpdate);

export async function listPlans(db: Queryable, siteId: string): Promise<PlanSummary[]> {
  const { rows } = await db.query<
    PlanRow & {
      value: EvacuationPlan['value'];
      bound: EvacuationPlan['bound'];
      optimal: boolean;
      trips: number;
      left_out_people: number;
    }
  >(
    `SELECT id, site_id, status, created_by, created_by_id, created_at, plan_start, options, based_on, accepted_by,
       accepted_at, status_changed_at, result->'value' AS value, result->'bound' AS bound,
       (result->>'optimal')::boolean AS optimal, jsonb_array_length(result->'trips') AS trips,
       (SELECT coalesce(sum(jsonb_array_length(g->'personIds')), 0)::int FROM jsonb_array_elements(result->'leftOut') g)
         AS left_out_people
     FROM evacuation_plan WHERE site_id = $1 ORDER BY created_at DESC, id DESC`,
    [siteId],
  );
  return rows.map((r) => ({
    ...head(r),
    value: r.value,
    bound: r.bound,
    optimal: r.optimal,
    trips: r.trips,
    leftOutPeople: r.left_out_people,
  }));
}

export const setPlanStatus = (
  tx: Queryable,
  id: string,
  status: PlanStatus,
  acceptedBy?: string,
): Promise<void> => setPlanStatusIn(tx, 'evacuation_plan', id, status, acceptedBy);

/** What the planner needs to know of a person; no names. */
export interface PlannablePerson {
  id: string;
  householdId: string | null;
  shelterId: string | null;
  vulnerabilities: Person['vulnerabilities'];
  triage: Person['triage'];
  ageBand: Person['ageBand'];
  birthDate: string | null;
  birthYear: number | null;
  status: Person['status'];
  guardianIds: string[];
}

/** The site's ready people, and those of `alsoIds` still assigned (their plan is being re-made). */
export async function plannablePeople(
  db: Queryable,
  siteId: string,
  alsoIds: readonly string[],
): Promise<PlannablePerson[]> {
  const { rows } = await db.query<{
    id: string;
    household_id: string | null;
    shelter_id: string | null;
    vulnerabilities: Person['vulnerabilities'];
    triage: Person['triage'];
    age_band: Person['ageBand'];
    birth_date: string | null;
    birth_year: number | null;
    status: Person['status'];
    guardian_ids: string[] | null;
  }>(
    `SELECT p.id, p.household_id, p.shelter_id, p.vulnerabilities, p.triage, p.age_band, p.birth_date_sealed AS birth_date, p.birth_year_sealed AS birth_year,
       p.status, (SELECT array_agg(g.guardian_id ORDER BY g.guardian_id) FROM person_guardian g WHERE g.child_id = p.id)
         AS guardian_ids
     FROM person p
     WHERE p.site_id = $1 AND (p.status = 'ready' OR (p.status = 'assigned' AND p.id = ANY ($2::uuid[])))
     ORDER BY p.id`,
    [siteId, alsoIds],
  );
  return rows.map((r) => ({
    id: r.id,
    householdId: r.household_id,
    shelterId: r.shelter_id,
    vulnerabilities: r.vulnerabilities,
    triage: r.triage,
    ageBand: r.age_band,
    birthDate: r.birth_date,
    birthYear: r.birth_year,
    status: r.status,
    guardianIds: r.guardian_ids ?? [],
  }));
}

/** The people's statuses, their rows locked until the transaction ends. */
export async function lockStatuses(
  tx: Queryable,
  ids: readonly string[],
): Promise<Map<string, Person['status']>> {
  const { rows } = await tx.query<{ id: string; status: Person['status'] }>(
    'SELECT id, status FROM person WHERE id = ANY ($1::uuid[]) ORDER BY id FOR UPDATE',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.status]));
}

export interface StatusChange {
  personId: string;
  from: Person['status'];
  to: Person['status'];
  reason: string;
}

/**
 * Moves many people along the lifecycle in one statement, each change logged as the single-person
 * route logs it (entity person, action status). The caller has checked every transition.
 */
export async function applyStatusChanges(
  tx: Queryable,
  actor: { userId: string | null; name: string },
  changes: readonly StatusChange[],
  operationIds: readonly string[],
): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(
    `UPDATE person p SET status = c.status, status_changed_at = now(), version = p.version + 1, updated_at = now()
     FROM jsonb_to_recordset($1::jsonb) AS c (id uuid, status text) WHERE p.id = c.id`,
    [JSON.stringify(changes.map((c) => ({ id: c.personId, status: c.to })))],
  );
  await tx.query(
    `INSERT INTO operation (id, actor_id, actor, entity, entity_id, action, before, after)
     SELECT id, actor_id, actor, entity, entity_id, action, before, after
     FROM json_populate_recordset(NULL::operation, $1::json)`,
    [
      JSON.stringify(
        changes.map((c, i) => ({
          id: operationIds[i],
          actor_id: actor.userId,
          actor: actor.name,
          entity: 'person',
          entity_id: c.personId,
          action: 'status',
          before: { status: c.from },
          after: { status: c.to, reason: c.reason },
        })),
      ),
    ],
  );
}

/** Names of the people, for the roles that may see them. */
export async function namesOf(db: Queryable, ids: readonly string[]): Promise<Map<string, Person['names']>> {
  const { rows } = await db.query<{ id: string; names: Person['names'] }>(
    'SELECT id, names FROM person WHERE id = ANY ($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.names]));
}
