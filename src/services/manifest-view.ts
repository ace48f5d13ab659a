// A convoy's manifest as a boarding desk, a printed manifest and the cards read it: vehicle by
// vehicle, each person with their place on it, what became of them at boarding and the text of
// their QR code. Names only for roles that see persons; everything else is the same for all.
import type { Convoy, ManifestStatus, Waypoint } from '../domain/convoy.ts';
import type { PersonName } from '../domain/person.ts';
import { personCode } from '../domain/person-code.ts';
import { evacuationPerson } from '../planning/evacuation/priority.ts';
import { ageBandAt } from '../planning/evacuation/registry-groups.ts';
import type { Queryable } from '../store/database.ts';
import { type ConvoyVehicleView, listConvoyVehicles, listWaypoints } from '../store/repos/convoys.ts';
import { type ManifestLine, manifestLines } from '../store/repos/manifest.ts';
import { requireConvoy } from './convoy-view.ts';

export type Counts = Record<ManifestStatus, number> & { total: number };

const emptyCounts = (): Counts => ({ expected: 0, boarded: 0, no_show: 0, replaced: 0, total: 0 });

function countOf(lines: readonly ManifestLine[]): Counts {
  const counts = emptyCounts();
  for (const line of lines) {
    counts[line.status] += 1;
    counts.total += 1;
  }
  return counts;
}

/** What the crew and the desk need to know about a passenger without reading the registry. */
function categoryOf(line: ManifestLine, at: Date) {
  const p = line.person;
  const ageBand = ageBandAt(p, at);
  const planned = evacuationPerson({
    id: line.personId,
    vulnerabilities: p.vulnerabilities,
    triage: p.triage,
    ageBand,
  });
  return {
    ageBand,
    child: planned.child === true,
    priority: planned.priority,
    needs: planned.needs ?? ('seat' as const),
    triage: p.triage,
  };
}

export interface ManifestEntryView {
  personId: string;
  vehicleId: string;
  status: ManifestStatus;
  reason: string | null;
  substituteFor: string | null;
  boardedAt: string | null;
  boardedBy: string | null;
  boardingMethod: ManifestLine['boardingMethod'];
  personStatus: ManifestLine['person']['status'];
  householdId: string | null;
  sex: string;
  birthDate: string | null;
  birthYear: number | null;
  category: ReturnType<typeof categoryOf>;
  /** The text of the person's QR code, as printed on their card or wristband. */
  code: string;
  names?: PersonName[];
}

export function entryView(line: ManifestLine, at: Date, withNames: boolean): ManifestEntryView {
  return {
    personId: line.personId,
    vehicleId: line.vehicleId,
    status: line.status,
    reason: line.reason,
    substituteFor: line.substituteFor,
    boardedAt: line.boardedAt,
    boardedBy: line.boardedBy,
    boardingMethod: line.boardingMethod,
    personStatus: line.person.status,
    householdId: line.person.householdId,
    sex: line.person.sex,
    birthDate: line.person.birthDate,
    birthYear: line.person.birthYear,
    category: categoryOf(line, at),
    code: personCode(line.personId),
    ...(withNames ? { names: line.person.names } : {}),
  };
}

export interface ManifestView {
  convoy: Pick<
    Convoy,
    | 'id'
    | 'siteId'
    | 'code'
    | 'status'
    | 'plannedDeparture'
    | 'plannedArrival'
    | 'manifestLockedAt'
    | 'departedAt'
  >;
  waypoints: Array<Omit<Waypoint, 'convoyId'>>;
  vehicles: Array<Omit<ConvoyVehicleView, 'convoyId'> & { manifest: Counts }>;
  counts: Counts;
  entries: ManifestEntryView[];
}

/** The whole manifest of a convoy. Ages and categories are judged on the day of planned departure. */
export async function manifestView(
  db: Queryable,
  convoyId: string,
  withNames: boolean,
): Promise<ManifestView> {
  const convoy = await requireConvoy(db, convoyId);
  const [vehicles, waypoints, lines] = await Promise.all([
    listConvoyVehicles(db, [convoy.id]),
    listWaypoints(db, [convoy.id]),
    manifestLines(db, convoy.id),
  ]);
  const at = new Date(convoy.plannedDeparture);
  return {
    convoy: {
      id: convoy.id,
      siteId: convoy.siteId,
      code: convoy.code,
      status: convoy.status,
      plannedDeparture: convoy.plannedDeparture,
      plannedArrival: convoy.plannedArrival,
      manifestLockedAt: convoy.manifestLockedAt,
      departedAt: convoy.departedAt,
    },
    waypoints: waypoints.map(({ convoyId: _, ...w }) => w),
    vehicles: vehicles.map(({ convoyId: _, ...v }) => ({
      ...v,
      manifest: countOf(lines.filter((l) => l.vehicleId === v.vehicleId)),
    })),
    counts: countOf(lines),
    entries: lines.map((line) => entryView(line, at, withNames)),
  };
}
