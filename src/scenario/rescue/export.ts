import type { Queryable } from '../../store/database.ts';
import { listCrews } from '../../store/repos/rescue.ts';
import { crewRecord } from './records.ts';

/** The crews section of a site's file, left out when the site has no crew. */
export async function exportRescue(db: Queryable, siteId: string): Promise<Array<[string, unknown[]]>> {
  const crews = (await listCrews(db, siteId)).map(crewRecord);
  return crews.length > 0 ? [['crews', crews]] : [];
}
