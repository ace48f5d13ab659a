import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type onRouteHookHandler } from 'fastify';
import { type AnchorWriter, startAnchorWriter } from '../services/audit-anchor-writer.ts';
import { type Chainer, startChainer } from '../services/audit-chainer.ts';
import type { Database } from '../store/database.ts';
import { installAuditReads } from './audit-reads.ts';
import { installAuth } from './auth.ts';
import { installErrorHandling } from './errors.ts';
import { registerRoutes } from './routes/index.ts';
import { validatorCompiler } from './validation.ts';
import { installWeb } from './web.ts';

export interface AppOptions {
  db: Database;
  /** pino options, or false for silence (tests); `stream` receives the JSON log lines instead of stdout. */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** Login attempts allowed per address and minute. */
  loginRateLimit?: number;
  /** Largest JSON body accepted, in bytes. */
  bodyLimit?: number;
  /** Set the Secure flag on the session cookie (behind TLS). */
  secureCookies?: boolean;
  /** Called for every route as it is registered, plugins' routes included (the authorization test lists them). */
  onRoute?: onRouteHookHandler;
  /** The built web app to serve outside /api (default web/dist). */
  webRoot?: string;
  /** How often pending audit entries are linked into the chain, in milliseconds (default 1000). */
  auditChainIntervalMs?: number;
  /** A directory to write anchors of the audit chain's head to (none by default). */
  auditAnchorDir?: string | undefined;
  /** How often an anchor is written there, in milliseconds (default one hour), and when the server stops. */
  auditAnchorIntervalMs?: number;
}

export const defaultBodyLimit = 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false || options.logger === undefined
        ? false
        : {
            ...(typeof options.logger === 'object' ? options.logger : { level: 'info' }),
            // No personal data in logs: credentials are cut and bodies are never logged.
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          },
    bodyLimit: options.bodyLimit ?? defaultBodyLimit,
    ajv: { customOptions: { strict: false } },
    genReqId: () => crypto.randomUUID(),
  });
  // Installed before any plugin so that it sees every route, including the API reference page's.
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  installErrorHandling(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Corridor API',
        version: '0.1.0',
        description:
          'Coordinating the evacuation and rescue of civilians trapped in a besieged site. Every error has the shape {"error": {"code", "message", "details"}}.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'corridor_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAuth(app, options.db);
  installAuditReads(app, options.db);
  // Reads and changes leave their audit entries pending; this links them into the chain. Until then
  // an entry is durable but not yet tamper-evident: the interval is that window.
  let chainer: Chainer | undefined;
  app.addHook('onReady', async () => {
    chainer = startChainer(options.db, options.auditChainIntervalMs ?? 1000, (error) =>
      app.log.error({ err: error.message }, 'audit chaining failed; the entries stay pending'),
    );
  });
  let anchors: AnchorWriter | undefined;
  const anchorDir = options.auditAnchorDir;
  if (anchorDir)
    app.addHook('onReady', async () => {
      anchors = startAnchorWriter(
        options.db,
        anchorDir,
        options.auditAnchorIntervalMs ?? 3_600_000,
        (error) => app.log.error({ err: error.message }, 'writing an audit anchor failed'),
      );
    });
  app.addHook('onClose', async () => {
    await chainer?.stop();
    await anchors?.stop();
  });
  await registerRoutes(app, {
    db: options.db,
    loginRateLimit: options.loginRateLimit ?? 10,
    secureCookies: options.secureCookies ?? false,
  });
  await installWeb(app, options.webRoot);
  await app.ready();
  return app;
}
