import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readPfif } from '../src/pfif/read.ts';
import { runCommandOk } from './support/cli.ts';
import { type Deployment, deploy } from './support/deployment.ts';
import { killChildren, runCli, temporaryDirectory } from './support/server-process.ts';

// `corridor pfif export` and `corridor pfif import` on the Azovstal scenario, as an operator runs them.
let deployment: Deployment;
const dir = temporaryDirectory('corridor-pfif-');

beforeAll(async () => {
  deployment = await deploy();
  await runCommandOk(['import', 'scenarios/azovstal/site.json'], deployment.storage);
}, 300_000);

afterAll(async () => {
  await killChildren();
  await deployment?.dispose();
  dir.remove();
});

it('imports another registry’s records, and exports them again', async () => {
  const file = join(dir.path, 'in.xml');
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">
  <pfif:person>
    <pfif:person_record_id>registry.example.org/p.7</pfif:person_record_id>
    <pfif:author_name>Kovalenko Iryna</pfif:author_name>
    <pfif:source_date>2022-05-01T09:00:00Z</pfif:source_date>
    <pfif:full_name>Коваленко Олексій</pfif:full_name>
    <pfif:note>
      <pfif:note_record_id>registry.example.org/n.7</pfif:note_record_id>
      <pfif:author_name>Kovalenko Iryna</pfif:author_name>
      <pfif:source_date>2022-05-01T09:00:00Z</pfif:source_date>
      <pfif:status>information_sought</pfif:status>
    </pfif:note>
  </pfif:person>
</pfif:pfif>
`,
  );
  const summary = JSON.parse(await runCommandOk(['pfif', 'import', file], deployment.storage));
  expect(summary).toEqual({
    persons: { created: 1, updated: 0, unchanged: 0, skipped: 0 },
    notes: { created: 1, unchanged: 0, skipped: 0 },
  });
  const out = join(dir.path, 'out.xml');
  await runCommandOk(
    [
      'pfif',
      'export',
      '--out',
      out,
      '--domain',
      'corridor.example.org',
      '--profile',
      'icrc-tracing',
      '--recipient',
      'ICRC Central Tracing Agency',
    ],
    deployment.storage,
  );
  const { records } = readPfif(readFileSync(out, 'utf8'));
  expect(records.map((r) => r.person.person_record_id)).toEqual(['registry.example.org/p.7']);
  expect(records[0]!.notes.map((n) => n.note_record_id)).toEqual(['registry.example.org/n.7']);
}, 300_000);

it('refuses a malformed file with the reason, writing nothing', async () => {
  const file = join(dir.path, 'broken.xml');
  writeFileSync(file, '<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:person>');
  const result = await runCli(['pfif', 'import', file], deployment.storage);
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(/not well-formed XML/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}, 120_000);
