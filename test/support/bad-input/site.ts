import { field, longText, type WriteRoute } from './cases.ts';

/** The site model: sites, points, passages and passage reports. */
export const siteRoutes: Record<string, WriteRoute> = {
  'POST /api/sites': {
    as: 'coordinator',
    path: () => '/api/sites',
    cases: (c) => [
      field('name missing', { timeZone: 'Europe/Kyiv' }),
      field('name of the wrong type', { name: 7, timeZone: 'Europe/Kyiv' }),
      field('name too long', { name: longText(201), timeZone: 'Europe/Kyiv' }),
      field('timeZone not an IANA zone', { name: 'X', timeZone: 'Mars/Olympus' }),
      field('id not a uuid', { id: '42', name: 'X', timeZone: 'Europe/Kyiv' }),
      field('kind (unknown field)', { name: 'X', timeZone: 'Europe/Kyiv', kind: 'steelworks' }),
      {
        name: 'duplicate id',
        payload: { id: c.siteId, name: 'X', timeZone: 'Europe/Kyiv' },
        status: 409,
        code: 'duplicate_id',
        mentions: ['id'],
      },
    ],
  },
  'PATCH /api/sites/:id': {
    as: 'coordinator',
    path: (c) => `/api/sites/${c.siteId}`,
    cases: (c) => [
      {
        name: 'unknown site id',
        path: `/api/sites/${c.unknownId}`,
        payload: { name: 'X' },
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      field('nothing to change', {}, ['body']),
      field('timeZone not an IANA zone', { timeZone: 'Europe/Atlantis' }),
      field('name null', { name: null }),
      field('id (not changeable)', { id: c.unknownId }),
    ],
  },
  'POST /api/sites/:siteId/points': {
    as: 'coordinator',
    path: (c) => `/api/sites/${c.siteId}/points`,
    cases: (c) => [
      {
        name: 'unknown site in the path',
        path: `/api/sites/${c.unknownId}/points`,
        payload: { kind: 'exit', code: 'E9' },
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      field('kind unknown', { kind: 'bunker', code: 'B9' }),
      field('code missing', { kind: 'exit' }),
      field('shelterKind missing for a shelter', { kind: 'shelter', code: 'S9' }),
      field('capacity on an exit', { kind: 'exit', code: 'E9', capacity: 10 }),
      field('capacity negative', { kind: 'shelter', code: 'S9', shelterKind: 'basement', capacity: -1 }),
      field(
        'conditions with a number',
        { kind: 'shelter', code: 'S9', shelterKind: 'basement', conditions: { water: 3 } },
        ['conditions'],
      ),
      {
        name: 'code already used in the site',
        payload: { kind: 'exit', code: 'S1' },
        status: 409,
        code: 'conflict',
        mentions: ['code'],
      },
      {
        name: 'duplicate id',
        payload: { id: c.exitId, kind: 'exit', code: 'E9' },
        status: 409,
        code: 'duplicate_id',
        mentions: ['id'],
      },
    ],
  },
  'PATCH /api/points/:id': {
    as: 'coordinator',
    path: (c) => `/api/points/${c.shelterId}`,
    cases: (c) => [
      {
        name: 'unknown point id',
        path: `/api/points/${c.unknownId}`,
        payload: { code: 'Z' },
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      field('level as text', { level: 'minus two' }),
      field('turned into an exit while keeping its shelter fields', { kind: 'exit' }, ['shelterKind']),
      field('nothing to change', {}, ['body']),
      {
        name: 'code of another point',
        payload: { code: 'E1' },
        status: 409,
        code: 'conflict',
        mentions: ['code'],
      },
    ],
  },
  'POST /api/sites/:siteId/passages': {
    as: 'coordinator',
    path: (c) => `/api/sites/${c.siteId}/passages`,
    cases: (c) => [
      {
        name: 'unknown site in the path',
        path: `/api/sites/${c.unknownId}/passages`,
        payload: { from: c.shelterId, to: c.exitId, lengthM: 1, state: 'open' },
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      {
        name: 'from names no point',
        payload: { from: c.unknownId, to: c.exitId, lengthM: 10, state: 'open' },
        status: 422,
        code: 'unknown_reference',
        mentions: ['from', c.unknownId],
      },
      {
        name: 'to is a point of another site',
        payload: { from: c.shelterId, to: c.otherExitId, lengthM: 10, state: 'open' },
        status: 422,
        code: 'unknown_reference',
        mentions: ['to'],
      },
      field('from and to the same point', { from: c.exitId, to: c.exitId, lengthM: 10, state: 'open' }, [
        'to',
      ]),
      field(
        'blocked without clearancePersonHours',
        { from: c.shelterId, to: c.exitId, lengthM: 10, state: 'blocked' },
        ['clearancePersonHours'],
      ),
      field('lengthM zero', { from: c.shelterId, to: c.exitId, lengthM: 0, state: 'open' }),
      field('state unknown', { from: c.shelterId, to: c.exitId, lengthM: 10, state: 'collapsed' }),
      {
        name: 'duplicate id',
        payload: { id: c.passageId, from: c.shelterId, to: c.exitId, lengthM: 10, state: 'open' },
        status: 409,
        code: 'duplicate_id',
        mentions: ['id'],
      },
    ],
  },
  'PATCH /api/passages/:id': {
    as: 'coordinator',
    path: (c) => `/api/passages/${c.passageId}`,
    cases: (c) => [
      {
        name: 'unknown passage id',
        path: `/api/passages/${c.unknownId}`,
        payload: { lengthM: 5 },
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      {
        name: 'to names no point',
        payload: { to: c.unknownId },
        status: 422,
        code: 'unknown_reference',
        mentions: ['to'],
      },
      field('open with clearancePersonHours', { state: 'open', clearancePersonHours: 5 }, [
        'clearancePersonHours',
      ]),
      field('lengthM as text', { lengthM: '400 m' }),
      field('stateReportedBy (not settable)', { stateReportedBy: 'someone else' }),
    ],
  },
  'POST /api/passages/:id/reports': {
    as: 'field',
    path: (c) => `/api/passages/${c.passageId}/reports`,
    cases: (c) => [
      {
        name: 'unknown passage id',
        path: `/api/passages/${c.unknownId}/reports`,
        payload: { state: 'open' },
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      field('state missing', { note: 'looked fine' }),
      field('blocked without clearancePersonHours', { state: 'blocked' }, ['clearancePersonHours']),
      // The reporter is whoever sends the report; it cannot be claimed for someone else.
      field('stateReportedBy (not settable)', { state: 'open', stateReportedBy: 'someone else' }),
    ],
  },
};
