import Type from 'typebox';
import { convoyStatuses, waypointKinds } from '../../domain/convoy.ts';
import { vehicleKinds } from '../../domain/logistics.ts';
import { pauseStates } from '../../domain/pause.ts';
import { DateTime, Enum, Id, Nullable } from './common.ts';

export const ConvoyAtQuery = Type.Object(
  {
    at: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'judge the pause window and the flags as at this instant (default now)',
      }),
    ),
  },
  { additionalProperties: false },
);

const ManifestCounts = Type.Object(
  {
    expected: Type.Integer(),
    boarded: Type.Integer(),
    no_show: Type.Integer(),
    replaced: Type.Integer(),
    total: Type.Integer(),
  },
  { description: 'manifest entries by status' },
);

export const Convoy = Type.Object({
  id: Id,
  siteId: Id,
  planId: Id,
  pauseWindowId: Nullable(Id),
  code: Type.String({ description: 'what parties, drivers and desks call it ("C-3")' }),
  status: Enum(convoyStatuses),
  plannedDeparture: DateTime,
  plannedArrival: DateTime,
  manifestLockedAt: Nullable(DateTime),
  departedAt: Nullable(DateTime),
  arrivedAt: Nullable(DateTime),
  cancelledAt: Nullable(DateTime),
  cancelledReason: Nullable(Type.String()),
  note: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
});

export const ConvoyView = Type.Object({
  ...Convoy.properties,
  pauseWindow: Nullable(
    Type.Object({
      id: Id,
      name: Type.String(),
      state: Enum(pauseStates),
      because: Type.String(),
    }),
  ),
  vehicles: Type.Array(
    Type.Object({
      vehicleId: Id,
      tripId: Nullable(Type.String()),
      label: Type.String(),
      kind: Enum(vehicleKinds),
      marking: Nullable(Type.String({ description: 'what the parties are told to look for' })),
      plateOrMarking: Nullable(Type.String()),
      crewSize: Type.Integer(),
      crewNote: Nullable(Type.String()),
      seats: Type.Integer(),
      stretcherPlaces: Type.Integer(),
      wheelchairPlaces: Type.Integer(),
      manifest: ManifestCounts,
    }),
  ),
  waypoints: Type.Array(
    Type.Object({
      id: Id,
      seq: Type.Integer(),
      kind: Enum(waypointKinds),
      placeId: Id,
      name: Type.String(),
      plannedAt: DateTime,
    }),
  ),
  manifest: ManifestCounts,
});

export const ConvoyCreation = Type.Object({
  created: Type.Boolean({ description: 'false: the plan’s convoys existed already and nothing was written' }),
  convoys: Type.Array(ConvoyView),
  notOnManifest: Type.Array(Type.Object({ personId: Id, status: Type.String() }), {
    description:
      'people the plan carries who are no longer assigned, left off every manifest (on creation only)',
  }),
});
