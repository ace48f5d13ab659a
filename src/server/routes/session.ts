import Type from 'typebox';
import { closeSession, openSession, verifyLogin } from '../../services/accounts.ts';
import { currentUser, sessionCookie } from '../auth.ts';
import { ErrorResponse } from '../schemas/common.ts';
import { Login, SessionInfo } from '../schemas/misc.ts';
import type { Api, RouteContext } from './context.ts';

export function sessionRoutes(api: Api, { db, loginRateLimit, secureCookies }: RouteContext): void {
  api.post(
    '/api/session',
    {
      config: {
        permission: 'public',
        // Per address: slows password guessing without locking a real user out for long.
        rateLimit: { max: loginRateLimit, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['session'],
        summary: 'Log in; sets the session cookie',
        body: Login,
        response: { 200: SessionInfo, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const user = await verifyLogin(db, request.body.username, request.body.password);
      const { sessionId, expiresAt } = await openSession(db, user.id);
      reply.setCookie(sessionCookie, sessionId, {
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookies,
        path: '/',
        expires: expiresAt,
      });
      return { user, expiresAt: expiresAt.toISOString() };
    },
  );

  api.get(
    '/api/session',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['session'],
        summary: 'Who is logged in',
        response: { 200: SessionInfo, 401: ErrorResponse },
      },
    },
    async (request) => ({ user: currentUser(request) }),
  );

  api.delete(
    '/api/session',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['session'], summary: 'Log out', response: { 204: Type.Null(), 401: ErrorResponse } },
    },
    async (request, reply) => {
      const sessionId = request.cookies[sessionCookie];
      if (sessionId) await closeSession(db, sessionId);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}
