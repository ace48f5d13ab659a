import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { survey } from '../src/submissions/form.ts';
import { xlsformSheets } from '../src/submissions/xlsform.ts';
import { writeXlsx } from '../src/submissions/xlsx.ts';

// The XLSForm field teams load into KoboToolbox or ODK Collect is a committed file. It must be the
// form the importer reads back: written from src/submissions/form.ts, and asking for every field the
// importer maps.

const committed = unzipSync(readFileSync(new URL('../docs/xlsform/corridor-field.xlsx', import.meta.url)));
const text = (parts: Record<string, Uint8Array>, path: string): string =>
  strFromU8(parts[path] ?? new Uint8Array());

it('is a workbook with the survey, choices and settings sheets, in that order', () => {
  expect(text(committed, 'xl/workbook.xml')).toMatch(/name="survey".*name="choices".*name="settings"/);
  expect(text(committed, 'xl/worksheets/sheet1.xml')).toContain('>record_type<');
});

it('is the form defined in src/submissions/form.ts (run scripts/write-xlsform.ts after changing it)', () => {
  const fresh = unzipSync(writeXlsx(xlsformSheets()));
  expect(Object.keys(committed).sort()).toEqual(Object.keys(fresh).sort());
  for (const path of Object.keys(fresh)) expect(text(committed, path), path).toBe(text(fresh, path));
});

it('asks for every field the importer of submissions reads', () => {
  const asked = new Set(survey.map((row) => row.name));
  const importer = readFileSync(new URL('../src/submissions/map.ts', import.meta.url), 'utf8');
  const read = [...importer.matchAll(/\b(?:get|required|integer|shelter|code)\('([A-Za-z_]+)'\)/g)].map(
    (m) => m[1] ?? '',
  );
  // Fields every KoboToolbox or ODK export adds by itself, not questions of the form.
  const exportMeta = new Set(['instanceID', 'KEY', '_uuid', 'DeviceID']);
  const questions = read.filter((name) => !exportMeta.has(name));
  expect(questions.length).toBeGreaterThan(15);
  expect(questions.filter((name) => !asked.has(name))).toEqual([]);
});
