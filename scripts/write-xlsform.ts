// Writes Corridor's field form for KoboToolbox and ODK Collect, docs/xlsform/corridor-field.xlsx,
// from its definition in src/submissions/form.ts (review changes there). Run: npx tsx scripts/write-xlsform.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ChoiceRow, choices, type SurveyRow, settings, survey } from '../src/submissions/form.ts';
import { writeXlsx } from '../src/submissions/xlsx.ts';

const surveyColumns: (keyof SurveyRow)[] = [
  'type',
  'name',
  'label',
  'hint',
  'required',
  'relevant',
  'constraint',
  'constraint_message',
  'default',
  'appearance',
];
const choiceColumns: (keyof ChoiceRow)[] = ['list_name', 'name', 'label'];

const out = fileURLToPath(new URL('../docs/xlsform/corridor-field.xlsx', import.meta.url));
writeFileSync(
  out,
  writeXlsx([
    {
      name: 'survey',
      rows: [surveyColumns, ...survey.map((row) => surveyColumns.map((c) => row[c] ?? ''))],
    },
    { name: 'choices', rows: [choiceColumns, ...choices.map((row) => choiceColumns.map((c) => row[c]))] },
    { name: 'settings', rows: [Object.keys(settings), Object.values(settings)] },
  ]),
);
process.stdout.write(`wrote ${out}\n`);
