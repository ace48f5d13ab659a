import type { Queryable } from '../../store/database.ts';
import type { Actor } from '../../store/repos/operations.ts';
import { type CrewRow, toCrew } from '../../store/repos/rescue.ts';
import { fileError } from '../check.ts';
import { foreignIds } from '../foreign-ids.ts';
import type { SiteFile } from '../format.ts';
import { type ImportSummary, type Table, upsert } from '../upsert.ts';
import { crewRecord, type FileCrew } from './records.ts';

const crews = {
  entity: 'crew',
  table: 'crew',
  touchUpdatedAt: true,
  select: 'SELECT * FROM crew',
  columns: (c, siteId) => ({
    id: c.id,
    site_id: siteId,
    name: c.name,
    size: c.size,
    position_point_id: c.positionId,
    hours_per_shift: c.hoursPerShift,
    rest_hours: c.restHours,
    shift_started_at: c.shiftStartedAt ?? null,
    status: c.status ?? 'active',
    note: c.note ?? null,
  }),
  // A crew's note may name its members.
  seal: (row, cipher) => ({ ...row, note: cipher.sealOrNull(row.note) }),
  canonical: (r: CrewRow) => crewRecord(toCrew(r)),
} satisfies Table<FileCrew, CrewRow>;

/** Refuses what the database would refuse without a path: an id of another site, a name taken by a crew not in the file. */
async function refuseClashes(tx: Queryable, file: FileCrew[], siteId: string): Promise<void> {
  const problems = await foreignIds(tx, siteId, 'crews', 'crew', file);
  const ids = file.map((c) => c.id);
  const names = file.map((c) => c.name);
  const taken = await tx.query<{ id: string; name: string }>(
    'SELECT id, name FROM crew WHERE site_id = $1 AND name = ANY($2::text[]) AND NOT (id = ANY($3::uuid[]))',
    [siteId, names, ids],
  );
  for (const row of taken.rows)
    problems.push({
      path: `$.crews[${names.indexOf(row.name)}].name`,
      reason: `${row.name} is already the name of crew ${row.id} of this site, which is not in the file`,
    });
  if (problems.length > 0) throw fileError(problems);
}

/** Imports the crews section inside the site import's transaction, after the site's points. */
export async function importRescue(
  tx: Queryable,
  actor: Actor,
  file: SiteFile,
  summary: ImportSummary,
): Promise<void> {
  // A file without the section (older files) is not mentioned in the summary.
  if (!file.crews) return;
  await refuseClashes(tx, file.crews, file.site.id);
  await upsert(tx, actor, crews, file.crews.map(crewRecord), file.site.id, summary);
}
