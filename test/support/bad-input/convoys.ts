import { type Case, type Context, field, type WriteRoute } from './cases.ts';

const unknownConvoy = (c: Context, action: string, payload?: unknown): Case => ({
  name: 'unknown convoy',
  path: `/api/convoys/${c.unknownId}/${action}`,
  payload,
  status: 404,
  code: 'not_found',
  mentions: [c.unknownId],
});

const convoyPath = (action: string) => (c: Context) => `/api/convoys/${c.convoy.convoyId}/${action}`;

/** Convoys: making them from the accepted plan, notifying the parties, departure, cancellation, arrival. */
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
  'POST /api/convoys/:id/notifications': {
    as: 'coordinator',
    path: convoyPath('notifications'),
    cases: (c): Case[] => [
      {
        name: 'a notification containing a name field (a passenger list)',
        payload: { channel: 'email', passengers: [{ names: [{ family: 'Convoy', given: 'Mother' }] }] },
        status: 400,
        code: 'validation_failed',
        mentions: ['never carries names', 'passengers'],
      },
      {
        name: 'a names field',
        payload: { names: ['Convoy Mother'] },
        status: 400,
        code: 'validation_failed',
        mentions: ['never carries names', 'names'],
      },
      {
        name: 'person ids',
        payload: { partyIds: [c.partyId], personIds: [c.convoy.motherId] },
        status: 400,
        code: 'validation_failed',
        mentions: ['personIds'],
      },
      {
        name: 'an unknown party',
        payload: { partyIds: [c.unknownId] },
        status: 422,
        code: 'unknown_reference',
        mentions: ['partyIds/0', c.unknownId],
      },
      field('a party id that is not an id', { partyIds: ['ICRC'] }, ['partyIds']),
      field('sentAt is not a date-time', { sentAt: 'yesterday evening' }, ['sentAt']),
      {
        name: 'nothing changed since the parties were notified',
        payload: {},
        status: 409,
        code: 'conflict',
        mentions: ['already has the current notification'],
      },
      unknownConvoy(c, 'notifications', {}),
      {
        name: 'as reception',
        headers: c.t.as('reception'),
        payload: {},
        status: 403,
        code: 'forbidden',
        mentions: ['convoys:write'],
      },
    ],
  },
  'POST /api/notifications/:id/answers': {
    as: 'coordinator',
    path: (c) => `/api/notifications/${c.convoy.notificationIds[0]}/answers`,
    cases: (c): Case[] => [
      {
        name: 'an answer without a source',
        payload: { answer: 'acknowledged', answeredAt: '2022-05-05T21:00:00Z' },
        status: 400,
        code: 'validation_failed',
        mentions: ['sourceNote'],
      },
      {
        name: 'an answer before the notification was sent',
        payload: { answer: 'objected', answeredAt: '2022-05-05T19:00:00Z', sourceNote: 'radio' },
        status: 400,
        code: 'validation_failed',
        mentions: ['answeredAt', 'before the notification was sent'],
      },
      {
        name: 'an unknown source',
        payload: { answer: 'objected', answeredAt: '2022-05-05T21:00:00Z', sourceId: c.unknownId },
        status: 422,
        code: 'unknown_reference',
        mentions: ['sourceId', c.unknownId],
      },
      field('an answer that is none of the three', { answer: 'maybe', answeredAt: '2022-05-05T21:00:00Z' }, [
        'answer',
      ]),
      field('no time', { answer: 'no_answer' }, ['answeredAt']),
      {
        name: 'a passenger list in the answer',
        payload: {
          answer: 'objected',
          answeredAt: '2022-05-05T21:00:00Z',
          sourceNote: 'radio',
          passengers: ['Convoy Mother'],
        },
        status: 400,
        code: 'validation_failed',
        mentions: ['passengers'],
      },
      {
        name: 'unknown notification',
        path: `/api/notifications/${c.unknownId}/answers`,
        payload: { answer: 'no_answer', answeredAt: '2022-05-05T21:00:00Z' },
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      {
        name: 'as a field team',
        headers: c.t.as('field'),
        payload: { answer: 'no_answer', answeredAt: '2022-05-05T21:00:00Z' },
        status: 403,
        code: 'forbidden',
        mentions: ['convoys:write'],
      },
    ],
  },
  'POST /api/convoys/:id/depart': {
    as: 'coordinator',
    path: convoyPath('depart'),
    cases: (c): Case[] => [
      {
        name: 'a flagged convoy without an override (its window has ended by now)',
        payload: {},
        status: 409,
        code: 'conflict',
        mentions: ['flagged', 'Agreed window is ended', 'override'],
      },
      field('an override without a reason', { override: {} }, ['override/reason']),
      field('an override reason too short to say anything', { override: { reason: 'ok' } }, [
        'override/reason',
      ]),
      field('departedAt is not a date-time', { departedAt: '02:00' }, ['departedAt']),
      unknownConvoy(c, 'depart', {}),
      {
        name: 'as a field team',
        headers: c.t.as('field'),
        payload: {},
        status: 403,
        code: 'forbidden',
        mentions: ['convoys:write'],
      },
    ],
  },
  'POST /api/convoys/:id/cancel': {
    as: 'coordinator',
    path: convoyPath('cancel'),
    cases: (c): Case[] => [
      field('no reason', {}, ['reason']),
      {
        name: 'a reason of blanks',
        payload: { reason: '    ' },
        status: 400,
        code: 'validation_failed',
        mentions: ['reason'],
      },
      field('an unknown field', { reason: 'road closed', when: 'now' }, ['when']),
      unknownConvoy(c, 'cancel', { reason: 'road closed' }),
      {
        name: 'as reception',
        headers: c.t.as('reception'),
        payload: { reason: 'road closed' },
        status: 403,
        code: 'forbidden',
        mentions: ['convoys:write'],
      },
    ],
  },
  'POST /api/convoys/:id/arrive': {
    as: 'field',
    path: convoyPath('arrive'),
    cases: (c): Case[] => [
      {
        name: 'a convoy that has not departed',
        payload: {},
        status: 409,
        code: 'conflict',
        mentions: [c.convoy.convoyCode, 'planned', 'cannot arrive'],
      },
      field('arrivedAt is not a date-time', { arrivedAt: 'noon' }, ['arrivedAt']),
      unknownConvoy(c, 'arrive', {}),
      {
        name: 'as reception',
        headers: c.t.as('reception'),
        payload: {},
        status: 403,
        code: 'forbidden',
        mentions: ['convoys:report'],
      },
    ],
  },
};
