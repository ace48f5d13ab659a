import Type from 'typebox';
import { caseKinds, caseStatuses, verificationMethods } from '../../domain/child-case.ts';
import { personStatuses } from '../../domain/lifecycle.ts';
import { ageBands, sexes } from '../../domain/person.ts';
import { DateTime, Enum, Id, Nullable, Paging, Text } from './common.ts';
import { PersonName } from './people.ts';

export const ChildCaseInput = Type.Object(
  {
    id: Type.Optional(Id),
    childId: Id,
    kind: Enum(caseKinds),
    note: Type.Optional(Nullable(Text(4000))),
  },
  { additionalProperties: false },
);

export const VerificationInput = Type.Object(
  {
    name: Text(200),
    relation: Text(100),
    personId: Type.Optional(Nullable(Id)),
    contact: Type.Optional(Nullable(Text(500))),
    method: Enum(verificationMethods),
    evidence: Type.String({ minLength: 3, maxLength: 4000, description: 'what was checked, and how' }),
  },
  { additionalProperties: false },
);

export const HandoverInput = Type.Object(
  {
    verificationId: Id,
    at: Type.Optional(DateTime),
    place: Type.Optional(Nullable(Text(500))),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const CaseClose = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 1000 }) },
  { additionalProperties: false },
);

const Verification = Type.Object({
  id: Id,
  caseId: Id,
  name: Type.String(),
  relation: Type.String(),
  personId: Nullable(Id),
  contact: Nullable(Type.String()),
  method: Enum(verificationMethods),
  evidence: Type.String(),
  verifiedAt: DateTime,
  verifiedBy: Type.String({ description: 'the user who checked the identity and the relation' }),
});

export const ChildCase = Type.Object({
  id: Id,
  siteId: Id,
  childId: Id,
  kind: Enum(caseKinds),
  status: Enum(caseStatuses),
  note: Nullable(Type.String()),
  openedAt: DateTime,
  openedBy: Type.String(),
  handover: Nullable(
    Type.Object({
      verificationId: Id,
      at: DateTime,
      place: Nullable(Type.String()),
      recordedBy: Type.String(),
    }),
  ),
  closedAt: Nullable(DateTime),
  closedReason: Nullable(Type.String()),
  closedBy: Nullable(Type.String()),
  version: Type.Integer(),
  verifications: Type.Array(Verification),
  child: Type.Object({
    id: Id,
    names: Type.Array(PersonName),
    sex: Enum(sexes),
    birthDate: Nullable(Type.String()),
    birthYear: Nullable(Type.Integer()),
    ageBand: Nullable(Enum(ageBands)),
    status: Enum(personStatuses),
    shelterId: Nullable(Id),
  }),
});

export const ChildCaseQuery = Type.Object(
  { status: Type.Optional(Enum(caseStatuses)), ...Paging },
  { additionalProperties: false },
);
export const ChildCasePage = Type.Object({ items: Type.Array(ChildCase), total: Type.Integer() });
