import Type from 'typebox';
import { personStatuses } from '../../domain/lifecycle.ts';
import { DateTime, Enum, Id, Nullable, Paging, Text } from './common.ts';
import { Person, PersonName } from './people.ts';

export const DuplicatesQuery = Type.Object({ ...Paging }, { additionalProperties: false });

export const CandidatePage = Type.Object({
  items: Type.Array(
    Type.Object({
      score: Type.Number(),
      summary: Type.String({ description: 'what matched, one sentence' }),
      explanation: Type.Unknown({
        description: 'each field with its similarity and weight, and each penalty',
      }),
      a: Person,
      b: Person,
    }),
  ),
  total: Type.Integer(),
});

export const MergeInput = Type.Object(
  {
    survivorId: Id,
    absorbedId: Id,
    reason: Type.Optional(Nullable(Text(1000))),
  },
  { additionalProperties: false },
);

export const UnmergeInput = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 1000 }) },
  { additionalProperties: false },
);

export const DismissalInput = Type.Object(
  { personA: Id, personB: Id, reason: Type.Optional(Nullable(Text(1000))) },
  { additionalProperties: false },
);

const Changes = Type.Object({
  addedNames: Type.Array(PersonName),
  filled: Type.Record(
    Type.String(),
    Type.Object({ before: Type.Null(), after: Type.Union([Type.String(), Type.Number()]) }),
  ),
  addedVulnerabilities: Type.Array(Type.String()),
  addedLanguages: Type.Array(Type.String()),
  listsAfter: Type.Object({
    vulnerabilities: Type.Array(Type.String()),
    languages: Type.Array(Type.String()),
  }),
  addedGuardians: Type.Array(Type.Object({ personId: Id, relation: Type.Optional(Type.String()) })),
  addedChildLinks: Type.Array(Type.Object({ childId: Id, relation: Nullable(Type.String()) })),
});

export const Merge = Type.Object({
  id: Id,
  siteId: Id,
  survivorId: Id,
  absorbedId: Id,
  absorbedStatus: Enum(personStatuses),
  score: Nullable(Type.Number()),
  explanation: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  changes: Changes,
  mergedAt: DateTime,
  mergedBy: Type.String(),
  unmergedAt: Nullable(DateTime),
  unmergedBy: Nullable(Type.String()),
  unmergeReason: Nullable(Type.String()),
});

export const UnmergeResult = Type.Object({
  ...Merge.properties,
  kept: Type.Array(Type.String(), { description: 'fields changed since the merge, left as they are' }),
});

export const MergesQuery = Type.Object(
  { personId: Type.Optional(Id), ...Paging },
  { additionalProperties: false },
);
export const MergePage = Type.Object({ items: Type.Array(Merge), total: Type.Integer() });
