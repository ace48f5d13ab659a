import type { BoardingMethod, EntryState } from '../../domain/boarding.ts';
import type { ManifestStatus } from '../../domain/convoy.ts';
import type { PersonStatus } from '../../domain/lifecycle.ts';
import type { AgeBand, PersonName, TriageCategory, Vulnerability } from '../../domain/person.ts';
import { cipherOf } from '../crypto/sealed-store.ts';
import type { Queryable } from '../database.ts';

// Manifest entries as boarding changes them: who boarded, who did not come, who took whose place.
// The convoy's own repository creates the entries; this one changes and reads them one by one.

export interface Entry extends EntryState {
  convoyId: string;
  vehicleId: string;
  /** Who took this person's place, when they were replaced. */
  substituteId: string | null;
}

interface EntryRow {
  convoy_id: string;
  person_id: string;
  vehicle_id: string;
  vehicle_label: string;
  status: ManifestStatus;
  reason: string | null;
  substitute_for: string | null;
  boarded_at: Date | null;
  boarded_by: string | null;
  substitute_id: string | null;
}

const toEntry = (r: EntryRow): Entry => ({
  convoyId: r.convoy_id,
  personId: r.person_id,
  vehicleId: r.vehicle_id,
  vehicleLabel: r.vehicle_label,
  status: r.status,
  reason: r.reason,
  substituteFor: r.substitute_for,
  boardedAt: r.boarded_at?.toISOString() ?? null,
  boardedBy: r.boarded_by,
  substituteId: r.substitute_id,
});

/** One person's entry on one convoy's manifest (locked for the change when forUpdate). */
export async function findEntry(
  db: Queryable,
  convoyId: string,
  personId: string,
  forUpdate = false,
): Promise<Entry | undefined> {
  const { rows } = await db.query<EntryRow>(
    `SELECT m.convoy_id, m.person_id, m.vehicle_id, v.label AS vehicle_label, m.status, m.reason, m.substitute_for,
       m.boarded_at, m.boarded_by,
       (SELECT s.person_id FROM manifest_entry s WHERE s.convoy_id = m.convoy_id AND s.substitute_for = m.person_id
        LIMIT 1) AS substitute_id
     FROM manifest_entry m JOIN vehicle v ON v.id = m.vehicle_id
     WHERE m.convoy_id = $1 AND m.person_id = $2${forUpdate ? ' FOR UPDATE OF m' : ''}`,
    [convoyId, personId],
  );
  return rows[0] ? toEntry(rows[0]) : undefined;
}

/** Every manifest a person is on, newest convoy first: to tell a desk where else they are expected. */
export async function manifestsOfPerson(
  db: Queryable,
  personId: string,
): Promise<Array<{ convoyId: string; code: string; convoyStatus: string; status: ManifestStatus }>> {
  const { rows } = await db.query<{
    convoy_id: string;
    code: string;
    convoy_status: string;
    status: ManifestStatus;
  }>(
    `SELECT m.convoy_id, c.code, c.status AS convoy_status, m.status
     FROM manifest_entry m JOIN convoy c ON c.id = m.convoy_id
     WHERE m.person_id = $1 ORDER BY c.planned_departure DESC, c.code`,
    [personId],
  );
  return rows.map((r) => ({
    convoyId: r.convoy_id,
    code: r.code,
    convoyStatus: r.convoy_status,
    status: r.status,
  }));
}

export async function markBoarded(
  tx: Queryable,
  key: { convoyId: string; personId: string },
  by: string,
  method: BoardingMethod,
): Promise<void> {
  // A no-show who turns up after all boards in their own place: the no-show's reason no longer holds.
  await tx.query(
    `UPDATE manifest_entry SET status = 'boarded', boarded_at = now(), boarded_by = $3, boarding_method = $4,
       reason = CASE WHEN substitute_for IS NULL THEN NULL ELSE reason END, updated_at = now()
     WHERE convoy_id = $1 AND person_id = $2`,
    [key.convoyId, key.personId, by, method],
  );
}

export async function markNotBoarding(
  tx: Queryable,
  key: { convoyId: string; personId: string },
  status: 'no_show' | 'replaced',
  reason: string,
): Promise<void> {
  await tx.query(
    'UPDATE manifest_entry SET status = $3, reason = $4, updated_at = now() WHERE convoy_id = $1 AND person_id = $2',
    // Why someone did not board (wounded, held, stayed with a relative) describes them: sealed.
    [key.convoyId, key.personId, status, cipherOf(tx).seal(reason)],
  );
}

