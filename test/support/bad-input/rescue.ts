import { type Case, type Context, field, longText, type WriteRoute } from './cases.ts';

const crew = (c: Context) => ({
  name: 'Crew 2',
  size: 5,
  positionId: c.exitId,
  hoursPerShift: 8,
  restHours: 4,
});

const unknownPlan = (c: Context, path: string, payload?: unknown): Case => ({
  name: 'unknown plan',
  path: `/api/rescue-plans/${c.unknownId}/${path}`,
  payload,
  status: 404,
  code: 'not_found',
  mentions: [c.unknownId],
});

const progress = (c: Context, body: object = {}) => ({
  crewId: c.rescue.crewId,
  passageId: c.passageId,
  percent: 40,
  ...body,
});

/** Hand crews, rescue plans, progress and re-plans. */
export const rescueRoutes: Record<string, WriteRoute> = {
  'POST /api/sites/:siteId/crews': {
    as: 'coordinator',
    path: (c) => `/api/sites/${c.siteId}/crews`,
    cases: (c) => [
      field('a crew of size 0', { ...crew(c), size: 0 }, ['size']),
      field('size not a whole number', { ...crew(c), size: 2.5 }, ['size']),
      field('name missing', { ...crew(c), name: undefined }, ['name']),
      field('name too long', { ...crew(c), name: longText(101) }, ['name']),
      field('no hours on shift', { ...crew(c), hoursPerShift: 0 }, ['hoursPerShift']),
      field('negative rest', { ...crew(c), restHours: -1 }, ['restHours']),
      field('status unknown', { ...crew(c), status: 'resting' }, ['status']),
      {
        name: 'positionId names no point',
        payload: { ...crew(c), positionId: c.unknownId },
        status: 422,
        code: 'unknown_reference',
        mentions: ['positionId'],
      },
      {
        name: 'positionId is a point of another site',
        payload: { ...crew(c), positionId: c.otherExitId },
        status: 422,
        code: 'unknown_reference',
        mentions: ['positionId'],
      },
      {
        name: 'name already used',
        payload: { ...crew(c), name: 'Crew 1' },
        status: 409,
        code: 'conflict',
        mentions: ['name'],
      },
      {
        name: 'duplicate id',
        payload: { ...crew(c), id: c.rescue.crewId },
        status: 409,
        code: 'duplicate_id',
        mentions: ['id'],
      },
      {
        name: 'unknown site',
        path: `/api/sites/${c.unknownId}/crews`,
        payload: crew(c),
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
    ],
  },
  'PATCH /api/crews/:id': {
    as: 'coordinator',
    path: (c) => `/api/crews/${c.rescue.crewId}`,
    cases: (c) => [
      field('a crew of size 0', { size: 0 }, ['size']),
      field('nothing to change', {}, []),
      field('shiftStartedAt not a date-time', { shiftStartedAt: 'at dawn' }, ['shiftStartedAt']),
      {
        name: 'moved to a point of another site',
        payload: { positionId: c.otherExitId },
        status: 422,
        code: 'unknown_reference',
        mentions: ['positionId'],
      },
      {
        name: 'unknown crew',
        path: `/api/crews/${c.unknownId}`,
        payload: { size: 3 },
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
    ],
  },
  'POST /api/sites/:siteId/rescue-plans': {
    as: 'coordinator',
    path: (c) => `/api/sites/${c.siteId}/rescue-plans`,
    cases: (c) => [
      field('no time to plan', { timeLimitSeconds: 0 }, ['timeLimitSeconds']),
      field('more than ten minutes', { timeLimitSeconds: 3600 }, ['timeLimitSeconds']),
      field('a negative weight', { weights: { T1: -1 } }, ['T1']),
      field('a weight for an unknown need', { weights: { vip: 50 } }, ['vip']),
      field('at is not a date-time', { at: '6 May' }, ['at']),
      field('at in the future', { at: '2999-01-01T00:00:00Z' }, ['at', 'future']),
      {
        name: 'unknown site',
        path: `/api/sites/${c.unknownId}/rescue-plans`,
        payload: {},
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
    ],
  },
  'POST /api/rescue-plans/:id/accept': {
    as: 'coordinator',
    path: (c) => `/api/rescue-plans/${c.rescue.acceptedPlanId}/accept`,
    cases: (c) => [
      { name: 'already accepted', status: 409, code: 'conflict', mentions: ['accepted'] },
      {
        name: 'a discarded plan',
        path: `/api/rescue-plans/${c.rescue.discardedPlanId}/accept`,
        status: 409,
        code: 'conflict',
        mentions: ['discarded'],
      },
      unknownPlan(c, 'accept'),
      {
        name: 'as a field team',
        path: `/api/rescue-plans/${c.rescue.draftPlanId}/accept`,
        headers: c.t.as('field'),
        status: 403,
        code: 'forbidden',
      },
    ],
  },
  'POST /api/rescue-plans/:id/discard': {
    as: 'coordinator',
    path: (c) => `/api/rescue-plans/${c.rescue.acceptedPlanId}/discard`,
    cases: (c) => [
      { name: 'the accepted plan', status: 409, code: 'conflict', mentions: ['accepted'] },
      {
        name: 'already discarded',
        path: `/api/rescue-plans/${c.rescue.discardedPlanId}/discard`,
        status: 409,
        code: 'conflict',
        mentions: ['discarded'],
      },
      unknownPlan(c, 'discard'),
    ],
  },
  'POST /api/rescue-plans/:id/progress': {
    as: 'field',
    path: (c) => `/api/rescue-plans/${c.rescue.acceptedPlanId}/progress`,
    cases: (c) => [
      field('percent 120', progress(c, { percent: 120 }), ['percent']),
      field('percent missing', progress(c, { percent: undefined }), ['percent']),
      field('at is not a date-time', progress(c, { at: 'now' }), ['at']),
      field('at in the future', progress(c, { at: '2999-01-01T00:00:00Z' }), ['at', 'future']),
      field('at before the plan started', progress(c, { at: '2000-01-01T00:00:00Z' }), ['at', 'before']),
      {
        name: 'unknown crew',
        payload: progress(c, { crewId: c.unknownId }),
        status: 422,
        code: 'unknown_reference',
        mentions: ['crewId'],
      },
      {
        name: 'a passage of no site',
        payload: progress(c, { passageId: c.unknownId }),
        status: 422,
        code: 'unknown_reference',
        mentions: ['passageId'],
      },
      {
        name: 'a passage that is open',
        payload: progress(c),
        status: 409,
        code: 'conflict',
        mentions: ['open', 'S1-E1'],
      },
      {
        name: 'progress on a discarded plan',
        path: `/api/rescue-plans/${c.rescue.discardedPlanId}/progress`,
        payload: progress(c),
        status: 409,
        code: 'conflict',
        mentions: ['discarded'],
      },
      {
        name: 'progress on a draft',
        path: `/api/rescue-plans/${c.rescue.draftPlanId}/progress`,
        payload: progress(c),
        status: 409,
        code: 'conflict',
        mentions: ['draft'],
      },
      unknownPlan(c, 'progress', progress(c)),
      {
        name: 'as a reception desk',
        payload: progress(c),
        headers: c.t.as('reception'),
        status: 403,
        code: 'forbidden',
      },
    ],
  },
  'POST /api/rescue-plans/:id/replan': {
    as: 'field',
    path: (c) => `/api/rescue-plans/${c.rescue.acceptedPlanId}/replan`,
    cases: (c) => [
      field('no time to plan', { timeLimitSeconds: 0 }, ['timeLimitSeconds']),
      field('at before the plan started', { at: '2000-01-01T00:00:00Z' }, ['at', 'before']),
      {
        name: 'a draft',
        path: `/api/rescue-plans/${c.rescue.draftPlanId}/replan`,
        payload: {},
        status: 409,
        code: 'conflict',
        mentions: ['draft'],
      },
      unknownPlan(c, 'replan', {}),
    ],
  },
};
