import Type from 'typebox';
import { boardingMethods } from '../../domain/boarding.ts';
import { convoyStatuses, manifestStatuses, waypointKinds } from '../../domain/convoy.ts';
import { personStatuses } from '../../domain/lifecycle.ts';
import { vehicleKinds } from '../../domain/logistics.ts';
import { ageBands, triageCategories } from '../../domain/person.ts';
import { priorityClasses } from '../../planning/evacuation/model.ts';
import { cardLayouts } from '../../services/boarding-cards-pdf.ts';
import { DateTime, Enum, Id, Nullable } from './common.ts';
import { PersonName } from './people.ts';

const Qr = Type.String({
  minLength: 1,
  maxLength: 200,
  description: 'the text of the QR code on the card or wristband, as the scanner typed it (CORRIDOR:P:…)',
});
const Method = Enum(boardingMethods, {
  description: 'how the desk found the person (default: qr when a code is given, otherwise id)',
});
const Reason = Type.String({ minLength: 3, maxLength: 500 });

export const BoardingInput = Type.Object(
  {
    personId: Type.Optional(Id),
    qr: Type.Optional(Qr),
    method: Type.Optional(Method),
  },
  { additionalProperties: false, description: 'the person id or the scanned QR code, one of the two' },
);

export const NoShowInput = Type.Object(
  {
    personId: Id,
    reason: Reason,
  },
  { additionalProperties: false },
);

export const SubstitutionInput = Type.Object(
  {
    replacedPersonId: Id,
    personId: Type.Optional(Id),
    qr: Type.Optional(Qr),
    method: Type.Optional(Method),
    reason: Reason,
  },
  {
    additionalProperties: false,
    description: 'who takes the place (person id or QR code) of whom, and why',
  },
);

export const ManifestEntry = Type.Object({
  personId: Id,
  vehicleId: Id,
  status: Enum(manifestStatuses),
  reason: Nullable(Type.String()),
  substituteFor: Nullable(Id),
  boardedAt: Nullable(DateTime),
  boardedBy: Nullable(Type.String()),
  boardingMethod: Nullable(Enum(boardingMethods)),
  personStatus: Enum(personStatuses),
  householdId: Nullable(Id),
  sex: Type.String(),
  birthDate: Nullable(Type.String()),
  birthYear: Nullable(Type.Integer()),
  category: Type.Object({
    ageBand: Nullable(Enum(ageBands)),
    child: Type.Boolean(),
    priority: Enum(priorityClasses),
    needs: Enum(['seat', 'stretcher', 'wheelchair'] as const),
    triage: Nullable(Enum(triageCategories)),
  }),
  code: Type.String({ description: 'the text of the person’s QR code: their id and check digits, no name' }),
  names: Type.Optional(Type.Array(PersonName, { description: 'only for roles that see persons' })),
});

const Counts = Type.Object({
  expected: Type.Integer(),
  boarded: Type.Integer(),
  no_show: Type.Integer(),
  replaced: Type.Integer(),
  total: Type.Integer(),
});

export const ManifestView = Type.Object({
  convoy: Type.Object({
    id: Id,
    siteId: Id,
    code: Type.String(),
    status: Enum(convoyStatuses),
    plannedDeparture: DateTime,
    plannedArrival: DateTime,
    manifestLockedAt: Nullable(DateTime),
    departedAt: Nullable(DateTime),
  }),
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
  vehicles: Type.Array(
    Type.Object({
      vehicleId: Id,
      tripId: Nullable(Type.String()),
      label: Type.String(),
      kind: Enum(vehicleKinds),
      marking: Nullable(Type.String()),
      plateOrMarking: Nullable(Type.String()),
      crewSize: Type.Integer(),
      crewNote: Nullable(Type.String()),
      seats: Type.Integer(),
      stretcherPlaces: Type.Integer(),
      wheelchairPlaces: Type.Integer(),
      manifest: Counts,
    }),
  ),
  counts: Counts,
  entries: Type.Array(ManifestEntry),
});

export const Substitution = Type.Object({ replaced: ManifestEntry, substitute: ManifestEntry });

export const CardsQuery = Type.Object(
  {
    layout: Type.Optional(
      Enum(cardLayouts, {
        description: 'card: eight to an A4 page (default); wristband: strips to cut and fasten',
      }),
    ),
  },
  { additionalProperties: false },
);
