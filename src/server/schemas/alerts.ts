import Type from 'typebox';
import { alertKinds } from '../../domain/reception.ts';
import { DateTime, Enum, Id, Nullable, Paging, Text } from './common.ts';
import { PersonBrief } from './reception.ts';

export const AlertQuery = Type.Object(
  {
    state: Type.Optional(Enum(['open', 'resolved', 'all'], { default: 'open' })),
    kind: Type.Optional(Enum(alertKinds)),
    ...Paging,
  },
  { additionalProperties: false },
);

const AlertFields = {
  id: Id,
  siteId: Id,
  kind: Enum(alertKinds),
  personId: Id,
  convoyId: Nullable(Id),
  details: Type.Object(
    {},
    {
      additionalProperties: true,
      description: 'what the reader needs: the convoy code, the last waypoint seen, the no-show reason …',
    },
  ),
  raisedAt: DateTime,
  resolvedAt: Nullable(DateTime),
  resolvedBy: Nullable(Type.String()),
  resolution: Nullable(Type.String()),
};

export const Alert = Type.Object(AlertFields);

export const AlertPage = Type.Object({
  items: Type.Array(
    Type.Object({ ...AlertFields, person: PersonBrief, convoyCode: Nullable(Type.String()) }),
  ),
  total: Type.Integer(),
  open: Type.Integer({ description: 'open alerts of the site, whatever the filter' }),
});

export const AlertResolution = Type.Object({ resolution: Text(2000) }, { additionalProperties: false });

const LastSeen = Type.Object({
  personId: Id,
  convoyId: Id,
  convoyCode: Type.String(),
  vehicleId: Id,
  waypointId: Id,
  waypointName: Type.String(),
  waypointKind: Type.String(),
  seq: Type.Integer(),
  how: Type.String({
    description: 'arrived, departed, held, released, or boarded (no event since boarding)',
  }),
  at: DateTime,
  heldNow: Type.Boolean(),
  eventId: Nullable(Id),
});

export const Reconciliation = Type.Object({
  siteId: Id,
  at: DateTime,
  counts: Type.Object({
    boarded: Type.Integer(),
    checkedIn: Type.Integer(),
    boardedNotArrived: Type.Integer(),
    heldAtScreening: Type.Integer(),
    arrivedNotOnManifest: Type.Integer(),
    neverBoarded: Type.Integer(),
    unaccompaniedChildren: Type.Integer(),
    openAlerts: Type.Integer(),
  }),
  convoys: Type.Array(
    Type.Object({
      convoyId: Id,
      code: Type.String(),
      status: Type.String(),
      plannedDeparture: DateTime,
      departedAt: Nullable(DateTime),
      arrivedAt: Nullable(DateTime),
      manifest: Type.Object({
        expected: Type.Integer(),
        boarded: Type.Integer(),
        noShow: Type.Integer(),
        replaced: Type.Integer(),
      }),
      checkedIn: Type.Integer(),
      heldAtScreening: Type.Integer(),
      notArrived: Type.Integer(),
    }),
  ),
  boardedNotArrived: Type.Array(
    Type.Object({
      person: PersonBrief,
      convoyId: Id,
      convoyCode: Type.String(),
      convoyStatus: Type.String(),
      vehicleId: Id,
      vehicleLabel: Type.String(),
      boardedAt: DateTime,
      lastSeen: Nullable(LastSeen),
    }),
  ),
  arrivedNotOnManifest: Type.Array(
    Type.Object({
      person: PersonBrief,
      checkInId: Id,
      checkedInAt: DateTime,
      receptionPointName: Type.String(),
      desk: Nullable(Type.String()),
      manifestEntries: Type.Array(
        Type.Object({ convoyCode: Type.String(), status: Type.String(), reason: Nullable(Type.String()) }),
      ),
    }),
  ),
  neverBoarded: Type.Array(
    Type.Object({
      person: PersonBrief,
      convoyId: Id,
      convoyCode: Type.String(),
      vehicleLabel: Type.String(),
      manifestStatus: Type.String(),
      reason: Nullable(Type.String()),
      checkedIn: Type.Boolean(),
    }),
  ),
  unaccompaniedChildren: Type.Array(
    Type.Object({
      person: PersonBrief,
      checkedInAt: DateTime,
      receptionPointName: Type.String(),
      adults: Type.Array(
        Type.Object({
          personId: Id,
          relation: Nullable(Type.String()),
          status: Type.String(),
          lastSeen: Nullable(LastSeen),
        }),
      ),
    }),
  ),
});
