import { SiteFile } from './format.ts';

// The site file's JSON Schema as Corridor publishes it: served at GET /api/schemas/site-file.json
// and committed as docs/site-file.schema.json (scripts/write-schemas.ts), so that people preparing
// files with other tools can validate them before importing. TypeBox schemas are plain JSON
// Schema; a JSON round trip drops TypeBox's non-enumerable markers. Ajv, which checks files on
// import, speaks draft-07 by default, so that is the dialect declared.
export const siteFileSchema: Readonly<Record<string, unknown>> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  ...(JSON.parse(JSON.stringify(SiteFile)) as Record<string, unknown>),
};
