import Type from 'typebox';
import { disclosures } from '../../domain/disclosure.ts';
import { DateTime, Id, Nullable } from './common.ts';

const Grants = Type.Array(Type.Enum([...disclosures]), {
  maxItems: disclosures.length,
  description:
    'what the profile allows: counts, movements (convoy routes and times), records (no names), names',
});
const Recipients = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
  maxItems: 50,
  description: 'the organisations that may receive under this profile; empty: any',
});

export const DisclosureProfile = Type.Object({
  id: Id,
  name: Type.String(),
  purpose: Type.String(),
  grants: Grants,
  consentRequired: Type.Boolean(),
  minCell: Type.Integer({ description: 'smallest count a table may show' }),
  recipients: Recipients,
  updatedAt: DateTime,
});

const purpose = Type.String({ minLength: 1, maxLength: 500, description: 'why the party receives it' });
const minCell = Type.Integer({ minimum: 1, maximum: 100 });

export const ProfileCreate = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }),
    purpose,
    grants: Grants,
    consentRequired: Type.Optional(Type.Boolean()),
    minCell: Type.Optional(minCell),
    recipients: Type.Optional(Recipients),
  },
  { additionalProperties: false },
);

export const ProfilePatch = Type.Object(
  {
    purpose: Type.Optional(purpose),
    grants: Type.Optional(Grants),
    consentRequired: Type.Optional(Type.Boolean()),
    minCell: Type.Optional(minCell),
    recipients: Type.Optional(Recipients),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ProfileParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 64 }) });

export const PartyProfile = Type.Object(
  { profile: Nullable(Type.String({ minLength: 1, maxLength: 64 })) },
  { additionalProperties: false },
);

/** Where an export happens: the profile it is made under and who receives it. */
export const ExportTo = {
  profile: Type.String({
    minLength: 1,
    maxLength: 64,
    description: 'the disclosure profile (e.g. cell-transfer)',
  }),
  recipient: Type.String({ minLength: 1, maxLength: 200, description: 'the organisation that receives it' }),
};
