import { field, type WriteRoute } from './cases.ts';

/** The registry: people, their status, households and headcounts. */
export const peopleRoutes: Record<string, WriteRoute> = {
  'POST /api/people': {
    as: 'field',
    path: () => '/api/people',
    cases: (c) => {
      const base = { siteId: c.siteId, names: [{ family: 'Lysenko', given: 'Taras' }], sex: 'male' };
      return [
        field('names missing', { siteId: c.siteId, sex: 'male' }),
        field('names empty', { ...base, names: [] }),
        field('a name without its given name', { ...base, names: [{ family: 'Lysenko' }] }, ['given']),
        field('sex unknown', { ...base, sex: 'f' }),
        field('birthYear as text', { ...base, birthYear: '1984' }),
        field('birthDate not a calendar date', { ...base, birthDate: '2022-02-30' }, ['birthDate']),
        field('wounded without triage', { ...base, vulnerabilities: ['wounded'] }, ['triage']),
        field('status (set through the lifecycle only)', { ...base, status: 'arrived' }),
        {
          name: 'siteId names no site',
          payload: { ...base, siteId: c.unknownId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['siteId', c.unknownId],
        },
        {
          name: 'shelterId names no point',
          payload: { ...base, shelterId: c.unknownId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['shelterId'],
        },
        {
          name: 'shelterId is an exit',
          payload: { ...base, shelterId: c.exitId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['shelterId'],
        },
        {
          name: 'householdId names no household',
          payload: { ...base, householdId: c.unknownId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['householdId'],
        },
        {
          name: 'guardian names no person',
          payload: { ...base, guardians: [{ personId: c.unknownId }] },
          status: 422,
          code: 'unknown_reference',
          mentions: ['guardians'],
        },
        {
          name: 'duplicate id',
          payload: { ...base, id: c.personId },
          status: 409,
          code: 'duplicate_id',
          mentions: ['id'],
        },
      ];
    },
  },
  'PATCH /api/people/:id': {
    as: 'field',
    path: (c) => `/api/people/${c.personId}`,
    cases: (c) => [
      {
        name: 'unknown person id',
        path: `/api/people/${c.unknownId}`,
        payload: { note: 'x' },
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      {
        name: 'a stale version',
        payload: { note: 'x', version: 99 },
        status: 409,
        code: 'conflict',
        mentions: ['version'],
      },
      field('own guardian', { guardians: [{ personId: c.personId }] }, ['guardians']),
      field('names empty', { names: [] }),
      field('siteId (not changeable)', { siteId: c.otherSiteId }),
      field('status (set through the lifecycle only)', { status: 'ready' }),
      {
        name: 'shelterId of another site',
        payload: { shelterId: c.otherExitId },
        status: 422,
        code: 'unknown_reference',
        mentions: ['shelterId'],
      },
    ],
  },
  'POST /api/people/:id/status': {
    as: 'field',
    path: (c) => `/api/people/${c.personId}/status`,
    cases: (c) => [
      {
        name: 'sheltering straight to arrived',
        payload: { status: 'arrived' },
        status: 409,
        code: 'illegal_transition',
        mentions: ['sheltering', 'arrived'],
      },
      {
        name: 'out of deceased (final)',
        path: `/api/people/${c.deceasedId}/status`,
        payload: { status: 'sheltering' },
        status: 409,
        code: 'illegal_transition',
        mentions: ['deceased'],
      },
      {
        name: 'expectedStatus no longer true',
        payload: { status: 'ready', expectedStatus: 'ready' },
        status: 409,
        code: 'illegal_transition',
        mentions: ['sheltering'],
      },
      {
        name: 'unknown person id',
        path: `/api/people/${c.unknownId}/status`,
        payload: { status: 'ready' },
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      field('status unknown', { status: 'evacuated' }),
      field('status missing', { reason: 'window opened' }),
    ],
  },
  'POST /api/households': {
    as: 'field',
    path: () => '/api/households',
    cases: (c) => [
      {
        name: 'siteId names no site',
        payload: { siteId: c.unknownId },
        status: 422,
        code: 'unknown_reference',
        mentions: ['siteId'],
      },
      {
        name: 'duplicate id',
        payload: { id: c.householdId, siteId: c.siteId },
        status: 409,
        code: 'duplicate_id',
        mentions: ['id'],
      },
      field('label of the wrong type', { siteId: c.siteId, label: 5 }),
      field('members (unknown field)', { siteId: c.siteId, members: [c.personId] }),
    ],
  },
  'PATCH /api/households/:id': {
    as: 'field',
    path: (c) => `/api/households/${c.householdId}`,
    cases: (c) => [
      {
        name: 'unknown household id',
        path: `/api/households/${c.unknownId}`,
        payload: { label: 'x' },
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      field('nothing to change', {}, ['body']),
      field('label empty', { label: '' }),
      field('siteId (not changeable)', { siteId: c.otherSiteId }),
    ],
  },
  'POST /api/headcounts': {
    as: 'field',
    path: () => '/api/headcounts',
    cases: (c) => {
      const base = {
        siteId: c.siteId,
        category: 'children',
        count: 30,
        source: 'field team 2',
        reportedAt: '2022-05-04T10:00:00Z',
      };
      return [
        field('count negative', { ...base, count: -1 }),
        field('count as text', { ...base, count: '30' }),
        field('category unknown', { ...base, category: 'soldiers' }),
        field('source missing', { ...base, source: undefined }),
        field('reportedAt not a date-time', { ...base, reportedAt: 'yesterday' }),
        {
          name: 'siteId names no site',
          payload: { ...base, siteId: c.unknownId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['siteId'],
        },
        {
          name: 'shelterId names no shelter',
          payload: { ...base, shelterId: c.exitId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['shelterId'],
        },
        {
          name: 'duplicate id',
          payload: { ...base, id: c.headcountId },
          status: 409,
          code: 'duplicate_id',
          mentions: ['id'],
        },
      ];
    },
  },
};
