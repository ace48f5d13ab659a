import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/domain/ids.ts';
import type { Role } from '../src/domain/roles.ts';
import { defaultBodyLimit } from '../src/server/app.ts';
import { openTestApp, passwordOf, type TestApp } from './support/app.ts';
import { backendName, snapshot } from './support/database.ts';
import { call, type Fixtures, seedSite } from './support/fixtures.ts';
import { expectError, sessionCookieOf } from './support/http.ts';

// Every write route, fed bad input: each attempt gets a 4xx in the one error shape, naming the
// field where there is one, and leaves the database exactly as it was. The table is keyed by the
// routes the app registers; a new write route without its cases fails the first test.

interface Context extends Fixtures {
  t: TestApp;
  /** A well-formed id that names nothing. */
  unknownId: string;
  otherSiteId: string;
  otherExitId: string;
  deceasedId: string;
  /** A session that was opened and closed again. */
  closedSession: string;
}

interface Case {
  name: string;
  path?: string;
  payload?: unknown;
  /** A raw body, sent as it is (malformed JSON …). */
  raw?: string;
  contentType?: string;
  /** Replaces the credentials of the route's role. */
  headers?: Record<string, string>;
  status: number;
  code: string;
  /** Words the message must contain: the field, the id. */
  mentions?: string[];
}

interface WriteRoute {
  as: Role;
  /**
   * The import reads its body as a file, through the same checks as `corridor import FILE`: broken
   * JSON is a problem of the file at JSONPath $ (validation_failed), not malformed_json.
   */
  readsFile?: boolean;
  path: (c: Context) => string;
  cases: (c: Context) => Case[];
}

const field = (name: string, payload: unknown, mentions: string[] = [name.split(' ')[0]!]): Case => ({
  name,
  payload,
  status: 400,
  code: 'validation_failed',
  mentions,
});

const longText = (n: number) => 'x'.repeat(n);
const noCredentials: Record<string, string> = {};

