// From registered people to the groups that travel together: a household travels whole; a person
// without a household travels alone; children with no adult of their own group travel with a
// guardian named for them (their escort) when that guardian is also leaving, and otherwise are not
// planned at all (the planner says so: child_without_escort). Pure: plain records in, groups out.
import type { AgeBand } from '../../domain/person.ts';
import type { EvacuationGroup, EvacuationPerson } from './model.ts';
import { evacuationPerson, type PersonFacts } from './priority.ts';

export interface RegisteredPerson extends PersonFacts {
  householdId: string | null;
  shelterId: string | null;
  birthDate: string | null;
  birthYear: number | null;
  guardianIds: readonly string[];
}

export interface RegistryGroup {
  id: string;
  kind: EvacuationGroup['kind'];
  members: EvacuationPerson[];
  escortId?: string;
  /** The shelters the members are in; people with no shelter recorded are counted apart. */
  shelterIds: string[];
  withoutShelter: number;
}

const bands: Array<[number, AgeBand]> = [
  [5, '0-4'],
  [12, '5-11'],
  [18, '12-17'],
  [60, '18-59'],
];

/**
 * The age band on the day of the plan, from the recorded band or else the birth date or year. With
 * only a year the person may be a year younger than the difference says, so the younger band is
 * taken: a child is never taken for an adult.
 */
export function ageBandAt(
  p: Pick<RegisteredPerson, 'ageBand' | 'birthDate' | 'birthYear'>,
  at: Date,
): AgeBand | null {
  if (p.ageBand) return p.ageBand;
  let age: number;
  if (p.birthDate) {
    const day = at.toISOString().slice(0, 10);
    age =
      Number(day.slice(0, 4)) -
      Number(p.birthDate.slice(0, 4)) -
      (day.slice(5) < p.birthDate.slice(5) ? 1 : 0);
  } else if (p.birthYear) age = at.getUTCFullYear() - p.birthYear - 1;
  else return null;
  return bands.find(([limit]) => age < limit)?.[1] ?? '60+';
}

export function registryGroups(people: readonly RegisteredPerson[], at: Date): RegistryGroup[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const planned = new Map(people.map((p) => [p.id, evacuationPerson({ ...p, ageBand: ageBandAt(p, at) })]));
  const members = new Map<string, string[]>();
  const kind = new Map<string, EvacuationGroup['kind']>();
  const escort = new Map<string, string>();
  const groupOf = new Map<string, string>();
  for (const p of people) {
    const id = p.householdId ?? p.id;
    members.set(id, [...(members.get(id) ?? []), p.id]);
    kind.set(id, 'household');
    groupOf.set(p.id, id);
  }
  const isAdult = (id: string) => planned.get(id)?.child === false;

  // A group of children only joins the group of an adult named as guardian of one of them.
  for (const [id, list] of [...members].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (list.some(isAdult)) continue;
    const guardian = list
      .flatMap((child) => [...(byId.get(child)?.guardianIds ?? [])].sort())
      .find((g) => isAdult(g) && groupOf.get(g) !== id);
    if (!guardian) continue;
    const target = groupOf.get(guardian)!;
    members.set(target, [...members.get(target)!, ...list]);
    for (const child of list) groupOf.set(child, target);
    members.delete(id);
    // A guardian travelling alone becomes the children's escort; a household needs none.
    if (byId.get(guardian)!.householdId === null) {
      kind.set(target, 'escorted_child');
      escort.set(target, guardian);
    }
  }

  return [...members]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, list]) => {
      const shelters = list.map((m) => byId.get(m)!.shelterId);
      const escortId = escort.get(id);
      return {
        id,
        kind: kind.get(id)!,
        members: list.map((m) => planned.get(m)!),
        ...(escortId ? { escortId } : {}),
        shelterIds: [...new Set(shelters.filter((s): s is string => s !== null))].sort(),
        withoutShelter: shelters.filter((s) => s === null).length,
      };
    });
}
