// From a registered person to what the planner needs: priority class, place needed, and whether
// the person is a child. Kept here so the API and the CLI map people the same way.
import type { AgeBand, TriageCategory, Vulnerability } from '../../domain/person.ts';
import type { EvacuationPerson, PriorityClass } from './model.ts';

const childBands: ReadonlySet<AgeBand> = new Set(['0-4', '5-11', '12-17']);

export interface PersonFacts {
  id: string;
  vulnerabilities: readonly Vulnerability[];
  triage: TriageCategory | null;
  ageBand: AgeBand | null;
}

export function isChild(p: PersonFacts): boolean {
  return (
    (p.ageBand !== null && childBands.has(p.ageBand)) ||
    p.vulnerabilities.some((v) => v === 'child' || v === 'unaccompanied_child' || v === 'separated_child')
  );
}

/** The highest class that applies, in the order of the default weights. */
export function priorityClassOf(p: PersonFacts): PriorityClass {
  const has = (v: Vulnerability) => p.vulnerabilities.includes(v);
  if (has('wounded') && p.triage === 'T1') return 't1_wounded';
  if (has('unaccompanied_child') || has('separated_child')) return 'unaccompanied_child';
  if (isChild(p)) return 'child';
  if (has('pregnant')) return 'pregnant';
  if (has('elderly') || p.ageBand === '60+') return 'elderly';
  return 'other';
}

export function evacuationPerson(p: PersonFacts): EvacuationPerson {
  const needs = p.vulnerabilities.includes('needs_stretcher')
    ? 'stretcher'
    : p.vulnerabilities.includes('needs_wheelchair')
      ? 'wheelchair'
      : null;
  return { id: p.id, priority: priorityClassOf(p), needs, child: isChild(p) };
}
