import Type from 'typebox';
import { Id } from '../../server/schemas/common.ts';
import { CrewInput } from '../../server/schemas/rescue.ts';

// The section of a site file that holds the site's hand crews, each written as the API takes it,
// with its id.
const { id: _crewId, ...crewProperties } = CrewInput.properties;

export const rescueSections = {
  crews: Type.Optional(
    Type.Array(Type.Object({ id: Id, ...crewProperties }, { additionalProperties: false })),
  ),
};
