// fast-check arbitraries for small evacuation instances with every awkward case: groups too big for
// any vehicle, stretcher cases, children without an adult, cut-off shelters, windows too short.
import fc from 'fast-check';
import type { EvacuationGroup, EvacuationInput, EvacuationPerson, PriorityClass } from './model.ts';
import { priorityClasses } from './model.ts';

const start = Date.UTC(2022, 4, 5, 6, 0);
const at = (minutes: number) => new Date(start + minutes * 60000).toISOString();

const person = fc.record({
  priority: fc.constantFrom<PriorityClass>(...priorityClasses),
  needs: fc.constantFrom<EvacuationPerson['needs']>(null, null, null, 'stretcher', 'wheelchair'),
  child: fc.boolean(),
});

export const instances = (maxGroups: number): fc.Arbitrary<EvacuationInput> =>
  fc
    .record({
      pickups: fc.integer({ min: 1, max: 3 }),
      vehicles: fc.array(
        fc.record({
          depot: fc.integer({ min: 0, max: 1 }),
          seats: fc.integer({ min: 0, max: 6 }),
          stretcherPlaces: fc.integer({ min: 0, max: 2 }),
          wheelchairPlaces: fc.integer({ min: 0, max: 1 }),
          late: fc.integer({ min: 0, max: 120 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      windows: fc.array(
        fc.record({ start: fc.integer({ min: 0, max: 1500 }), length: fc.integer({ min: 20, max: 600 }) }),
        {
          minLength: 1,
          maxLength: 3,
        },
      ),
      groups: fc.array(
        fc.record({
          pickup: fc.integer({ min: -1, max: 2 }),
          members: fc.array(person, { minLength: 1, maxLength: 5 }),
          escorted: fc.boolean(),
        }),
        { minLength: 0, maxLength: maxGroups },
      ),
      approach: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 3, maxLength: 3 }),
      exit: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 3, maxLength: 3 }),
      depotDrive: fc.array(fc.integer({ min: 40, max: 300 }), { minLength: 6, maxLength: 6 }),
      returnDrive: fc.array(fc.option(fc.integer({ min: 40, max: 200 }), { nil: undefined }), {
        minLength: 6,
        maxLength: 6,
      }),
      delay: fc.integer({ min: 0, max: 120 }),
      toReception: fc.array(fc.integer({ min: 10, max: 150 }), { minLength: 2, maxLength: 2 }),
      perPerson: fc.constantFrom(0, 0.5, 1),
      perStretcher: fc.constantFrom(0, 3, 10),
    })
    .map((r): EvacuationInput => {
      const pickupIds = Array.from({ length: r.pickups }, (_, p) => `P${p + 1}`);
      const groups: EvacuationGroup[] = r.groups.map((g, i) => {
        const id = `G${i + 1}`;
        const members = g.members.map((m, k) => ({ id: `${id}-${k + 1}`, ...m }));
        const escorted = g.escorted && members.length >= 2 && !members[1]!.child;
        const pickupPointId = g.pickup < 0 ? null : pickupIds[g.pickup % r.pickups]!;
        return {
          id,
          kind: escorted ? 'escorted_child' : 'household',
          members: escorted
            ? [{ ...members[0]!, child: true, priority: 'unaccompanied_child' }, members[1]!]
            : members,
          ...(escorted ? { escortId: members[1]!.id } : {}),
          pickupPointId,
          ...(pickupPointId === null ? { unreachableReason: 'rubble' } : {}),
        };
      });
      return {
        planStart: at(0),
        groups,
        vehicles: r.vehicles.map((v, i) => ({
          id: `V${i + 1}`,
          depotId: `D${v.depot + 1}`,
          seats: v.seats,
          stretcherPlaces: v.stretcherPlaces,
          wheelchairPlaces: v.wheelchairPlaces,
          availableFrom: at(v.late),
        })),
        pickupPoints: pickupIds.map((id, p) => ({
          id,
          approachMinutes: r.approach[p]!,
          screeningPointId: 'S1',
          minutesToScreening: r.exit[p]!,
        })),
        screeningPoints: [{ id: 'S1', expectedDelayMinutes: r.delay }],
        receptionPointIds: ['R1', 'R2'],
        windows: r.windows.map((w, i) => ({
          id: `W${i + 1}`,
          start: at(w.start),
          end: at(w.start + w.length),
        })),
        travel: {
          depotToPickup: Object.fromEntries(
            ['D1', 'D2'].map((d, di) => [
              d,
              Object.fromEntries(pickupIds.map((p, pi) => [p, r.depotDrive[di * 3 + pi]! + 40])),
            ]),
          ),
          screeningToReception: { S1: { R1: r.toReception[0]!, R2: r.toReception[1]! } },
          receptionToPickup: Object.fromEntries(
            ['R1', 'R2'].map((rc, ri) => [
              rc,
              Object.fromEntries(
                pickupIds
                  .map((p, pi) => [p, r.returnDrive[ri * 3 + pi]] as const)
                  .filter((e): e is readonly [string, number] => e[1] !== undefined)
                  .map(([p, m]) => [p, m + 40]),
              ),
            ]),
          ),
        },
        loading: { minutesPerPerson: r.perPerson, minutesPerStretcher: r.perStretcher },
      };
    });
