import type { OccupiedShelter, PersonNeeds, PriorityWeights } from './plan-types.ts';

// How much a shelter's reachable time counts: the sum of its people's weights. A person weighs the
// most of what applies to them — the wounded in triage category T1 and children weigh most — so a
// shelter with twenty wounded comes before one with twenty people who can walk. The coordination
// cell may set other weights.

export const defaultWeights: PriorityWeights = {
  person: 1,
  child: 4,
  elderly: 2,
  pregnant: 3,
  needsStretcher: 4,
  needsWheelchair: 2,
  needsMedication: 2,
  T1: 5,
  T2: 3,
  T3: 1.5,
};

const childBands = new Set(['0-4', '5-11', '12-17']);

export function personWeight(person: PersonNeeds, weights: PriorityWeights): number {
  let w = weights.person;
  const v = new Set(person.vulnerabilities ?? []);
  const take = (applies: boolean, value: number): void => {
    if (applies && value > w) w = value;
  };
  take(
    v.has('child') ||
      v.has('unaccompanied_child') ||
      v.has('separated_child') ||
      (person.ageBand != null && childBands.has(person.ageBand)),
    weights.child,
  );
  take(v.has('elderly') || person.ageBand === '60+', weights.elderly);
  take(v.has('pregnant'), weights.pregnant);
  take(v.has('needs_stretcher'), weights.needsStretcher);
  take(v.has('needs_wheelchair'), weights.needsWheelchair);
  take(v.has('needs_medication'), weights.needsMedication);
  if (v.has('wounded') || person.triage) {
    if (person.triage === 'T1') take(true, weights.T1);
    else if (person.triage === 'T2') take(true, weights.T2);
    else if (person.triage === 'T3') take(true, weights.T3);
  }
  return w;
}

export function shelterWeight(shelter: OccupiedShelter, weights: PriorityWeights): number {
  if (shelter.weight !== undefined) return shelter.weight;
  if (shelter.people) return shelter.people.reduce((sum, p) => sum + personWeight(p, weights), 0);
  return (shelter.count ?? 0) * weights.person;
}

export function resolveWeights(partial: Partial<PriorityWeights> | undefined): PriorityWeights {
  const weights = { ...defaultWeights, ...partial };
  for (const [name, value] of Object.entries(weights))
    if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0))
      throw new RangeError(`weight ${name} must be a number ≥ 0`);
  return weights;
}
