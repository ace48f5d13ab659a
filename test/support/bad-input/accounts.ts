import { passwordOf } from '../app.ts';
import { field, noCredentials, type WriteRoute } from './cases.ts';

/** Logging in and out, tokens and user accounts. */
export const accountsRoutes: Record<string, WriteRoute> = {
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
};
