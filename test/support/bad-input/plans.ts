import { type Case, field, type WriteRoute } from './cases.ts';

const notFound = (c: { unknownId: string }, path: string, payload?: unknown): Case => ({
  name: 'unknown plan',
  path: `/api/plans/${c.unknownId}/${path}`,
  payload,
  status: 404,
  code: 'not_found',
  mentions: [c.unknownId],
});

/** Evacuation plans: making, accepting, re-planning and discarding them. */
export const plansRoutes: Record<string, WriteRoute> = {
  'POST /api/sites/:siteId/plans': {
    as: 'coordinator',
    path: (c) => `/api/sites/${c.siteId}/plans`,
    cases: (c) => [
      field('no time to plan', { timeLimitSeconds: 0 }, ['timeLimitSeconds']),
      field('more than ten minutes', { timeLimitSeconds: 3600 }, ['timeLimitSeconds']),
      field('a weight for an unknown class', { priorityWeights: { vip: 50 } }, ['vip']),
      field('at is not a date-time', { at: '6 May' }, ['at']),
      {
        name: 'unknown site',
        path: `/api/sites/${c.unknownId}/plans`,
        payload: {},
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      {
        name: 'a site with no reception point',
        path: `/api/sites/${c.otherSiteId}/plans`,
        payload: {},
        status: 409,
        code: 'conflict',
        mentions: ['reception point'],
      },
    ],
  },
  'POST /api/plans/:id/accept': {
    as: 'coordinator',
    path: (c) => `/api/plans/${c.logistics.draftPlanId}/accept`,
    cases: (c) => [
      {
        name: 'a planned person is no longer ready',
        status: 409,
        code: 'conflict',
        mentions: ['no longer ready', c.logistics.plannedAdultId!, 'sheltering'],
      },
      {
        name: 'a discarded plan',
        path: `/api/plans/${c.logistics.discardedPlanId}/accept`,
        status: 409,
        code: 'conflict',
        mentions: ['discarded'],
      },
      notFound(c, 'accept'),
      {
        name: 'as a field team',
        headers: c.t.as('field'),
        status: 403,
        code: 'forbidden',
        mentions: ['plans:write'],
      },
    ],
  },
  'POST /api/plans/:id/replan': {
    as: 'coordinator',
    path: (c) => `/api/plans/${c.logistics.draftPlanId}/replan`,
    cases: (c) => [
      {
        name: 'an unknown vehicle lost',
        payload: { lostVehicleIds: [c.unknownId] },
        status: 422,
        code: 'unknown_reference',
        mentions: ['lostVehicleIds', c.unknownId],
      },
      {
        name: 'a window the plan does not use cancelled',
        payload: { cancelledWindowIds: [c.pauseId] },
        status: 422,
        code: 'unknown_reference',
        mentions: ['cancelledWindowIds', c.pauseId],
      },
      {
        name: 'an unknown trip notified',
        payload: { notifiedTripIds: ['bus/window/9'] },
        status: 422,
        code: 'unknown_reference',
        mentions: ['notifiedTripIds'],
      },
      field('a vehicle id that is not an id', { lostVehicleIds: ['Bus 1'] }, ['lostVehicleIds']),
      {
        name: 'a discarded plan',
        path: `/api/plans/${c.logistics.discardedPlanId}/replan`,
        payload: {},
        status: 409,
        code: 'conflict',
        mentions: ['discarded'],
      },
      notFound(c, 'replan', {}),
    ],
  },
  'POST /api/plans/:id/discard': {
    as: 'coordinator',
    path: (c) => `/api/plans/${c.logistics.discardedPlanId}/discard`,
    cases: (c) => [
      { name: 'already discarded', status: 409, code: 'conflict', mentions: ['discarded'] },
      notFound(c, 'discard'),
      {
        name: 'not an id',
        path: '/api/plans/latest/discard',
        status: 400,
        code: 'validation_failed',
        mentions: ['id'],
      },
      {
        name: 'as reception',
        path: `/api/plans/${c.logistics.draftPlanId}/discard`,
        headers: c.t.as('reception'),
        status: 403,
        code: 'forbidden',
        mentions: ['plans:write'],
      },
    ],
  },
};
