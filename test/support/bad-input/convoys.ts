import type { Case, WriteRoute } from './cases.ts';

/** Convoys: making them from the accepted plan. */
export const convoysRoutes: Record<string, WriteRoute> = {
  'POST /api/plans/:id/convoys': {
    as: 'coordinator',
    path: (c) => `/api/plans/${c.convoy.planId}/convoys`,
    cases: (c): Case[] => [
      {
        name: 'a draft plan',
        path: `/api/plans/${c.logistics.draftPlanId}/convoys`,
        status: 409,
        code: 'conflict',
        mentions: ['accepted plan', 'draft'],
      },
      {
        name: 'a discarded plan',
        path: `/api/plans/${c.logistics.discardedPlanId}/convoys`,
        status: 409,
        code: 'conflict',
        mentions: ['discarded'],
      },
      {
        name: 'unknown plan',
        path: `/api/plans/${c.unknownId}/convoys`,
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      {
        name: 'not an id',
        path: '/api/plans/accepted/convoys',
        status: 400,
        code: 'validation_failed',
        mentions: ['id'],
      },
      {
        name: 'as a field team',
        headers: c.t.as('field'),
        status: 403,
        code: 'forbidden',
        mentions: ['convoys:write'],
      },
    ],
  },
};
