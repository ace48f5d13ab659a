import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** Asserts the one error shape: {"error": {"code", "message", "details"?}} and nothing else. */
export function expectError(response: LightMyRequestResponse, status: number, code?: string): void {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = response.json() as { error?: { code?: unknown; message?: unknown } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error?.code).toBe('string');
  expect(body.error?.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  expect(typeof body.error?.message).toBe('string');
  expect(String(body.error?.message).length).toBeGreaterThan(0);
  if (code) expect(body.error?.code, response.body).toBe(code);
}

/** The value of the session cookie a login response sets. */
export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'corridor_session');
  expect(cookie, 'the login sets corridor_session').toBeDefined();
  return cookie!.value;
}
