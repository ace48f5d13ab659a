import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { buildApp } from './app.ts';

// A built app of our own making, so the test does not depend on `vite build` having run.
let base: string;
let dist: string;
let test: TestDatabase;
let app: FastifyInstance;
let bare: FastifyInstance;

beforeAll(async () => {
  // The built app sits in base/dist; base/secret.txt is beside it, outside what may be served.
  base = mkdtempSync(join(tmpdir(), 'corridor-web-'));
  dist = join(base, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Corridor app</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("app");');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  writeFileSync(join(base, 'secret.txt'), 'outside the app');
  test = await openTestDatabase();
  app = await buildApp({ db: test.db, webRoot: dist });
  bare = await buildApp({ db: test.db, webRoot: join(dist, 'missing') });
});
afterAll(async () => {
  await app.close();
  await bare.close();
  await test.close();
  rmSync(base, { recursive: true, force: true });
});

describe('the web app, served at /', () => {
  it('answers / and any screen path with index.html, so reloads and links land on the app', async () => {
    for (const url of ['/', '/registry', '/people/0190a1b2-0000-7000-8000-000000000000', '/site?passage=x']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.body).toContain('Corridor app');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves built files, the hashed ones cached for good', async () => {
    const script = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(script.statusCode).toBe(200);
    expect(script.body).toContain('console.log');
    expect(script.headers['cache-control']).toContain('immutable');
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toMatch(/svg/);
  });

  it('never serves a file from outside the built app', async () => {
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.body, url).not.toContain('outside the app');
    }
  });

  it('keeps the API answering unknown paths with the API error shape, not the app', async () => {
    for (const url of ['/api/nothing-here', '/api']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json().status).toBe('ok');
  });

  it('starts without a built app, and / says how to build it', async () => {
    const response = await bare.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('npm run build:web');
    expect((await bare.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
