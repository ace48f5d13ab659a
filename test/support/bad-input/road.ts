import { type Case, type Context, field, type WriteRoute } from './cases.ts';

// Waypoint events on the fixtures' convoy C-1, which has not departed: it can be reported on its
// way to the pickup point and there, nowhere beyond.

const report = (c: Context, extra: Record<string, unknown> = {}) => ({
  waypointId: c.convoy.pickupWaypointId,
  kind: 'arrived',
  occurredAt: '2022-05-06T07:10:00Z',
  reporter: 'Field team 2',
  ...extra,
});

export const roadRoutes: Record<string, WriteRoute> = {
  'POST /api/convoys/:id/events': {
    as: 'field',
    path: (c) => `/api/convoys/${c.convoy.convoyId}/events`,
    cases: (c): Case[] => [
      {
        name: 'a waypoint not on the route (the screening point’s own id, not its waypoint’s)',
        payload: report(c, { waypointId: c.logistics.screeningId }),
        status: 422,
        code: 'unknown_reference',
        mentions: [
          'waypointId',
          c.logistics.screeningId,
          'not a waypoint on the route of convoy C-1',
          'Bezimenne',
        ],
      },
      {
        name: 'a waypoint that does not exist',
        payload: report(c, { waypointId: c.unknownId }),
        status: 422,
        code: 'unknown_reference',
        mentions: ['waypointId', c.unknownId],
      },
      {
        name: 'beyond the pickup point before departure',
        payload: report(c, { waypointId: c.convoy.screeningWaypointId }),
        status: 409,
        code: 'conflict',
        mentions: ['has not departed', 'Bezimenne'],
      },
      {
        name: 'a vehicle not in the convoy',
        payload: report(c, { vehicleId: c.logistics.ambulanceId }),
        status: 422,
        code: 'unknown_reference',
        mentions: ['vehicleId', c.logistics.ambulanceId],
      },
      {
        name: 'an unknown source',
        payload: report(c, { sourceId: c.unknownId }),
        status: 422,
        code: 'unknown_reference',
        mentions: ['sourceId', c.unknownId],
      },
      {
        name: 'releasing someone who is not held',
        payload: report(c, { kind: 'released', releasedPersonIds: [c.convoy.motherId] }),
        status: 409,
        code: 'conflict',
        mentions: ['releasedPersonIds', c.convoy.motherId, 'not held'],
      },
      field('people held at an arrival', report(c, { heldPersonIds: [c.convoy.motherId] }), [
        'heldPersonIds',
      ]),
      field(
        'people held at the pickup point',
        report(c, { kind: 'held', heldPersonIds: [c.convoy.motherId] }),
        ['heldPersonIds', 'screening point'],
      ),
      field(
        'a person held twice in one report',
        report(c, { kind: 'held', heldPersonIds: [c.convoy.motherId, c.convoy.motherId] }),
        ['heldPersonIds', 'twice'],
      ),
      field('a claim about nothing', report(c, { claim: { words: 'all fine' } }), ['claim']),
      field('an event in the future', report(c, { occurredAt: '2999-01-01T00:00:00Z' }), [
        'occurredAt',
        'future',
      ]),
      field('no reporter', { ...report(c), reporter: undefined }, ['reporter']),
      field('a reporter of spaces', report(c, { reporter: '   ' }), ['reporter']),
      field('an unknown kind', report(c, { kind: 'stopped' }), ['kind']),
      field('a time that is not a time', report(c, { occurredAt: 'this morning' }), ['occurredAt']),
      field('an unknown incident type', report(c, { incident: { type: 'traffic', summary: 'queue' } }), [
        'type',
      ]),
      {
        name: 'unknown convoy',
        path: `/api/convoys/${c.unknownId}/events`,
        payload: report(c),
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      {
        name: 'as reception',
        headers: c.t.as('reception'),
        payload: report(c),
        status: 403,
        code: 'forbidden',
        mentions: ['convoys:report'],
      },
    ],
  },
};
