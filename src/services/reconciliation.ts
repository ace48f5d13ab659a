// Live reconciliation of registry, manifests and reception for a site: who boarded and has not
// arrived (and where each was last seen), who arrived on no manifest, who was on a manifest and never
// boarded, which children arrived without any adult responsible for them — and the counts per convoy.
import { arrivesUnaccompanied } from '../domain/reception.ts';
import type { Database, Queryable } from '../store/database.ts';
import { responsibleAdultsOf } from '../store/repos/check-ins.ts';
import { type LastSeen, lastSeen } from '../store/repos/last-seen.ts';
import * as repo from '../store/repos/reconciliation.ts';
import { requireSite } from './sites.ts';

export interface UnaccompaniedChild extends repo.CheckedInChild {
  /** The adults responsible for the child (guardians, or else the household's adults), where they are. */
  adults: Array<{
    personId: string;
    relation: string | null;
    status: string;
    lastSeen: LastSeen | null;
  }>;
}

export interface Reconciliation {
  siteId: string;
  at: string;
  counts: {
    boarded: number;
    checkedIn: number;
    boardedNotArrived: number;
    heldAtScreening: number;
    arrivedNotOnManifest: number;
    neverBoarded: number;
    unaccompaniedChildren: number;
    openAlerts: number;
  };
  convoys: repo.ConvoyCounts[];
  boardedNotArrived: Array<repo.BoardedNotArrived & { lastSeen: LastSeen | null }>;
  arrivedNotOnManifest: repo.ArrivedNotOnManifest[];
  neverBoarded: repo.NeverBoarded[];
  unaccompaniedChildren: UnaccompaniedChild[];
}

/** The reconciliation as of one moment: every part is read from the same snapshot. */
export function reconcile(db: Database, siteId: string): Promise<Reconciliation> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return reconcileIn(tx, siteId);
  });
}

async function reconcileIn(db: Queryable, siteId: string): Promise<Reconciliation> {
  await requireSite(db, siteId);
  const at = new Date().toISOString();
  const convoys = await repo.convoyCounts(db, siteId);
  const notArrived = await repo.boardedNotArrived(db, siteId);
  const offManifest = await repo.arrivedNotOnManifest(db, siteId);
  const never = await repo.neverBoarded(db, siteId);
  const children = await repo.checkedInChildren(db, siteId);
  const totals = await repo.siteCounts(db, siteId);

  const adults = await responsibleAdultsOf(
    db,
    children.map((c) => c.person.id),
  );
  const alone = children.filter((c) => arrivesUnaccompanied({ isChild: true, ...adults.get(c.person.id)! }));
  const responsibleOf = (childId: string) => {
    const { guardians, householdAdults } = adults.get(childId)!;
    return guardians.length > 0
      ? guardians
      : householdAdults.map((a) => ({ ...a, relation: null as string | null }));
  };
  const seen = await lastSeen(db, [
    ...notArrived.map((n) => n.person.id),
    ...alone.flatMap((c) => responsibleOf(c.person.id).map((a) => a.personId)),
  ]);

  return {
    siteId,
    at,
    counts: {
      boarded: totals.boarded,
      checkedIn: totals.checkedIn,
      boardedNotArrived: notArrived.length,
      heldAtScreening: notArrived.filter((n) => n.person.status === 'held_at_screening').length,
      arrivedNotOnManifest: offManifest.length,
      neverBoarded: never.length,
      unaccompaniedChildren: alone.length,
      openAlerts: totals.openAlerts,
    },
    convoys,
    boardedNotArrived: notArrived.map((n) => ({ ...n, lastSeen: seen.get(n.person.id) ?? null })),
    arrivedNotOnManifest: offManifest,
    neverBoarded: never,
    unaccompaniedChildren: alone.map((c) => ({
      ...c,
      adults: responsibleOf(c.person.id).map(({ personId, relation, status }) => ({
        personId,
        relation,
        status,
        lastSeen: seen.get(personId) ?? null,
      })),
    })),
  };
}
