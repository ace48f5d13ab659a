import type { Role } from '../../../src/domain/roles.ts';
import type { TestApp } from '../app.ts';
import type { ConvoyFixtures } from '../convoy-fixtures.ts';
import type { Fixtures } from '../fixtures.ts';
import type { LogisticsFixtures } from '../logistics-fixtures.ts';
import type { MergeFixtures } from '../merge-fixtures.ts';
import type { ReceptionFixtures } from '../reception-fixtures.ts';
import type { RescueFixtures } from '../rescue-fixtures.ts';
import type { TracingFixtures } from '../tracing-fixtures.ts';

// The shape of the bad-input tables (one file per area of the API) that test/bad-input.test.ts runs.

export interface Context extends Fixtures {
  t: TestApp;
  /** A well-formed id that names nothing. */
  unknownId: string;
  otherSiteId: string;
  otherExitId: string;
  deceasedId: string;
  /** A session that was opened and closed again. */
  closedSession: string;
  /** The fleet, the road out and plans of the fixtures' site. */
  logistics: LogisticsFixtures;
  /** A crew of the fixtures' site and rescue plans in each state. */
  rescue: RescueFixtures;
  /** The accepted plan of the fixtures' site and its convoy, planned, with a household of three. */
  convoy: ConvoyFixtures;
  /** People checked in at the fixtures' reception point, and the alerts that raised. */
  reception: ReceptionFixtures;
  /** A request and the man it found, an unaccompanied boy's case and a verified aunt. */
  tracing: TracingFixtures;
  /** One man registered twice, merged. */
  merge: MergeFixtures;
}

export interface Case {
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

export interface WriteRoute {
  as: Role;
  /**
   * The import reads its body as a file, through the same checks as `corridor import FILE`: broken
   * JSON is a problem of the file at JSONPath $ (validation_failed), not malformed_json.
   */
  readsFile?: boolean;
  /** The route reads an XML document (PFIF): its common failures are xmlCommonCases'. */
  readsXml?: boolean;
  path: (c: Context) => string;
  cases: (c: Context) => Case[];
}

export const field = (name: string, payload: unknown, mentions: string[] = [name.split(' ')[0]!]): Case => ({
  name,
  payload,
  status: 400,
  code: 'validation_failed',
  mentions,
});

export const longText = (n: number) => 'x'.repeat(n);
export const noCredentials: Record<string, string> = {};

/** Failures every write route must meet whatever its body: they are about the request, not the fields. */
export function commonCases(bodyLimit: number, readsFile: boolean): Case[] {
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
