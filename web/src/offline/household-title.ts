import type { Person } from '../../../src/domain/person.ts';
import type { Household } from '../api/types.ts';
import { displayName } from '../format.ts';

type T = (key: string) => string;

/** The people of each household, by household id. */
export function membersByHousehold(people: readonly Person[]): Map<string, Person[]> {
  const members = new Map<string, Person[]>();
  for (const person of people) {
    if (!person.householdId) continue;
    const list = members.get(person.householdId);
    if (list) list.push(person);
    else members.set(person.householdId, [person]);
  }
  return members;
}

/**
 * How the field screens name a household: its label, else its first members' names (a household
 * made without a label is still told apart from the others), else that it has no label.
 */
export function householdTitle(household: Household, members: readonly Person[], t: T): string {
  if (household.label) return household.label;
  if (members.length === 0) return t('unlabelledHousehold');
  const names = members.slice(0, 2).map(displayName).join(', ');
  return members.length > 2 ? `${names} …` : names;
}
