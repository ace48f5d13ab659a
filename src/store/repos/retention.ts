import type { Queryable } from '../database.ts';

export interface RetentionCandidate {
  id: string;
  siteId: string;
  openTracing: boolean;
  openChildCase: boolean;
}

/** People who left reception before the cut-off and still carry their names, with what keeps them. */
export async function retentionCandidates(
  db: Queryable,
  cutoff: Date,
  siteId: string | null,
): Promise<RetentionCandidate[]> {
  const { rows } = await db.query<{
    id: string;
    site_id: string;
    open_tracing: boolean;
    open_child_case: boolean;
  }>(
    `SELECT p.id, p.site_id,
       EXISTS (SELECT 1 FROM tracing_request r WHERE r.status = 'open' AND (r.enquirer_person_id = p.id
         OR EXISTS (SELECT 1 FROM tracing_match m WHERE m.request_id = r.id AND m.person_id = p.id
                      AND m.status <> 'rejected'))) AS open_tracing,
       EXISTS (SELECT 1 FROM child_case c WHERE c.status = 'open' AND (c.child_id = p.id
         OR EXISTS (SELECT 1 FROM child_case_verification v WHERE v.case_id = c.id AND v.person_id = p.id)
         OR EXISTS (SELECT 1 FROM person_guardian g WHERE g.child_id = c.child_id AND g.guardian_id = p.id)))
         AS open_child_case
     FROM person p
     WHERE p.status = 'left_reception' AND p.minimised_at IS NULL AND p.status_changed_at < $1
       AND ($2::uuid IS NULL OR p.site_id = $2)
     ORDER BY p.id`,
    [cutoff, siteId],
  );
  return rows.map((r) => ({
    id: r.id,
    siteId: r.site_id,
    openTracing: r.open_tracing,
    openChildCase: r.open_child_case,
  }));
}

/** Registrations merged into these people (standing merges): they carry names of the same person. */
export async function absorbedInto(db: Queryable, survivorIds: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT m.absorbed_id AS id FROM person_merge m JOIN person p ON p.id = m.absorbed_id
     WHERE m.survivor_id = ANY($1::uuid[]) AND m.unmerged_at IS NULL AND p.minimised_at IS NULL ORDER BY 1`,
    [survivorIds],
  );
  return rows.map((r) => r.id);
}

const personalKeys = "'{names,birthDate,birthYear,note}'::text[]";

/**
 * Removes what the rest of the database still holds of these people's names, birth dates and
 * notes: the operations log's before and after documents, what merges recorded adding, the note
 * beside a consent to be found, and the label of a household none of whose members keeps a name. The person rows themselves go through the registry's own write path.
 */
export async function scrubTraces(tx: Queryable, ids: readonly string[]): Promise<void> {
  await tx.query(
    `UPDATE operation SET before = CASE WHEN jsonb_typeof(before) = 'object' THEN before - ${personalKeys} ELSE before END,
                          after = CASE WHEN jsonb_typeof(after) = 'object' THEN after - ${personalKeys} ELSE after END
     WHERE entity = 'person' AND entity_id = ANY($1::uuid[])`,
    [ids],
  );
  await tx.query(
    `UPDATE person_merge SET changes = jsonb_set(changes, '{addedNames}', '[]'::jsonb)
       #- '{filled,birthDate}' #- '{filled,birthYear}' #- '{filled,note}'
     WHERE survivor_id = ANY($1::uuid[]) OR absorbed_id = ANY($1::uuid[])`,
    [ids],
  );
  await tx.query('UPDATE tracing_consent SET note = NULL WHERE person_id = ANY($1::uuid[])', [ids]);
  await tx.query('UPDATE person SET minimised_at = now() WHERE id = ANY($1::uuid[])', [ids]);
  // A household's label is often the family's name: once none of its members keeps a name, it goes too.
  const emptied = await tx.query<{ id: string }>(
    `UPDATE household h SET label = NULL, note = NULL, updated_at = now()
     WHERE h.id IN (SELECT household_id FROM person WHERE id = ANY($1::uuid[]))
       AND NOT EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.minimised_at IS NULL)
     RETURNING h.id`,
    [ids],
  );
  await tx.query(
    `UPDATE operation SET before = CASE WHEN jsonb_typeof(before) = 'object' THEN before - '{label,note}'::text[] ELSE before END,
                          after = CASE WHEN jsonb_typeof(after) = 'object' THEN after - '{label,note}'::text[] ELSE after END
     WHERE entity = 'household' AND entity_id = ANY($1::uuid[])`,
    [emptied.rows.map((r) => r.id)],
  );
}

export interface RetentionRun {
  id: string;
  actor: string;
  actorId: string | null;
  olderThanDays: number;
  cutoff: Date;
  minimised: number;
  keptOpenTracing: number;
  keptOpenChildCase: number;
}

export async function insertRetentionRun(tx: Queryable, run: RetentionRun): Promise<void> {
  await tx.query(
    `INSERT INTO retention_run (id, actor, actor_id, older_than_days, cutoff, minimised, kept_open_tracing,
       kept_open_child_case) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      run.id,
      run.actor,
      run.actorId,
      run.olderThanDays,
      run.cutoff,
      run.minimised,
      run.keptOpenTracing,
      run.keptOpenChildCase,
    ],
  );
}
