import { type ChoiceRow, choices, type SurveyRow, settings, survey } from './form.ts';
import type { Sheet } from './xlsx.ts';

// The field form's three XLSForm sheets, as scripts/write-xlsform.ts writes them and the test of the
// committed file reads them.

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

export function xlsformSheets(): Sheet[] {
  return [
    {
      name: 'survey',
      rows: [surveyColumns, ...survey.map((row) => surveyColumns.map((c) => row[c] ?? ''))],
    },
    { name: 'choices', rows: [choiceColumns, ...choices.map((row) => choiceColumns.map((c) => row[c]))] },
    { name: 'settings', rows: [Object.keys(settings), Object.values(settings)] },
  ];
}