/** The substitute's own entry: boarded at once, in the place of the person they replace. */
export async function insertSubstitute(
  tx: Queryable,
  s: {
    convoyId: string;
    personId: string;
    vehicleId: string;
    substituteFor: string;
    reason: string;
    by: string;
    method: BoardingMethod;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO manifest_entry (convoy_id, person_id, vehicle_id, status, substitute_for, reason, boarded_at, boarded_by,
       boarding_method)
     VALUES ($1, $2, $3, 'boarded', $4, $5, now(), $6, $7)`,
    [s.convoyId, s.personId, s.vehicleId, s.substituteFor, cipherOf(tx).seal(s.reason), s.by, s.method],
  );
}

/** The vulnerabilities of everyone holding a place on a vehicle (expected or boarded), to count places by kind. */
export async function placeHolders(
  db: Queryable,
  convoyId: string,
  vehicleId: string,
): Promise<Array<{ personId: string; vulnerabilities: Vulnerability[] }>> {
  const { rows } = await db.query<{ person_id: string; vulnerabilities: Vulnerability[] }>(
    `SELECT m.person_id, p.vulnerabilities FROM manifest_entry m JOIN person p ON p.id = m.person_id
     WHERE m.convoy_id = $1 AND m.vehicle_id = $2 AND m.status IN ('expected', 'boarded')`,
    [convoyId, vehicleId],
  );
  return rows.map((r) => ({ personId: r.person_id, vulnerabilities: r.vulnerabilities }));
}

/** A manifest line with what a boarding desk, a printed manifest and a card need about the person. */
export interface ManifestLine {
  personId: string;
  vehicleId: string;
  status: ManifestStatus;
  reason: string | null;
  substituteFor: string | null;
  boardedAt: string | null;
  boardedBy: string | null;
  boardingMethod: BoardingMethod | null;
  updatedAt: string;
  person: {
    names: PersonName[];
    sex: string;
    birthDate: string | null;
    birthYear: number | null;
    ageBand: AgeBand | null;
    vulnerabilities: Vulnerability[];
    triage: TriageCategory | null;
    householdId: string | null;
    status: PersonStatus;
  };
}

interface LineRow {
  person_id: string;
  vehicle_id: string;
  status: ManifestStatus;
  reason: string | null;
  substitute_for: string | null;
  boarded_at: Date | null;
  boarded_by: string | null;
  boarding_method: BoardingMethod | null;
  updated_at: Date;
  names: PersonName[];
  sex: string;
  birth_date: string | null;
  birth_year: number | null;
  age_band: AgeBand | null;
  vulnerabilities: Vulnerability[];
  triage: TriageCategory | null;
  household_id: string | null;
  person_status: PersonStatus;
}

// Within a household, the eldest first: by birth date, then by birth year, those without either
// last. Birth dates are sealed, so this order is made here from the opened values; the SQL gives
// the vehicles and the households in their order.
const nullsLast = <T extends string | number>(a: T | null, b: T | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

function eldestFirst(rows: LineRow[]): LineRow[] {
  const group = new Map<LineRow, number>();
  let index = -1;
  let previous = '';
  for (const r of rows) {
    const key = `${r.vehicle_id} ${r.household_id ?? r.person_id}`;
    if (key !== previous) index++;
    previous = key;
    group.set(r, index);
  }
  return [...rows].sort(
    (a, b) =>
      (group.get(a) as number) - (group.get(b) as number) ||
      nullsLast(a.birth_date, b.birth_date) ||
      nullsLast(a.birth_year, b.birth_year) ||
      nullsLast(a.person_id, b.person_id),
  );
}

/**
 * A convoy's manifest, vehicle by vehicle, households together: the order people are called in at
 * the pickup point and printed on the paper manifest.
 */
export async function manifestLines(
  db: Queryable,
  convoyId: string,
  personId?: string,
): Promise<ManifestLine[]> {
  const { rows } = await db.query<LineRow>(
    `SELECT m.person_id, m.vehicle_id, m.status, m.reason, m.substitute_for, m.boarded_at, m.boarded_by,
       m.boarding_method, m.updated_at, p.names, p.sex, p.birth_date_sealed AS birth_date, p.birth_year_sealed AS birth_year, p.age_band, p.vulnerabilities,
       p.triage, p.household_id, p.status AS person_status
     FROM manifest_entry m JOIN person p ON p.id = m.person_id JOIN vehicle v ON v.id = m.vehicle_id
     WHERE m.convoy_id = $1 AND ($2::uuid IS NULL OR m.person_id = $2)
     ORDER BY v.label, v.id, coalesce(p.household_id, p.id), p.id`,
    [convoyId, personId ?? null],
  );
  return eldestFirst(rows).map((r) => ({
    personId: r.person_id,
    vehicleId: r.vehicle_id,
    status: r.status,
    reason: r.reason,
    substituteFor: r.substitute_for,
    boardedAt: r.boarded_at?.toISOString() ?? null,
    boardedBy: r.boarded_by,
    boardingMethod: r.boarding_method,
    updatedAt: r.updated_at.toISOString(),
    person: {
      names: r.names,
      sex: r.sex,
      birthDate: r.birth_date,
      birthYear: r.birth_year,
      ageBand: r.age_band,
      vulnerabilities: r.vulnerabilities,
      triage: r.triage,
      householdId: r.household_id,
      status: r.person_status,
    },
  }));
}
