// Messages between the planner thread (thread.ts) and its worker (thread-worker.ts).
import type { EvacuationInput, EvacuationPlan, PlanOptions } from './model.ts';
import type { PlanChanges, PreviousPlan, Replanned } from './replan.ts';

export type PlannerRequest =
  | { kind: 'plan'; input: EvacuationInput; options: PlanOptions }
  | { kind: 'replan'; previous: PreviousPlan; changes: PlanChanges; options: PlanOptions };

export type PlannerAnswer =
  | { ok: true; plan: EvacuationPlan; replanned?: Omit<Replanned, 'plan'> }
  | { ok: false; error: { code: string; message: string; details?: unknown } };
