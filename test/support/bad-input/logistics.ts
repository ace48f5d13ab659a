import { type Case, field, longText, type WriteRoute } from './cases.ts';

const unknownSite = (c: { unknownId: string }, path: string, payload: unknown): Case => ({
  name: 'unknown site',
  path: `/api/sites/${c.unknownId}/${path}`,
  payload,
  status: 404,
  code: 'not_found',
  mentions: [c.unknownId],
});

const conflict = (name: string, payload: unknown, mentions: string[]): Case => ({
  name,
  payload,
  status: 409,
  code: 'conflict',
  mentions,
});

const reference = (name: string, payload: unknown, field: string): Case => ({
  name,
  payload,
  status: 422,
  code: 'unknown_reference',
  mentions: [field],
});

const notFound = (name: string, path: string, payload: unknown, id: string): Case => ({
  name,
  path,
  payload,
  status: 404,
  code: 'not_found',
  mentions: [id],
});

/** Depots, vehicles, road points, pickup routes, travel times and planning settings. */
export const logisticsRoutes: Record<string, WriteRoute> = {
  'POST /api/sites/:siteId/depots': {
    as: 'coordinator',
    path: (c) => `/api/sites/${c.siteId}/depots`,
    cases: (c) => [
      field('name missing', { note: 'where the buses wait' }, ['name']),
      field('name too long', { name: longText(201) }),
      unknownSite(c, 'depots', { name: 'Dnipro depot' }),
      conflict('name already used', { name: 'Zaporizhzhia depot' }, ['name']),
      {
        name: 'duplicate id',
        payload: { id: c.logistics.depotId, name: 'Dnipro depot' },
        status: 409,
        code: 'duplicate_id',
        mentions: ['id'],
      },
    ],
  },
  'PATCH /api/depots/:id': {
    as: 'coordinator',
    path: (c) => `/api/depots/${c.logistics.depotId}`,
    cases: (c) => [
      field('nothing to change', {}, []),
      field('name empty', { name: '' }),
      field('unknown field', { seats: 3 }, ['seats']),
      notFound('unknown depot', `/api/depots/${c.unknownId}`, { name: 'Dnipro depot' }, c.unknownId),
    ],
  },
  'POST /api/sites/:siteId/vehicles': {
    as: 'coordinator',
    path: (c) => `/api/sites/${c.siteId}/vehicles`,
    cases: (c) => {
      const base = { depotId: c.logistics.depotId, label: 'Bus 9', kind: 'bus', seats: 40 };
      return [
        field('negative seats', { ...base, seats: -1 }, ['seats']),
        field('stretcher places not a whole number', { ...base, stretcherPlaces: 1.5 }, ['stretcherPlaces']),
        field('kind unknown', { ...base, kind: 'tank' }, ['kind']),
        field('availableFrom not a date-time', { ...base, availableFrom: 'tomorrow' }, ['availableFrom']),
        reference('depotId names no depot', { ...base, depotId: c.unknownId }, 'depotId'),
        reference('depotId names a site point', { ...base, depotId: c.exitId }, 'depotId'),
        conflict('label already used', { ...base, label: 'Bus 1' }, ['label']),
        unknownSite(c, 'vehicles', base),
      ];
    },
  },
  'PATCH /api/vehicles/:id': {
    as: 'coordinator',
    path: (c) => `/api/vehicles/${c.logistics.busId}`,
    cases: (c) => [
      field('negative wheelchair places', { wheelchairPlaces: -2 }, ['wheelchairPlaces']),
      field('status unknown', { status: 'stolen' }, ['status']),
      reference('depotId names no depot', { depotId: c.unknownId }, 'depotId'),
      conflict('label of the ambulance', { label: 'Ambulance 1' }, ['label']),
      notFound('unknown vehicle', `/api/vehicles/${c.unknownId}`, { status: 'lost' }, c.unknownId),
    ],
  },
  'POST /api/sites/:siteId/road-points': {
    as: 'coordinator',
    path: (c) => `/api/sites/${c.siteId}/road-points`,
    cases: (c) => [
      field('kind unknown', { kind: 'border', name: 'Vasylivka' }, ['kind']),
      field('negative delay', { kind: 'checkpoint', name: 'Vasylivka', expectedDelayMinutes: -5 }, [
        'expectedDelayMinutes',
      ]),
      conflict('name already used', { kind: 'checkpoint', name: 'Tokmak' }, ['name']),
      unknownSite(c, 'road-points', { kind: 'checkpoint', name: 'Vasylivka' }),
    ],
  },
  'PATCH /api/road-points/:id': {
    as: 'coordinator',
    path: (c) => `/api/road-points/${c.logistics.screeningId}`,
    cases: (c) => [
      conflict('a screening point in use turned into a checkpoint', { kind: 'checkpoint' }, [
        'kind',
        'Bezimenne',
      ]),
      conflict('name of the checkpoint', { name: 'Tokmak' }, ['name']),
      field('negative delay', { expectedDelayMinutes: -1 }, ['expectedDelayMinutes']),
      notFound('unknown road point', `/api/road-points/${c.unknownId}`, { name: 'Manhush' }, c.unknownId),
    ],
  },
  'POST /api/sites/:siteId/pickup-routes': {
    as: 'coordinator',
    path: (c) => `/api/sites/${c.siteId}/pickup-routes`,
    cases: (c) => {
      const base = {
        pickupPointId: c.exitId,
        screeningPointId: c.logistics.screeningId,
        approachMinutes: 10,
        minutesToScreening: 30,
      };
      return [
        field('negative approach', { ...base, approachMinutes: -10 }, ['approachMinutes']),
        field('minutesToScreening missing', { ...base, minutesToScreening: undefined }, [
          'minutesToScreening',
        ]),
        reference('a shelter as pickup point', { ...base, pickupPointId: c.shelterId }, 'pickupPointId'),
        reference('an exit of another site', { ...base, pickupPointId: c.otherExitId }, 'pickupPointId'),
        reference(
          'a checkpoint as screening point',
          { ...base, screeningPointId: c.logistics.checkpointId },
          'screeningPointId',
        ),
        conflict('the exit already has a route', base, ['pickupPointId']),
        unknownSite(c, 'pickup-routes', base),
      ];
    },
  },
  'PATCH /api/pickup-routes/:id': {
    as: 'coordinator',
    path: (c) => `/api/pickup-routes/${c.logistics.pickupRouteId}`,
    cases: (c) => [
      field('approach longer than the drive from the depot', { approachMinutes: 500 }, ['approachMinutes']),
      field('pickupPointId cannot be changed', { pickupPointId: c.shelterId }, ['pickupPointId']),
      reference('screening point unknown', { screeningPointId: c.unknownId }, 'screeningPointId'),
      notFound('unknown route', `/api/pickup-routes/${c.unknownId}`, { approachMinutes: 5 }, c.unknownId),
    ],
  },
  'DELETE /api/pickup-routes/:id': {
    as: 'coordinator',
    path: (c) => `/api/pickup-routes/${c.logistics.pickupRouteId}`,
    cases: (c) => [
      notFound('unknown route', `/api/pickup-routes/${c.unknownId}`, undefined, c.unknownId),
      {
        name: 'not an id',
        path: '/api/pickup-routes/route-1',
        status: 400,
        code: 'validation_failed',
        mentions: ['id'],
      },
      {
        name: 'as a field team',
        headers: c.t.as('field'),
        status: 403,
        code: 'forbidden',
        mentions: ['logistics:write'],
      },
    ],
  },
  'POST /api/sites/:siteId/travel-times': {
    as: 'coordinator',
    path: (c) => `/api/sites/${c.siteId}/travel-times`,
    cases: (c) => {
      const l = c.logistics;
      return [
        field('negative minutes', { fromId: l.depotId, toId: c.exitId, minutes: -1 }, ['minutes']),
        reference('from an unknown point', { fromId: c.unknownId, toId: c.exitId, minutes: 60 }, 'fromId'),
        reference(
          'to a point of another site',
          { fromId: l.depotId, toId: c.otherExitId, minutes: 60 },
          'toId',
        ),
        field(
          'from a checkpoint to a reception point',
          { fromId: l.checkpointId, toId: l.receptionId, minutes: 60 },
          ['toId', 'checkpoint'],
        ),
        field('from a depot to a shelter', { fromId: l.depotId, toId: c.shelterId, minutes: 60 }, ['toId']),
        reference(
          'via a reception point',
          { fromId: l.screeningId, toId: l.receptionId, minutes: 60, via: [l.receptionId] },
          'via',
        ),
        conflict('the depot to the exit again', { fromId: l.depotId, toId: c.exitId, minutes: 200 }, [
          'toId',
        ]),
        unknownSite(c, 'travel-times', { fromId: l.depotId, toId: c.exitId, minutes: 60 }),
      ];
    },
  },
  'PATCH /api/travel-times/:id': {
    as: 'coordinator',
    path: (c) => `/api/travel-times/${c.logistics.depotTravelId}`,
    cases: (c) => [
      field('shorter than the approach inside the danger zone', { minutes: 5 }, ['minutes']),
      field('negative minutes', { minutes: -5 }, ['minutes']),
      field('fromId cannot be changed', { fromId: c.logistics.receptionId }, ['fromId']),
      reference('via an unknown point', { via: [c.unknownId] }, 'via'),
      notFound('unknown travel time', `/api/travel-times/${c.unknownId}`, { minutes: 60 }, c.unknownId),
    ],
  },
  'DELETE /api/travel-times/:id': {
    as: 'coordinator',
    path: (c) => `/api/travel-times/${c.logistics.returnTravelId}`,
    cases: (c) => [
      notFound('unknown travel time', `/api/travel-times/${c.unknownId}`, undefined, c.unknownId),
      {
        name: 'not an id',
        path: '/api/travel-times/1',
        status: 400,
        code: 'validation_failed',
        mentions: ['id'],
      },
      {
        name: 'as reception',
        headers: c.t.as('reception'),
        status: 403,
        code: 'forbidden',
        mentions: ['logistics:write'],
      },
    ],
  },
  'PUT /api/sites/:siteId/planning-settings': {
    as: 'coordinator',
    path: (c) => `/api/sites/${c.siteId}/planning-settings`,
    cases: (c) => {
      const base = {
        loadingMinutesPerPerson: 0.5,
        loadingMinutesPerStretcher: 5,
        loadingMinutesPerWheelchair: 3,
      };
      return [
        field('loading minutes missing', { loadingMinutesPerPerson: 1 }, ['loadingMinutesPerStretcher']),
        field('negative loading', { ...base, loadingMinutesPerPerson: -1 }, ['loadingMinutesPerPerson']),
        field('an unknown priority class', { ...base, priorityWeights: { vip: 100 } }, ['vip']),
        field('a negative weight', { ...base, priorityWeights: { elderly: -4 } }, ['elderly']),
        unknownSite(c, 'planning-settings', base),
      ];
    },
  },
};