const writeRoutes: Record<string, WriteRoute> = {
  'POST /api/session': {
    as: 'observer',
    path: () => '/api/session',
    cases: () => [
      field('password missing', { username: 'coordinator-user' }),
      field('username of the wrong type', { username: 42, password: 'whatever-long' }),
      field('unknown field', { username: 'coordinator-user', password: 'x', remember: true }, ['remember']),
      {
        name: 'wrong password',
        payload: { username: 'coordinator-user', password: 'not-the-password' },
        status: 401,
        code: 'invalid_credentials',
      },
      {
        name: 'unknown user',
        payload: { username: 'nobody', password: passwordOf('coordinator') },
        status: 401,
        code: 'invalid_credentials',
      },
    ],
  },
  'DELETE /api/session': {
    as: 'coordinator',
    path: () => '/api/session',
    cases: (c) => [
      {
        name: 'a forged cookie and no token',
        headers: { cookie: 'corridor_session=forged' },
        status: 401,
        code: 'unauthenticated',
      },
      {
        name: 'a session already closed',
        headers: { cookie: `corridor_session=${c.closedSession}` },
        status: 401,
        code: 'unauthenticated',
      },
      { name: 'no credentials', headers: noCredentials, status: 401, code: 'unauthenticated' },
    ],
  },
  'POST /api/tokens': {
    as: 'field',
    path: () => '/api/tokens',
    cases: (c) => [
      field('label of the wrong type', { label: 5 }),
      field('label empty', { label: '' }),
      // A token is always for oneself: naming another user is refused, not ignored.
      field('userId (unknown field)', { userId: c.t.users.admin.id }),
      field('a list instead of an object', [{ label: 'x' }], ['body']),
    ],
  },
  'POST /api/users': {
    as: 'admin',
    path: () => '/api/users',
    cases: () => [
      field('role missing', { username: 'newcomer', password: 'long-enough-password' }),
      field('role unknown', { username: 'newcomer', role: 'superuser', password: 'long-enough-password' }),
      field('password too short', { username: 'newcomer', role: 'field', password: 'short' }),
      field('username with a space', {
        username: 'new comer',
        role: 'field',
        password: 'long-enough-password',
      }),
      field('disabled (unknown field)', {
        username: 'newcomer',
        role: 'field',
        password: 'long-enough-password',
        disabled: true,
      }),
      {
        name: 'username taken',
        payload: { username: 'field-user', role: 'field', password: 'long-enough-password' },
        status: 409,
        code: 'conflict',
        mentions: ['field-user'],
      },
    ],
  },
  'PATCH /api/users/:id': {
    as: 'admin',
    path: (c) => `/api/users/${c.t.users.field.id}`,
    cases: (c) => [
      {
        name: 'unknown user id',
        path: `/api/users/${c.unknownId}`,
        payload: { role: 'observer' },
        status: 404,
        code: 'not_found',
        mentions: [c.unknownId],
      },
      {
        name: 'malformed id',
        path: '/api/users/not-a-uuid',
        payload: { role: 'observer' },
        status: 400,
        code: 'validation_failed',
        mentions: ['id'],
      },
      field('nothing to change', {}, ['body']),
      field('role unknown', { role: 'root' }),
      field('password too short', { password: 'short' }),
      {
        name: 'the last admin demoted',
        path: `/api/users/${c.t.users.admin.id}`,
        payload: { role: 'observer' },
        status: 409,
        code: 'conflict',
        mentions: ['admin'],
      },
      {
        name: 'the last admin disabled',
        path: `/api/users/${c.t.users.admin.id}`,
        payload: { disabled: true },
        status: 409,
        code: 'conflict',
        mentions: ['admin'],
      },
    ],
  },
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
  'POST /api/import': {
    as: 'coordinator',
    readsFile: true,
    path: () => '/api/import',
    cases: (c) => {
      const file = {
        format: 'corridor-site',
        formatVersion: 1,
        site: { id: newId(), name: 'Imported', timeZone: 'Europe/Kyiv' },
        points: [{ id: newId(), kind: 'exit', code: 'E1' }],
        passages: [],
        households: [],
        people: [],
        headcounts: [],
      };
      return [
        {
          name: 'not a site file',
          payload: { hello: 'world' },
          status: 400,
          code: 'validation_failed',
          mentions: ['format'],
        },
        {
          name: 'a point of another site',
          payload: { ...file, points: [{ id: c.exitId, kind: 'exit', code: 'E1' }] },
          status: 400,
          code: 'validation_failed',
          mentions: ['points'],
        },
        {
          name: 'a person in an unknown shelter',
          payload: {
            ...file,
            people: [
              { id: newId(), names: [{ family: 'A', given: 'B' }], sex: 'female', shelterId: c.unknownId },
            ],
          },
          status: 400,
          code: 'validation_failed',
          mentions: ['people'],
        },
        {
          name: 'a body that is not JSON text',
          raw: 'format=corridor-site',
          contentType: 'application/x-www-form-urlencoded',
          status: 415,
          code: 'unsupported_media_type',
        },
      ];
    },
  },
};

/** Failures every write route must meet whatever its body: they are about the request, not the fields. */
function commonCases(bodyLimit: number, readsFile: boolean): Case[] {
  const malformed = readsFile
    ? { status: 400, code: 'validation_failed', mentions: ['JSON'] }
    : { status: 400, code: 'malformed_json' };
  return [
    { name: 'malformed JSON', raw: '{"name": "Azovstal",', contentType: 'application/json', ...malformed },
    {
      name: 'an empty body said to be JSON',
      raw: '',
      contentType: 'application/json',
      ...malformed,
      mentions: [],
    },
    {
      name: 'XML',
      raw: '<site name="Azovstal"/>',
      contentType: 'application/xml',
      status: 415,
      code: 'unsupported_media_type',
    },
    {
      name: `a body over the limit (${bodyLimit} bytes)`,
      raw: JSON.stringify({ note: longText(bodyLimit) }),
      contentType: 'application/json',
      status: 413,
      code: 'payload_too_large',
    },
  ];
}

