import { type LeftOutReason, leftOutReasons } from '../../../src/planning/evacuation/model.ts';

interface Group {
  id: string;
  reason: LeftOutReason;
  explanation: string;
  people: unknown[];
}

export interface Explained<G extends Group> {
  explanation: string;
  people: number;
  groups: G[];
}

export interface ByReason<G extends Group> {
  reason: LeftOutReason;
  people: number;
  groups: number;
  /** The groups under one reason, gathered by their explanation (one blocked passage, one vehicle…). */
  explanations: Explained<G>[];
}

/**
 * Everyone a plan leaves out, by reason in the planner's order of reasons (a cut-off shelter first,
 * no seat left last), and within a reason by explanation, the most people first. Every group appears
 * exactly once, so the counts add up to the plan's own.
 */
export function groupLeftOut<G extends Group>(leftOut: readonly G[]): ByReason<G>[] {
  const byReason = new Map<LeftOutReason, Map<string, G[]>>();
  for (const group of leftOut) {
    const explanations = byReason.get(group.reason) ?? new Map<string, G[]>();
    explanations.set(group.explanation, [...(explanations.get(group.explanation) ?? []), group]);
    byReason.set(group.reason, explanations);
  }
  const rank = (reason: LeftOutReason) => {
    const i = leftOutReasons.indexOf(reason);
    return i < 0 ? leftOutReasons.length : i;
  };
  const count = (groups: G[]) => groups.reduce((n, g) => n + g.people.length, 0);
  return [...byReason.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([reason, explanations]) => {
      const explained = [...explanations.entries()]
        .map(([explanation, groups]) => ({ explanation, people: count(groups), groups }))
        .sort((a, b) => b.people - a.people || a.explanation.localeCompare(b.explanation));
      return {
        reason,
        people: explained.reduce((n, e) => n + e.people, 0),
        groups: explained.reduce((n, e) => n + e.groups.length, 0),
        explanations: explained,
      };
    });
}
