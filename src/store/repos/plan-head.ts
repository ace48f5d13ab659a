// What evacuation plans and rescue plans have in common as stored rows: who made them, when, the
// status they move through (draft → accepted → superseded, or discarded) and the plan they were
// re-planned from. Each repository adds its own input and result.
import type { Queryable } from '../database.ts';

export interface PlanHeadRow<Status extends string, Options> {
  id: string;
  site_id: string;
  status: Status;
  plan_start: Date;
  options: Options;
  based_on: string | null;
  created_by: string;
  created_by_id: string | null;
  created_at: Date;
  accepted_by: string | null;
  accepted_at: Date | null;
  status_changed_at: Date;
}

export const planHead = <Status extends string, Options>(r: PlanHeadRow<Status, Options>) => ({
  id: r.id,
  siteId: r.site_id,
  status: r.status,
  planStart: r.plan_start.toISOString(),
  options: r.options,
  basedOn: r.based_on,
  createdBy: r.created_by,
  createdById: r.created_by_id,
  createdAt: r.created_at.toISOString(),
  acceptedBy: r.accepted_by,
  acceptedAt: r.accepted_at ? r.accepted_at.toISOString() : null,
  statusChangedAt: r.status_changed_at.toISOString(),
});

/** The site's accepted plan's id, locked when asked, so two acceptances cannot both supersede it. */
export async function acceptedPlanIdIn(
  db: Queryable,
  table: 'evacuation_plan' | 'rescue_plan',
  siteId: string,
  forUpdate: boolean,
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM ${table} WHERE site_id = $1 AND status = 'accepted'${forUpdate ? ' FOR UPDATE' : ''}`,
    [siteId],
  );
  return rows[0]?.id;
}

/** Moves a plan to a status; an acceptance also records who accepted it and when. */
export async function setPlanStatusIn(
  tx: Queryable,
  table: 'evacuation_plan' | 'rescue_plan',
  id: string,
  status: string,
  acceptedBy?: string,
): Promise<void> {
  await tx.query(
    `UPDATE ${table} SET status = $2, status_changed_at = now(),
       accepted_by = coalesce($3, accepted_by), accepted_at = CASE WHEN $3::text IS NULL THEN accepted_at ELSE now() END
     WHERE id = $1`,
    [id, status, acceptedBy ?? null],
  );
}
