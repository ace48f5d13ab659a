import { CorridorError } from '../domain/errors.ts';

// Submission exports of the field form (src/submissions/form.ts), in the shapes the tools write:
//
// - KoboToolbox CSV ("XML values and headers", group names included, separator ';' or ','): a
//   column per question as group/name (registration/family_name), select_multiple answers space
//   separated (plus a 0/1 column per choice, ignored), and the metadata start, end, deviceid,
//   meta/instanceID, _id, _uuid, _submission_time, _submitted_by, __version__ …
// - KoboToolbox JSON (the API's data.json): { "count", "results": [ { "registration/family_name":
//   …, "_uuid": …, "_submission_time": … } ] }, or the bare array of results.
// - ODK Central CSV (the form's .csv of the submissions download): SubmissionDate first, columns
//   as group-name (registration-family_name, meta-instanceID), then KEY, SubmitterID,
//   SubmitterName, AttachmentsPresent, AttachmentsExpected, Status, ReviewState, DeviceID, Edits,
//   FormVersion.
//
// Each becomes a list of submissions: the question's own name to its answer, with the row (CSV: its
// line as a spreadsheet numbers it, the header being 1; JSON: its place in the list, from 1).

export type ExportShape = 'kobo-csv' | 'kobo-json' | 'odk-central-csv';

export interface Submission {
  row: number;
  answers: Map<string, string>;
}

/** RFC 4180 CSV: quoted fields may hold the separator, doubled quotes and line breaks. */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new CorridorError('validation_failed', 'the CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The question a column holds: group/name or group-name to name. A KoboToolbox 0/1 column of one
 * choice of a select_multiple (group/question/choice) holds nothing the answer does not: undefined.
 */
function questionOf(header: string, groupSeparator: '/' | '-'): string | undefined {
  const parts = header.split(groupSeparator);
  if (parts.length > 2) return undefined;
  return parts.at(-1);
}

const answerText = (value: unknown): string =>
  value === null || value === undefined ? '' : Array.isArray(value) ? value.join(' ') : String(value);

export function readSubmissions(text: string): { shape: ExportShape; submissions: Submission[] } {
  const body = text.replace(/^\uFEFF/, '');
  const first = body.trimStart()[0];
  if (first === '{' || first === '[') return { shape: 'kobo-json', submissions: readKoboJson(body) };
  const headerLine = body.slice(0, body.search(/\r?\n|$/));
  const separator = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const [header, ...rows] = parseCsv(body, separator);
  if (!header) throw new CorridorError('validation_failed', 'the file is empty');
  const columns = header.map((h) => h.trim());
  const odk = columns.includes('KEY') && columns.includes('SubmissionDate');
  const kobo = columns.includes('_uuid') || columns.includes('_submission_time');
  if (!odk && !kobo)
    throw new CorridorError(
      'validation_failed',
      'not a submission export: a KoboToolbox CSV has _uuid and _submission_time columns, an ODK Central CSV has SubmissionDate and KEY',
    );
  const names = columns.map((c) => questionOf(c, odk ? '-' : '/'));
  const submissions: Submission[] = [];
  rows.forEach((cells, i) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    const answers = new Map<string, string>();
    names.forEach((name, c) => {
      if (name !== undefined && !answers.get(name)) answers.set(name, (cells[c] ?? '').trim());
    });
    submissions.push({ row: i + 2, answers });
  });
  return { shape: odk ? 'odk-central-csv' : 'kobo-csv', submissions };
}

function readKoboJson(text: string): Submission[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CorridorError('validation_failed', `not JSON: ${(error as Error).message}`);
  }
  const results = Array.isArray(parsed) ? parsed : (parsed as { results?: unknown } | null)?.results;
  if (!Array.isArray(results))
    throw new CorridorError(
      'validation_failed',
      'a KoboToolbox JSON export is { "results": [ … ] } or the array of submissions',
    );
  return results.map((result, i) => {
    const answers = new Map<string, string>();
    if (result && typeof result === 'object')
      for (const [key, value] of Object.entries(result)) {
        const name = questionOf(key, '/');
        if (name !== undefined && !answers.get(name)) answers.set(name, answerText(value).trim());
      }
    return { row: i + 1, answers };
  });
}
