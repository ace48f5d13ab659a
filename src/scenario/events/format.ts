import Type from 'typebox';
import { DateTime, Enum, Id, Text } from '../../server/schemas/common.ts';
import {
  AcceptanceInput,
  ClaimInput,
  IncidentInput,
  PartyInput,
  PauseInput,
  SourceInput,
} from '../../server/schemas/pauses.ts';
import { verificationStatuses } from '../../store/repos/claims.ts';

// The sections of a site file that hold what was announced, observed and said: parties, sources,
// pause windows with each party's answer, incidents, and claims with their verification history.
const { id: _partyId, ...partyProperties } = PartyInput.properties;
const { id: _sourceId, ...sourceProperties } = SourceInput.properties;
const { id: _pauseId, siteId: _pauseSite, ...pauseProperties } = PauseInput.properties;
const { id: _incidentId, siteId: _incidentSite, ...incidentProperties } = IncidentInput.properties;
const { id: _claimId, siteId: _claimSite, ...claimProperties } = ClaimInput.properties;

const Observed = Type.Optional(Type.Union([DateTime, Type.Null()]));

export const eventSections = {
  parties: Type.Optional(
    Type.Array(Type.Object({ id: Id, ...partyProperties }, { additionalProperties: false })),
  ),
  sources: Type.Optional(
    Type.Array(Type.Object({ id: Id, ...sourceProperties }, { additionalProperties: false })),
  ),
  pauses: Type.Optional(
    Type.Array(
      Type.Object(
        {
          id: Id,
          ...pauseProperties,
          effectiveStart: Observed,
          effectiveEnd: Observed,
          suspendedAt: Observed,
          resumedAt: Observed,
          acceptances: Type.Optional(
            Type.Array(
              Type.Object({ partyId: Id, ...AcceptanceInput.properties }, { additionalProperties: false }),
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  ),
  incidents: Type.Optional(
    Type.Array(Type.Object({ id: Id, ...incidentProperties }, { additionalProperties: false })),
  ),
  claims: Type.Optional(
    Type.Array(
      Type.Object(
        {
          id: Id,
          ...claimProperties,
          verification: Type.Optional(Enum(verificationStatuses)),
          verificationHistory: Type.Optional(
            Type.Array(
              Type.Object(
                {
                  from: Enum(verificationStatuses),
                  to: Enum(verificationStatuses),
                  reason: Text(2000),
                  actor: Text(200),
                  at: DateTime,
                },
                { additionalProperties: false },
              ),
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  ),
};
