import { field, longText, type WriteRoute } from './cases.ts';

/** Tracing requests, matches, consent to be found, and children's cases. */
export const tracingRoutes: Record<string, WriteRoute> = {
  'POST /api/tracing-requests': {
    as: 'reception',
    path: () => '/api/tracing-requests',
    cases: (c) => {
      const base = {
        siteId: c.siteId,
        sought: { names: [{ family: 'Kovalenko', given: 'Oleksii' }] },
        enquirer: { name: 'Kovalenko Iryna', phone: '+380671234567' },
        relation: 'wife',
      };
      return [
        field('sought missing', { ...base, sought: undefined }, ['sought']),
        field('sought.names empty', { ...base, sought: { names: [] } }, ['names']),
        field('sought name without letters', { ...base, sought: { names: [{ family: '??', given: '—' }] } }, [
          'sought.names',
        ]),
        field(
          'sought.birthDate not a date',
          { ...base, sought: { ...base.sought, birthDate: '1979-02-30' } },
          ['birthDate'],
        ),
        field(
          'sought.birthYear against the date',
          { ...base, sought: { ...base.sought, birthDate: '1979-03-14', birthYear: 1980 } },
          ['birthYear'],
        ),
        field('no way to reach the enquirer', { ...base, enquirer: { name: 'Kovalenko Iryna' } }, [
          'enquirer',
        ]),
        field(
          'enquirer.email not an address',
          { ...base, enquirer: { name: 'K', email: 'not-an-address' } },
          ['email'],
        ),
        field('relation missing', { ...base, relation: undefined }, ['relation']),
        field('lastSeen.date in the future', { ...base, lastSeen: { date: '2999-01-01' } }, [
          'lastSeen.date',
        ]),
        field('separation too long', { ...base, separation: longText(4001) }, ['separation']),
        {
          name: 'siteId names no site',
          payload: { ...base, siteId: c.unknownId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['siteId'],
        },
        {
          name: 'lastSeen.pointId of another site',
          payload: { ...base, lastSeen: { pointId: c.otherExitId } },
          status: 422,
          code: 'unknown_reference',
          mentions: ['lastSeen.pointId'],
        },
        {
          name: 'enquirer.personId names no one',
          payload: { ...base, enquirer: { ...base.enquirer, personId: c.unknownId } },
          status: 422,
          code: 'unknown_reference',
          mentions: ['enquirer.personId'],
        },
        {
          name: 'duplicate id',
          payload: { ...base, id: c.tracing.requestId },
          status: 409,
          code: 'duplicate_id',
          mentions: ['id'],
        },
      ];
    },
  },
  'PATCH /api/tracing-requests/:id': {
    as: 'coordinator',
    path: (c) => `/api/tracing-requests/${c.tracing.requestId}`,
    cases: (c) => [
      field('empty patch', {}, []),
      field('relation empty', { relation: '' }, ['relation']),
      field('sought.names empty', { sought: { names: [] } }, ['names']),
      field('unknown field', { status: 'closed' }, []),
      {
        name: 'stale version',
        payload: { relation: 'spouse', version: 99 },
        status: 409,
        code: 'conflict',
        mentions: ['version'],
      },
      {
        name: 'no such request',
        path: `/api/tracing-requests/${c.unknownId}`,
        payload: { relation: 'spouse' },
        status: 404,
        code: 'not_found',
      },
    ],
  },
  'POST /api/tracing-requests/:id/status': {
    as: 'coordinator',
    path: (c) => `/api/tracing-requests/${c.tracing.requestId}/status`,
    cases: (c) => [
      field('status unknown', { status: 'found' }),
      field('closed without a reason', { status: 'closed' }, ['reason']),
      {
        name: 'already open',
        payload: { status: 'open' },
        status: 409,
        code: 'illegal_transition',
        mentions: ['already open'],
      },
      {
        name: 'no such request',
        path: `/api/tracing-requests/${c.unknownId}/status`,
        payload: { status: 'closed', reason: 'found' },
        status: 404,
        code: 'not_found',
      },
    ],
  },
  'POST /api/tracing-requests/:id/matches/:personId/review': {
    as: 'coordinator',
    path: (c) => `/api/tracing-requests/${c.tracing.requestId}/matches/${c.tracing.foundId}/review`,
    cases: (c) => [
      field('status unknown', { status: 'maybe' }),
      field('proposed is not a review', { status: 'proposed' }, ['status']),
      field('note too long', { status: 'rejected', note: longText(1001) }, ['note']),
      {
        name: 'a person the request never matched',
        path: `/api/tracing-requests/${c.tracing.requestId}/matches/${c.personId}/review`,
        payload: { status: 'confirmed' },
        status: 404,
        code: 'not_found',
      },
    ],
  },
  'PUT /api/people/:id/tracing-consent': {
    as: 'reception',
    path: (c) => `/api/people/${c.personId}/tracing-consent`,
    cases: (c) => [
      field('decision missing', {}, ['decision']),
      field('decision unknown', { decision: 'maybe' }, ['decision']),
      field('note too long', { decision: 'declined', note: longText(1001) }, ['note']),
      {
        name: 'no such person',
        path: `/api/people/${c.unknownId}/tracing-consent`,
        payload: { decision: 'declined' },
        status: 404,
        code: 'not_found',
      },
    ],
  },
  'POST /api/child-cases': {
    as: 'coordinator',
    path: () => '/api/child-cases',
    cases: (c) => [
      field('childId missing', { kind: 'separated' }, ['childId']),
      field('kind unknown', { childId: c.childId, kind: 'lost' }, ['kind']),
      {
        name: 'childId names no one',
        payload: { childId: c.unknownId, kind: 'separated' },
        status: 422,
        code: 'unknown_reference',
        mentions: ['childId'],
      },
      {
        name: 'the child already has an open case',
        payload: { childId: c.tracing.unaccompaniedId, kind: 'unaccompanied' },
        status: 409,
        code: 'conflict',
        mentions: ['open case'],
      },
    ],
  },
  'POST /api/child-cases/:id/verifications': {
    as: 'coordinator',
    path: (c) => `/api/child-cases/${c.tracing.caseId}/verifications`,
    cases: (c) => {
      const base = {
        name: 'Бойко Іван',
        relation: 'uncle',
        method: 'identity_document',
        evidence: 'passport seen',
      };
      return [
        field('evidence too short', { ...base, evidence: 'ok' }, ['evidence']),
        field('method unknown', { ...base, method: 'trust' }, ['method']),
        field('relation missing', { ...base, relation: undefined }, ['relation']),
        {
          name: 'the child as their own guardian',
          payload: { ...base, personId: c.tracing.unaccompaniedId },
          status: 400,
          code: 'validation_failed',
          mentions: ['personId'],
        },
        {
          name: 'personId names no one',
          payload: { ...base, personId: c.unknownId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['personId'],
        },
        {
          name: 'no such case',
          path: `/api/child-cases/${c.unknownId}/verifications`,
          payload: base,
          status: 404,
          code: 'not_found',
        },
      ];
    },
  },
  'POST /api/child-cases/:id/handover': {
    as: 'reception',
    path: (c) => `/api/child-cases/${c.tracing.caseId}/handover`,
    cases: (c) => [
      field('verificationId missing', {}, ['verificationId']),
      field('at not a time', { verificationId: c.tracing.verificationId, at: 'yesterday' }, ['at']),
      field('at in the future', { verificationId: c.tracing.verificationId, at: '2999-01-01T00:00:00Z' }, [
        'at',
      ]),
      {
        name: 'a verification of no case of this child',
        payload: { verificationId: c.unknownId },
        status: 422,
        code: 'unknown_reference',
        mentions: ['verificationId'],
      },
      {
        name: 'stale version',
        payload: { verificationId: c.tracing.verificationId, version: 99 },
        status: 409,
        code: 'conflict',
        mentions: ['version'],
      },
    ],
  },
  'POST /api/child-cases/:id/close': {
    as: 'coordinator',
    path: (c) => `/api/child-cases/${c.tracing.caseId}/close`,
    cases: (c) => [
      field('reason missing', {}, ['reason']),
      field('reason too short', { reason: 'no' }, ['reason']),
      {
        name: 'no such case',
        path: `/api/child-cases/${c.unknownId}/close`,
        payload: { reason: 'opened in error' },
        status: 404,
        code: 'not_found',
      },
    ],
  },
};
