import Type, { type Static } from 'typebox';
import { personStatuses } from '../domain/lifecycle.ts';
import { DateTime, Id, Nullable, Text } from '../server/schemas/common.ts';
import { HeadcountInput } from '../server/schemas/misc.ts';
import { PersonInput } from '../server/schemas/people.ts';
import { PassageInput, PointInput, SiteInput } from '../server/schemas/site.ts';
import { eventSections } from './events/format.ts';
import { logisticsSections } from './logistics/format.ts';
import { rescueSections } from './rescue/format.ts';

// The site file: a whole site with its graph, households, people, headcounts, what was announced
// and claimed about it (parties, sources, pause windows, incidents, claims) and its logistics
// (depots, vehicles, road points, pickup routes, travel times, planning settings) and its hand
// crews, as `corridor
// import` reads and `corridor export` writes it. Every record carries its id so that re-importing
// the same file updates nothing twice and creates no duplicates.
const { id: _siteId, ...siteProperties } = SiteInput.properties;
const { id: _pointId, ...pointProperties } = PointInput.properties;
const { id: _passageId, ...passageProperties } = PassageInput.properties;
const { id: _personId, siteId: _personSite, ...personProperties } = PersonInput.properties;
const { id: _headcountId, siteId: _headcountSite, ...headcountProperties } = HeadcountInput.properties;

export const siteFileFormat = 'corridor-site';
export const siteFileVersion = 1;

export const SiteFile = Type.Object(
  {
    format: Type.Literal(siteFileFormat),
    formatVersion: Type.Literal(siteFileVersion),
    site: Type.Object({ id: Id, ...siteProperties }, { additionalProperties: false }),
    points: Type.Array(Type.Object({ id: Id, ...pointProperties }, { additionalProperties: false })),
    passages: Type.Array(
      Type.Object(
        {
          id: Id,
          ...passageProperties,
          stateReportedAt: Type.Optional(Nullable(DateTime)),
          stateReportedBy: Type.Optional(Nullable(Text(200))),
        },
        { additionalProperties: false },
      ),
    ),
    households: Type.Array(
      Type.Object(
        { id: Id, label: Type.Optional(Nullable(Text(200))), note: Type.Optional(Nullable(Text(4000))) },
        { additionalProperties: false },
      ),
    ),
    people: Type.Array(
      Type.Object(
        { id: Id, ...personProperties, status: Type.Optional(Type.Enum(personStatuses)) },
        { additionalProperties: false },
      ),
    ),
    headcounts: Type.Array(Type.Object({ id: Id, ...headcountProperties }, { additionalProperties: false })),
    ...eventSections,
    ...logisticsSections,
    ...rescueSections,
    /** Where the data came from (a scenario's sources, a generator's seed); kept in the file only. */
    provenance: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  {
    additionalProperties: false,
    $id: 'urn:corridor:site-file:1',
    title: 'Corridor site file, version 1',
  },
);

export type SiteFile = Static<typeof SiteFile>;
