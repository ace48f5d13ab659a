import { field, longText, type WriteRoute } from './cases.ts';

/** Parties, sources, pause windows, incidents and claims. */
export const pausesRoutes: Record<string, WriteRoute> = {
  'POST /api/parties': {
    as: 'coordinator',
    path: () => '/api/parties',
    cases: (c) => [
      field('name missing', { kind: 'government' }),
      field('kind unknown', { name: 'Someone', kind: 'militia' }),
      field('shortName too long', { name: 'Someone', kind: 'other', shortName: longText(41) }),
      {
        name: 'name already used',
        payload: { name: 'International Committee of the Red Cross', kind: 'humanitarian_organisation' },
        status: 409,
        code: 'conflict',
        mentions: ['name'],
      },
      {
        name: 'duplicate id',
        payload: { id: c.partyId, name: 'Someone else', kind: 'other' },
        status: 409,
        code: 'duplicate_id',
        mentions: ['id'],
      },
    ],
  },
  'POST /api/sources': {
    as: 'field',
    path: () => '/api/sources',
    cases: (c) => {
      const base = { kind: 'statement', title: 'A statement' };
      return [
        field('title missing', { kind: 'statement' }),
        field('kind unknown', { ...base, kind: 'rumour' }),
        field('url not a URL', { ...base, url: 'not a url' }),
        field('contentHash not SHA-256 hex', { ...base, contentHash: 'abc' }),
        {
          name: 'partyId names no party',
          payload: { ...base, partyId: c.unknownId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['partyId'],
        },
        {
          name: 'duplicate id',
          payload: { ...base, id: c.sourceId },
          status: 409,
          code: 'duplicate_id',
          mentions: ['id'],
        },
      ];
    },
  },
  'POST /api/pauses': {
    as: 'coordinator',
    path: () => '/api/pauses',
    cases: (c) => {
      const base = {
        siteId: c.siteId,
        name: 'Evening window',
        kind: 'corridor',
        announcedBy: c.partyId,
        announcedAt: '2022-05-05T20:00:00Z',
        announcedZone: 'Europe/Moscow',
        announcedStart: '2022-05-06T08:00',
        announcedEnd: '2022-05-06T18:00',
      };
      return [
        field('announcedEnd before announcedStart', { ...base, announcedEnd: '2022-05-06T07:00' }, [
          'announcedEnd',
        ]),
        field('announcedZone not an IANA zone', { ...base, announcedZone: 'Moscow time' }),
        field('announcedStart with a zone', { ...base, announcedStart: '2022-05-06T08:00:00Z' }),
        field('kind unknown', { ...base, kind: 'truce' }),
        {
          name: 'siteId names no site',
          payload: { ...base, siteId: c.unknownId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['siteId'],
        },
        {
          name: 'announcedBy names no party',
          payload: { ...base, announcedBy: c.unknownId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['announcedBy'],
        },
        {
          name: 'announcementSourceId names no source',
          payload: { ...base, announcementSourceId: c.unknownId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['announcementSourceId'],
        },
        {
          name: 'a shelter as a pickup point',
          payload: { ...base, scope: { pickupPointIds: [c.shelterId] } },
          status: 422,
          code: 'unknown_reference',
          mentions: ['pickupPointIds'],
        },
        {
          name: 'duplicate id',
          payload: { ...base, id: c.pauseId },
          status: 409,
          code: 'duplicate_id',
          mentions: ['id'],
        },
      ];
    },
  },
  'PATCH /api/pauses/:id': {
    as: 'coordinator',
    path: (c) => `/api/pauses/${c.pauseId}`,
    cases: (c) => [
      {
        name: 'unknown pause id',
        path: `/api/pauses/${c.unknownId}`,
        payload: { name: 'x' },
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      field('nothing to change', {}, ['body']),
      field('resumed without a suspension', { resumedAt: '2022-05-05T12:00:00Z' }, ['resumedAt']),
      field(
        'observed end before observed start',
        { effectiveStart: '2022-05-05T09:00:00Z', effectiveEnd: '2022-05-05T08:00:00Z' },
        ['effectiveEnd'],
      ),
      field('siteId (not changeable)', { siteId: c.otherSiteId }),
      {
        name: 'announcedBy names no party',
        payload: { announcedBy: c.unknownId },
        status: 422,
        code: 'unknown_reference',
        mentions: ['announcedBy'],
      },
    ],
  },
  'PUT /api/pauses/:id/acceptances/:partyId': {
    as: 'coordinator',
    path: (c) => `/api/pauses/${c.pauseId}/acceptances/${c.partyId}`,
    cases: (c) => [
      {
        name: 'unknown pause id',
        path: `/api/pauses/${c.unknownId}/acceptances/${c.partyId}`,
        payload: { answer: 'accepted' },
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      {
        name: 'unknown party id',
        path: `/api/pauses/${c.pauseId}/acceptances/${c.unknownId}`,
        payload: { answer: 'accepted' },
        status: 422,
        code: 'unknown_reference',
        mentions: ['partyId'],
      },
      field('the announcer rejecting its own window', { answer: 'rejected' }, ['answer']),
      field('answer unknown', { answer: 'maybe' }),
      {
        name: 'sourceId names no source',
        payload: { answer: 'accepted', sourceId: c.unknownId },
        status: 422,
        code: 'unknown_reference',
        mentions: ['sourceId'],
      },
    ],
  },
  'POST /api/incidents': {
    as: 'field',
    path: () => '/api/incidents',
    cases: (c) => {
      const base = {
        siteId: c.siteId,
        occurredAt: '2022-05-05T11:30:00Z',
        type: 'shelling',
        placeKind: 'site',
        summary: 'Shelling of the north gate',
      };
      return [
        field('type unknown', { ...base, type: 'skirmish' }),
        field('occurredAt not a date-time', { ...base, occurredAt: 'this morning' }),
        field('in a shelter without naming it', { ...base, placeKind: 'shelter' }, ['pointId']),
        field('in a shelter that is an exit', { ...base, placeKind: 'shelter', pointId: c.exitId }, [
          'pointId',
        ]),
        {
          name: 'siteId names no site',
          payload: { ...base, siteId: c.unknownId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['siteId'],
        },
        {
          name: 'pauseWindowId names no window',
          payload: { ...base, pauseWindowId: c.unknownId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['pauseWindowId'],
        },
        {
          name: 'duplicate id',
          payload: { ...base, id: c.incidentId },
          status: 409,
          code: 'duplicate_id',
          mentions: ['id'],
        },
      ];
    },
  },
  'POST /api/claims': {
    as: 'field',
    path: () => '/api/claims',
    cases: (c) => {
      const base = {
        siteId: c.siteId,
        subject: 'incident',
        incidentId: c.incidentId,
        sourceId: c.sourceId,
        stance: 'denies',
        words: 'There was no shelling.',
        statedAt: '2022-05-05T13:00:00Z',
      };
      return [
        field('about an incident without naming it', { ...base, incidentId: undefined }, ['incidentId']),
        field(
          'a figure on a claim about an incident',
          { ...base, figure: { metric: 'civilians', value: 10 } },
          ['figure'],
        ),
        field('stance unknown', { ...base, stance: 'claims' }),
        field('words missing', { ...base, words: undefined }),
        {
          name: 'sourceId names no source',
          payload: { ...base, sourceId: c.unknownId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['sourceId'],
        },
        {
          name: 'siteId names no site',
          payload: { ...base, siteId: c.unknownId },
          status: 422,
          code: 'unknown_reference',
          mentions: ['siteId'],
        },
        {
          name: 'duplicate id',
          payload: { ...base, id: c.claimId },
          status: 409,
          code: 'duplicate_id',
          mentions: ['id'],
        },
      ];
    },
  },
  'POST /api/claims/:id/verification': {
    as: 'coordinator',
    path: (c) => `/api/claims/${c.claimId}/verification`,
    cases: (c) => [
      {
        name: 'unknown claim id',
        path: `/api/claims/${c.unknownId}/verification`,
        payload: { status: 'verified', reason: 'seen on video' },
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      {
        name: 'the status it already has',
        payload: { status: 'unverified', reason: 'no news' },
        status: 409,
        code: 'conflict',
        mentions: ['status'],
      },
      field('reason missing', { status: 'verified' }),
      field('reason too short', { status: 'verified', reason: 'ok' }),
      field('status unknown', { status: 'true', reason: 'seen on video' }),
    ],
  },
};
