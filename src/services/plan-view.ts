// A stored plan as people read it: trips with their vehicle, window and places named, the people on
// each (id, shelter, priority, the place they need; names only for roles that see persons), everyone
// left out with the reason, and the plan's value, bound and gap.
import type { PersonName } from '../domain/person.ts';
import type { EvacuationPerson } from '../planning/evacuation/model.ts';
import type { Queryable } from '../store/database.ts';
import { namesOf, type StoredPlan } from '../store/repos/plans.ts';

export interface PlanPerson {
  id: string;
  priority: EvacuationPerson['priority'];
  needs: 'seat' | 'stretcher' | 'wheelchair';
  child: boolean;
  shelterId: string | null;
  shelterCode: string | null;
  names?: PersonName[];
}

export async function planView(db: Queryable, plan: StoredPlan, withNames: boolean) {
  const { input, context, result } = plan;
  const groups = new Map(input.groups.map((g) => [g.id, g]));
  const everyone = input.groups.flatMap((g) => g.members.map((m) => m.id));
  const names = withNames ? await namesOf(db, everyone) : new Map<string, PersonName[]>();
  const person = (m: EvacuationPerson): PlanPerson => {
    const where = context.people[m.id];
    const shown = names.get(m.id);
    return {
      id: m.id,
      priority: m.priority,
      needs: m.needs ?? 'seat',
      child: m.child ?? false,
      shelterId: where?.shelterId ?? null,
      shelterCode: where?.shelterCode ?? null,
      ...(shown ? { names: shown } : {}),
    };
  };
  const group = (id: string) => {
    const g = groups.get(id)!;
    return {
      id,
      kind: g.kind,
      ...(g.escortId ? { escortId: g.escortId } : {}),
      people: g.members.map(person),
    };
  };
  const place = (id: string) => ({ id, name: context.places[id]?.name ?? id });
  const plannedPeople = result.trips.reduce((n, t) => n + t.people, 0);
  const leftOutPeople = result.leftOut.reduce((n, g) => n + g.personIds.length, 0);
  return {
    id: plan.id,
    siteId: plan.siteId,
    status: plan.status,
    createdBy: plan.createdBy,
    createdAt: plan.createdAt,
    planStart: plan.planStart,
    basedOn: plan.basedOn,
    acceptedBy: plan.acceptedBy,
    acceptedAt: plan.acceptedAt,
    statusChangedAt: plan.statusChangedAt,
    options: plan.options,
    value: result.value,
    bound: result.bound,
    optimal: result.optimal,
    source: result.source,
    seconds: result.seconds,
    counts: {
      ready: everyone.length,
      planned: plannedPeople,
      leftOut: leftOutPeople,
      trips: result.trips.length,
      vehiclesUsed: result.value.vehiclesUsed,
    },
    ...(result.moved ? { moved: result.moved } : {}),
    trips: result.trips.map((t) => {
      const vehicle = context.vehicles[t.vehicleId];
      return {
        id: t.id,
        vehicle: {
          id: t.vehicleId,
          label: vehicle?.label ?? t.vehicleId,
          kind: vehicle?.kind ?? 'other',
          plateOrMarking: vehicle?.plateOrMarking ?? null,
          depotName: vehicle?.depotName ?? null,
        },
        window: { id: t.windowId, name: context.windows[t.windowId]?.name ?? t.windowId },
        departure: t.departure,
        enterZone: t.enterZone,
        pickupPoint: place(t.pickupPointId),
        atPickup: t.atPickup,
        leaveZone: t.leaveZone,
        screeningPoint: place(t.screeningPointId),
        receptionPoint: place(t.receptionPointId),
        arrival: t.arrival,
        people: t.people,
        seatsUsed: t.seatsUsed,
        stretcherPlacesUsed: t.stretcherPlacesUsed,
        wheelchairPlacesUsed: t.wheelchairPlacesUsed,
        groups: t.groupIds.map(group),
      };
    }),
    leftOut: result.leftOut.map((g) => ({
      ...group(g.groupId),
      reason: g.reason,
      explanation: g.explanation,
    })),
    windows: input.windows.map((w) => ({
      id: w.id,
      name: context.windows[w.id]?.name ?? w.id,
      state: context.windows[w.id]?.state ?? 'agreed',
      start: w.start,
      end: w.end,
    })),
    windowsLeftOut: context.windowsLeftOut,
    vehiclesLeftOut: context.vehiclesLeftOut,
    settings: context.settings,
    warnings: context.warnings,
    ...(context.replan ? { replan: context.replan } : {}),
  };
}

export type PlanView = Awaited<ReturnType<typeof planView>>;
