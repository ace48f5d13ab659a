import type { PersonStatus } from '../../domain/lifecycle.ts';
import type { Queryable } from '../database.ts';

/**
 * Where a registered person was last known to be, from the registry, the convoy manifests and the
 * reception check-ins, counting the registrations merged into them: what a coordinator needs beside
 * a tracing match to tell the family where to go.
 */
export interface Whereabouts {
  personId: string;
  status: PersonStatus;
  shelter: { id: string; code: string; name: string | null } | null;
  manifest: { convoyId: string; convoyCode: string; status: string; boardedAt: string | null } | null;
  checkIn: { receptionPoint: string; checkedInAt: string } | null;
}

interface Row {
  id: string;
  status: PersonStatus;
  shelter: Whereabouts['shelter'];
  manifest: Whereabouts['manifest'];
  check_in: Whereabouts['checkIn'];
}

export async function whereaboutsOf(
  db: Queryable,
  personIds: readonly string[],
): Promise<Map<string, Whereabouts>> {
  if (personIds.length === 0) return new Map();
  const { rows } = await db.query<Row>(
    `WITH target AS (SELECT id FROM unnest($1::uuid[]) AS t (id)),
     records AS (
       SELECT t.id, t.id AS record_id FROM target t
       UNION ALL
       SELECT t.id, m.absorbed_id FROM target t JOIN person_merge m ON m.survivor_id = t.id AND m.unmerged_at IS NULL
     )
     SELECT p.id, p.status,
       (SELECT json_build_object('id', sp.id, 'code', sp.code, 'name', sp.name) FROM site_point sp WHERE sp.id = p.shelter_id)
         AS shelter,
       (SELECT json_build_object('convoyId', c.id, 'convoyCode', c.code, 'status', me.status,
                 'boardedAt', to_char(me.boarded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
          FROM records r JOIN manifest_entry me ON me.person_id = r.record_id JOIN convoy c ON c.id = me.convoy_id
          WHERE r.id = p.id ORDER BY me.updated_at DESC LIMIT 1) AS manifest,
       (SELECT json_build_object('receptionPoint', rp.name,
                 'checkedInAt', to_char(ci.checked_in_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
          FROM records r JOIN check_in ci ON ci.person_id = r.record_id AND ci.voided_at IS NULL
            JOIN road_point rp ON rp.id = ci.reception_point_id
          WHERE r.id = p.id ORDER BY ci.checked_in_at DESC LIMIT 1) AS check_in
     FROM person p JOIN target t ON t.id = p.id`,
    [personIds],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        personId: row.id,
        status: row.status,
        shelter: row.shelter,
        manifest: row.manifest,
        checkIn: row.check_in,
      },
    ]),
  );
}
