import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CorridorError } from '../domain/errors.ts';
import { hasPermission, type Permission, permissions } from '../domain/roles.ts';
import { hashSecret, userForSession } from '../services/accounts.ts';
import type { Database } from '../store/database.ts';
import type { Actor } from '../store/repos/operations.ts';
import { type User, userForCredential } from '../store/repos/users.ts';
import { TokenCache } from './token-cache.ts';

export const sessionCookie = 'corridor_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares the permission it needs; the server refuses to start otherwise. */
    permission?: Permission;
  }
  interface FastifyRequest {
    user: User | null;
  }
}

export const actorOf = (request: FastifyRequest): Actor => {
  if (!request.user) throw new CorridorError('unauthenticated', 'log in first');
  return { userId: request.user.id, name: request.user.username };
};

export const currentUser = (request: FastifyRequest): User => {
  if (!request.user) throw new CorridorError('unauthenticated', 'log in first');
  return request.user;
};

// Routes added by plugins we use (the API reference page) are public documentation.
const publicPrefixes = ['/api/docs'];

// Routes whose changes can take rights away from an API token: after one of them, this instance
// forgets every token it had verified.
const credentialPrefixes = ['/api/users', '/api/tokens', '/api/session'];
const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installAuth(app: FastifyInstance, db: Database, tokens = new TokenCache()): void {
  app.decorateRequest('user', null);

  app.addHook('onRoute', (route) => {
    const declared = route.config?.permission;
    if (declared === undefined && publicPrefixes.some((prefix) => route.url.startsWith(prefix))) {
      route.config = { ...route.config, permission: 'public' };
      return;
    }
    if (declared === undefined || !(permissions as readonly string[]).includes(declared))
      throw new Error(`route ${route.method} ${route.url} does not declare a permission`);
  });

  // onRequest runs before the body is read: a request without the right gets 401/403 whatever it sends.
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config.permission ?? 'public';
    request.user = (await credentialUser(db, tokens, request)) ?? null;
    if (permission === 'public') return;
    if (!request.user)
      throw new CorridorError('unauthenticated', 'log in first (POST /api/session) or send a Bearer token');
    if (!hasPermission(request.user.role, permission))
      throw new CorridorError(
        'forbidden',
        `the ${request.user.role} role may not do this (needs ${permission})`,
        {
          permission,
        },
      );
  });

  // onSend runs after the handler's transaction has committed and before the client hears back, so
  // a client that has been told "disabled" never sees the old rights from this instance again.
  app.addHook('onSend', async (request) => {
    if (
      !readMethods.has(request.method) &&
      (request.routeOptions.config.permission === 'users:manage' ||
        credentialPrefixes.some((prefix) => request.url.startsWith(prefix)))
    )
      tokens.clear();
  });
}

async function credentialUser(
  db: Database,
  tokens: TokenCache,
  request: FastifyRequest,
): Promise<User | undefined> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const tokenHash = hashSecret(authorization.slice(7).trim());
    const cached = tokens.get(tokenHash);
    if (cached) return cached;
    const mark = tokens.mark();
    const user = await userForCredential(db, 'token', tokenHash);
    if (user) tokens.set(tokenHash, user, mark);
    return user;
  }
  const sessionId = request.cookies[sessionCookie];
  return sessionId ? userForSession(db, sessionId) : undefined;
}
