// The cell records what a convoy vehicle really carries: the marking the parties are told to look
// for, the crew aboard and a note about that crew. Only a planned convoy changes: once it has
// departed, what the parties were told and what set out are history.
import type { ConvoyVehicle } from '../domain/convoy.ts';
import { CorridorError } from '../domain/errors.ts';
import type { Database } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import * as repo from '../store/repos/convoys.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import { requireConvoy } from './convoy-lookup.ts';

export interface CrewInput {
  crewSize?: number | undefined;
  /** Free text about the crew: roles and organisations ("driver + medic, ICRC"), never names. */
  crewNote?: string | undefined;
  marking?: string | undefined;
}

/** A blank text clears the field. */
const cleared = (value: string): string | null => value.trim() || null;

export function updateConvoyVehicleCrew(
  db: Database,
  actor: Actor,
  convoyId: string,
  vehicleId: string,
  input: CrewInput,
): Promise<ConvoyVehicle> {
  return translating(() =>
    db.transaction(async (tx) => {
      const convoy = await requireConvoy(tx, convoyId, true);
      if (convoy.status !== 'planned')
        throw new CorridorError(
          'conflict',
          `convoy ${convoy.code} is ${convoy.status}: its vehicles' marking and crew change only while it is planned`,
          { status: convoy.status },
        );
      const vehicle = (await repo.listConvoyVehicles(tx, [convoy.id])).find((v) => v.vehicleId === vehicleId);
      if (!vehicle)
        throw new CorridorError('not_found', `vehicle ${vehicleId} is not in convoy ${convoy.code}`, {
          id: vehicleId,
        });
      const before = { marking: vehicle.marking, crewSize: vehicle.crewSize, crewNote: vehicle.crewNote };
      const after = {
        marking: input.marking === undefined ? vehicle.marking : cleared(input.marking),
        crewSize: input.crewSize ?? vehicle.crewSize,
        crewNote: input.crewNote === undefined ? vehicle.crewNote : cleared(input.crewNote),
      };
      await repo.updateConvoyVehicle(tx, { convoyId: convoy.id, vehicleId, ...after });
      await recordOperation(tx, actor, {
        entity: 'convoy',
        entityId: convoy.id,
        action: 'update_vehicle',
        before: { vehicleId, ...before },
        after: { vehicleId, ...after },
      });
      return {
        convoyId: convoy.id,
        vehicleId,
        tripId: vehicle.tripId,
        ...after,
      };
    }),
  );
}
