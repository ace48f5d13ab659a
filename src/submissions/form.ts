import { headcountCategories } from '../domain/headcount.ts';
import { ageBands, sexes, triageCategories, vulnerabilities } from '../domain/person.ts';

// Corridor's field form for KoboToolbox and ODK Collect, as data: scripts/write-xlsform.ts writes it
// to docs/xlsform/corridor-field.xlsx (XLSForm: sheets survey, choices, settings), and the importer
// of submission exports (src/submissions/) reads the same names back. One form, three records: a
// registration, a headcount or a passage report, chosen by record_type.

export const formId = 'corridor_field';
export const formVersion = '2026113001';

/** A row of the survey sheet; columns left out are empty. */
export interface SurveyRow {
  type: string;
  name?: string;
  label?: string;
  hint?: string;
  required?: 'yes';
  relevant?: string;
  constraint?: string;
  constraint_message?: string;
  default?: string;
  appearance?: string;
}

/** XLSForm choice names cannot carry every character of our values: the form's name for each. */
export const ageBandChoice = (band: string): string => `age_${band.replace('-', '_').replace('+', '_plus')}`;

const is = (type: string) => `\${record_type} = '${type}'`;
const uuid = "regex(., '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')";

export const survey: SurveyRow[] = [
  { type: 'start', name: 'start' },
  { type: 'end', name: 'end' },
  { type: 'deviceid', name: 'deviceid' },
  {
    type: 'text',
    name: 'site_id',
    label: 'Site id (set once by the cell)',
    hint: "The site's id from Corridor; give the form a default before deploying it",
    required: 'yes',
    constraint: uuid,
    constraint_message: 'Not a Corridor site id',
  },
  {
    type: 'select_one record_type',
    name: 'record_type',
    label: 'What are you recording?',
    required: 'yes',
  },

  { type: 'begin_group', name: 'registration', label: 'Register a person', relevant: is('registration') },
  { type: 'text', name: 'family_name', label: 'Family name', required: 'yes' },
  { type: 'text', name: 'given_name', label: 'Given name', required: 'yes' },
  { type: 'text', name: 'patronymic', label: 'Patronymic' },
  { type: 'select_one sex', name: 'sex', label: 'Sex', required: 'yes' },
  {
    type: 'integer',
    name: 'birth_year',
    label: 'Year of birth, if known',
    constraint: '. >= 1880 and . <= 2100',
  },
  { type: 'select_one age_band', name: 'age_band', label: 'Age band, if the year is not known' },
  {
    type: 'text',
    name: 'shelter_code',
    label: 'Shelter code (as painted at the entrance, e.g. S1)',
  },
  { type: 'select_multiple vulnerability', name: 'vulnerabilities', label: 'Needs and vulnerabilities' },
  { type: 'select_one triage', name: 'triage', label: 'Triage category, if wounded' },
  { type: 'select_multiple language', name: 'languages', label: 'Languages spoken' },
  { type: 'text', name: 'note', label: 'Note for the cell', appearance: 'multiline' },
  { type: 'end_group' },

  { type: 'begin_group', name: 'headcount', label: 'Headcount', relevant: is('headcount') },
  { type: 'text', name: 'hc_shelter_code', label: 'Shelter code (empty: the whole site)' },
  { type: 'select_one hc_category', name: 'hc_category', label: 'Who was counted', required: 'yes' },
  { type: 'integer', name: 'hc_count', label: 'How many', required: 'yes', constraint: '. >= 0' },
  { type: 'select_one yes_no', name: 'hc_approximate', label: 'Is the count approximate?', default: 'yes' },
  { type: 'text', name: 'hc_source', label: 'Source (who gave the count)', required: 'yes' },
  { type: 'end_group' },

  { type: 'begin_group', name: 'passage', label: 'Passage report', relevant: is('passage_report') },
  { type: 'text', name: 'passage_from', label: 'From (point code)', required: 'yes' },
  { type: 'text', name: 'passage_to', label: 'To (point code)', required: 'yes' },
  { type: 'select_one passage_state', name: 'passage_state', label: 'State of the passage', required: 'yes' },
  {
    type: 'decimal',
    name: 'clearance_person_hours',
    label: 'Person-hours to clear it',
    relevant: `\${passage_state} = 'blocked'`,
    required: 'yes',
    constraint: '. > 0',
  },
  { type: 'text', name: 'passage_note', label: 'Note', appearance: 'multiline' },
  { type: 'end_group' },
];

export interface ChoiceRow {
  list_name: string;
  name: string;
  label: string;
}

const labelOf = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).replaceAll('_', ' ');

export const choices: ChoiceRow[] = [
  { list_name: 'record_type', name: 'registration', label: 'A person (registration)' },
  { list_name: 'record_type', name: 'headcount', label: 'A headcount' },
  { list_name: 'record_type', name: 'passage_report', label: "A passage's state" },
  ...sexes.map((name) => ({ list_name: 'sex', name, label: labelOf(name) })),
  ...ageBands.map((band) => ({ list_name: 'age_band', name: ageBandChoice(band), label: band })),
  ...vulnerabilities.map((name) => ({ list_name: 'vulnerability', name, label: labelOf(name) })),
  ...triageCategories.map((name) => ({ list_name: 'triage', name, label: name })),
  { list_name: 'language', name: 'uk', label: 'Ukrainian' },
  { list_name: 'language', name: 'ru', label: 'Russian' },
  { list_name: 'language', name: 'en', label: 'English' },
  { list_name: 'language', name: 'crh', label: 'Crimean Tatar' },
  ...headcountCategories.map((name) => ({ list_name: 'hc_category', name, label: labelOf(name) })),
  { list_name: 'yes_no', name: 'yes', label: 'Yes' },
  { list_name: 'yes_no', name: 'no', label: 'No' },
  ...(['open', 'blocked', 'unsafe', 'impassable'] as const).map((name) => ({
    list_name: 'passage_state',
    name,
    label: labelOf(name),
  })),
];

export const settings = {
  form_title: 'Corridor field form',
  form_id: formId,
  version: formVersion,
};
