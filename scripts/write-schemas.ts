// Writes the published JSON Schemas into docs/. Run after changing a format:
//   npx tsx scripts/write-schemas.ts
// test/interchange.test.ts fails while the committed files differ from what the code publishes.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteFileSchema } from '../src/scenario/published-schema.ts';
import { bundleFileSchema } from '../src/server/schemas/bundles.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = {
  'docs/site-file.schema.json': siteFileSchema,
  'docs/bundle-file.schema.json': bundleFileSchema,
};

for (const [path, schema] of Object.entries(files))
  writeFileSync(join(root, path), `${JSON.stringify(schema, null, 2)}\n`);

// In the project's own layout, so that `npm run lint` accepts the files as written.
const formatted = spawnSync('npx', ['biome', 'format', '--write', ...Object.keys(files)], {
  cwd: root,
  stdio: 'inherit',
});
if (formatted.status !== 0) process.exit(formatted.status ?? 1);
