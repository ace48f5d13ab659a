import Type from 'typebox';
import { personStatuses } from '../../domain/lifecycle.ts';
import { ageBands, sexes, triageCategories, vulnerabilities } from '../../domain/person.ts';
import { DateTime, Enum, Id, Nullable, Paging, Text } from './common.ts';

export const PersonName = Type.Object(
  {
    script: Type.Optional(
      Type.String({ pattern: '^[A-Z][a-z]{3}$', description: 'ISO 15924 code: Cyrl, Latn …' }),
    ),
    family: Text(200),
    given: Text(200),
    patronymic: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);

const Guardian = Type.Object(
  { personId: Id, relation: Type.Optional(Text(100)) },
  { additionalProperties: false },
);

const personFields = {
  householdId: Type.Optional(Nullable(Id)),
  shelterId: Type.Optional(Nullable(Id)),
  names: Type.Array(PersonName, { minItems: 1, maxItems: 10 }),
  sex: Enum(sexes),
  birthDate: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  birthYear: Type.Optional(Nullable(Type.Integer({ minimum: 1880, maximum: 2100 }))),
  ageBand: Type.Optional(Nullable(Enum(ageBands))),
  vulnerabilities: Type.Optional(Type.Array(Enum(vulnerabilities), { maxItems: 20 })),
  triage: Type.Optional(Nullable(Enum(triageCategories))),
  languages: Type.Optional(Type.Array(Type.String({ minLength: 2, maxLength: 35 }), { maxItems: 10 })),
  note: Type.Optional(Nullable(Text(4000))),
  guardians: Type.Optional(Type.Array(Guardian, { maxItems: 10 })),
};

export const PersonInput = Type.Object(
  { id: Type.Optional(Id), siteId: Id, ...personFields },
  { additionalProperties: false },
);

export const PersonPatch = Type.Object(
  {
    householdId: personFields.householdId,
    shelterId: personFields.shelterId,
    names: Type.Optional(personFields.names),
    sex: Type.Optional(personFields.sex),
    birthDate: personFields.birthDate,
    birthYear: personFields.birthYear,
    ageBand: personFields.ageBand,
    vulnerabilities: personFields.vulnerabilities,
    triage: personFields.triage,
    languages: personFields.languages,
    note: personFields.note,
    guardians: personFields.guardians,
    version: Type.Optional(
      Type.Integer({ minimum: 1, description: 'refuse the change if the person has moved on' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const StatusChange = Type.Object(
  {
    status: Enum(personStatuses),
    reason: Type.Optional(Text(1000)),
    expectedStatus: Type.Optional(Enum(personStatuses)),
  },
  { additionalProperties: false },
);

export const Person = Type.Object({
  id: Id,
  siteId: Id,
  householdId: Nullable(Id),
  shelterId: Nullable(Id),
  names: Type.Array(PersonName),
  sex: Enum(sexes),
  birthDate: Nullable(Type.String()),
  birthYear: Nullable(Type.Integer()),
  ageBand: Nullable(Enum(ageBands)),
  vulnerabilities: Type.Array(Enum(vulnerabilities)),
  triage: Nullable(Enum(triageCategories)),
  languages: Type.Array(Type.String()),
  note: Nullable(Type.String()),
  guardians: Type.Array(Guardian),
  status: Enum(personStatuses),
  statusChangedAt: DateTime,
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const PersonWithNext = Type.Object({
  ...Person.properties,
  allowedNextStatuses: Type.Array(Enum(personStatuses)),
});

export const PeopleQuery = Type.Object(
  {
    siteId: Type.Optional(Id),
    shelterId: Type.Optional(Id),
    householdId: Type.Optional(Id),
    status: Type.Optional(Enum(personStatuses)),
    vulnerability: Type.Optional(Enum(vulnerabilities)),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'part of a name, any script' }),
    ),
    ...Paging,
  },
  { additionalProperties: false },
);

export const PeoplePage = Type.Object({ items: Type.Array(Person), total: Type.Integer() });

export const HouseholdInput = Type.Object(
  {
    id: Type.Optional(Id),
    siteId: Id,
    label: Type.Optional(Nullable(Text(200))),
    note: Type.Optional(Nullable(Text(4000))),
  },
  { additionalProperties: false },
);
export const HouseholdPatch = Type.Object(
  { label: Type.Optional(Nullable(Text(200))), note: Type.Optional(Nullable(Text(4000))) },
  { additionalProperties: false, minProperties: 1 },
);
export const Household = Type.Object({
  id: Id,
  siteId: Id,
  label: Nullable(Type.String()),
  note: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export const HouseholdWithMembers = Type.Object({ ...Household.properties, members: Type.Array(Person) });
export const HouseholdQuery = Type.Object(
  { siteId: Type.Optional(Id), ...Paging },
  { additionalProperties: false },
);