const isWrite = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

let t: TestApp;
let c: Context;

beforeAll(async () => {
  t = await openTestApp();
  const fixtures = await seedSite(t);
  const other = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    '/api/sites',
    { name: 'Illich', timeZone: 'Europe/Kyiv' },
    201,
  );
  const otherExit = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    `/api/sites/${other.id}/points`,
    { kind: 'exit', code: 'E1' },
    201,
  );
  const deceased = await call<{ id: string }>(
    t,
    'field',
    'POST',
    '/api/people',
    { siteId: fixtures.siteId, names: [{ family: 'Unknown', given: 'Unknown' }], sex: 'unknown' },
    201,
  );
  await call(t, 'field', 'POST', `/api/people/${deceased.id}/status`, { status: 'deceased' }, 200);
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username: 'reception-user', password: passwordOf('reception') },
  });
  const closedSession = sessionCookieOf(login);
  const logout = await t.app.inject({
    method: 'DELETE',
    url: '/api/session',
    headers: { cookie: `corridor_session=${closedSession}` },
  });
  expect(logout.statusCode).toBe(204);
  c = {
    ...fixtures,
    t,
    unknownId: newId(),
    otherSiteId: other.id,
    otherExitId: otherExit.id,
    deceasedId: deceased.id,
    closedSession,
  };
});
afterAll(() => t.close());

const operationCount = async () =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM operation')).rows[0]!.n;

async function attempt(key: string, route: WriteRoute, bad: Case): Promise<void> {
  const method = key.split(' ')[0] as 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  const url = bad.path ?? route.path(c);
  const headers: Record<string, string> = { ...(bad.headers ?? t.as(route.as)) };
  let body: string | undefined;
  if (bad.raw !== undefined) {
    body = bad.raw;
    headers['content-type'] = bad.contentType ?? 'application/json';
  } else if (bad.payload !== undefined) {
    body = JSON.stringify(bad.payload);
    headers['content-type'] = 'application/json';
  }
  const before = await snapshot(t.db);
  const operationsBefore = await operationCount();
  const response = await t.app.inject({
    method,
    url,
    headers,
    ...(body === undefined ? {} : { payload: body }),
  });
  const label = `${key} — ${bad.name}`;
  expect(response.statusCode, `${label}: ${response.body.slice(0, 400)}`).toBe(bad.status);
  expectError(response, bad.status, bad.code);
  const message = response.json().error.message as string;
  for (const word of bad.mentions ?? [])
    expect(message, `${label}: the message names ${word}`).toContain(word);
  expect(await operationCount(), `${label}: the operations log`).toBe(operationsBefore);
  expect(await snapshot(t.db), `${label}: the database`).toBe(before);
}

describe(`bad input changes nothing (${backendName})`, () => {
  it('has cases for every write route the app registers, and only those', () => {
    const registered = [
      ...new Set(t.routes.filter((r) => isWrite(r.method)).map((r) => `${r.method} ${r.url}`)),
    ];
    expect(registered.length).toBeGreaterThan(15);
    expect(registered.sort()).toEqual(Object.keys(writeRoutes).sort());
    for (const [key, route] of Object.entries(writeRoutes))
      expect(route.cases(c).length, `${key} has several bad inputs`).toBeGreaterThanOrEqual(3);
  });

  for (const [key, route] of Object.entries(writeRoutes)) {
    it(key, async () => {
      const [method, url] = key.split(' ') as [string, string];
      const limit = t.routes.find((r) => r.method === method && r.url === url)?.bodyLimit ?? defaultBodyLimit;
      for (const bad of [...route.cases(c), ...commonCases(limit, route.readsFile ?? false)])
        await attempt(key, route, bad);
    });
  }
});
