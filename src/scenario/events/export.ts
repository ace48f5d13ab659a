import type { Queryable } from '../../store/database.ts';
import { listClaims, listIncidents, listVerifications } from '../../store/repos/claims.ts';
import { listParties, listSources } from '../../store/repos/parties.ts';
import { listAcceptances, listPauses } from '../../store/repos/pauses.ts';
import { claimRecord, incidentRecord, partyRecord, pauseRecord, sourceRecord } from './records.ts';

/**
 * The parties, sources, pauses, incidents and claims sections of a site's file, in a fixed order.
 * Parties and sources are shared by every site, so all of them travel with each site; empty
 * sections are left out.
 */
export async function exportEvents(db: Queryable, siteId: string): Promise<Array<[string, unknown[]]>> {
  const pauses = await listPauses(db, siteId);
  const acceptances = await listAcceptances(
    db,
    pauses.map((p) => p.id),
  );
  const claims = await listClaims(db, { siteId });
  const withHistory = [];
  for (const claim of claims) withHistory.push({ ...claim, history: await listVerifications(db, claim.id) });
  const sections: Array<[string, unknown[]]> = [
    ['parties', (await listParties(db)).map(partyRecord)],
    ['sources', (await listSources(db)).map(sourceRecord)],
    ['pauses', pauses.map((p) => pauseRecord({ ...p, acceptances: acceptances.get(p.id) ?? [] }))],
    ['incidents', (await listIncidents(db, siteId)).map(incidentRecord)],
    ['claims', withHistory.map(claimRecord)],
  ];
  // An empty section is left out, as a file written before these sections existed would be.
  return sections.filter(([, records]) => records.length > 0);
}
