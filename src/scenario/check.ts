import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { CorridorError } from '../domain/errors.ts';
import { personProblems } from '../domain/person.ts';
import { isTimeZone, passageStateProblem } from '../domain/site.ts';
import { eventProblems } from './events/check.ts';
import { SiteFile } from './format.ts';
import { logisticsProblems } from './logistics/check.ts';
import { rescueProblems } from './rescue/check.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
// verbose: errors carry the offending value, so a reason can say what was found.
const validateShape = addFormats(
  new Ajv({ allErrors: true, strict: false, verbose: true }),
).compile<SiteFile>(SiteFile);

// What a format error means, in words a person editing the file can act on.
const formatReasons: Record<string, string> = {
  date: 'must be a calendar date written YYYY-MM-DD',
  'date-time': 'must be a date and time with its offset, e.g. 2022-05-06T10:00:00Z',
  uuid: 'must be a UUID',
};

/** A short description of a value found in the file, for a reason ("not the string \"300\""). */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  return `${typeof value} ${String(value)}`;
}

export interface FileProblem {
  /** JSONPath of the offending value, e.g. $.people[3].shelterId */
  path: string;
  reason: string;
}

const maxProblems = 200;

/** JSON Pointer (/people/3/sex) to JSONPath ($.people[3].sex). */
export function pointerToPath(pointer: string): string {
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((part) =>
        /^\d+$/.test(part)
          ? `[${part}]`
          : /^[A-Za-z_][A-Za-z0-9_]*$/.test(part)
            ? `.${part}`
            : `[${JSON.stringify(part)}]`,
      )
      .join('')
  );
}

/**
 * Checks a parsed site file completely: its shape against the JSON Schema, then every rule the
 * schema cannot say (references, duplicates, time zone, lifecycle fields). Throws one error that
 * lists every problem found, each with its JSONPath.
 */
export function checkSiteFile(data: unknown): SiteFile {
  if (!validateShape(data)) {
    const problems: FileProblem[] = [];
    for (const error of validateShape.errors ?? []) {
      const params = error.params as Record<string, unknown>;
      // A nullable field fails every branch of its anyOf; the non-null branch says what is wrong,
      // so "must be null" and "must match a schema in anyOf" are noise.
      if (error.keyword === 'anyOf') continue;
      if (error.keyword === 'type' && params.type === 'null' && error.schemaPath.includes('/anyOf/'))
        continue;
      let path = pointerToPath(error.instancePath);
      let reason = error.message ?? 'is invalid';
      if (error.keyword === 'type') {
        reason = `must be ${String(params.type)}, not ${describeValue(error.data)}`;
      } else if (error.keyword === 'format') {
        reason = `${formatReasons[String(params.format)] ?? reason}, not ${describeValue(error.data)}`;
      } else if (error.keyword === 'required') {
        path = pointerToPath(`${error.instancePath}/${String(params.missingProperty)}`);
        reason = 'is required';
      } else if (error.keyword === 'additionalProperties') {
        path = pointerToPath(`${error.instancePath}/${String(params.additionalProperty)}`);
        reason = 'is not a field of this record';
      } else if (error.keyword === 'enum') {
        reason = `must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
      } else if (error.keyword === 'const') {
        reason = `must be ${JSON.stringify(params.allowedValue)}`;
      }
      if (!problems.some((p) => p.path === path && p.reason === reason)) problems.push({ path, reason });
      if (problems.length >= maxProblems) break;
    }
    throw fileError(problems);
  }
  const problems = referenceProblems(data);
  if (problems.length > 0) throw fileError(problems);
  return data;
}

export function fileError(problems: FileProblem[]): CorridorError {
  const shown = problems.slice(0, 5).map((p) => `${p.path}: ${p.reason}`);
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
  return new CorridorError('validation_failed', `the site file is not valid: ${shown.join('; ')}${more}`, {
    problems: problems.slice(0, maxProblems),
  });
}

function referenceProblems(file: SiteFile): FileProblem[] {
  const problems: FileProblem[] = [];
  const add = (path: string, reason: string) => {
    if (problems.length < maxProblems) problems.push({ path, reason });
  };
  if (!isTimeZone(file.site.timeZone))
    add('$.site.timeZone', `${file.site.timeZone} is not an IANA time zone`);

  const ids = new Map<string, string>([[file.site.id, '$.site.id']]);
  const claimId = (id: string, path: string) => {
    const first = ids.get(id);
    if (first) add(path, `duplicate id ${id}, first used at ${first}`);
    else ids.set(id, path);
  };

  const points = new Map<string, (typeof file.points)[number]>();
  const codes = new Map<string, string>();
  file.points.forEach((point, i) => {
    const at = `$.points[${i}]`;
    claimId(point.id, `${at}.id`);
    points.set(point.id, point);
    const firstCode = codes.get(point.code);
    if (firstCode) add(`${at}.code`, `duplicate code ${point.code}, first used at ${firstCode}`);
    else codes.set(point.code, `${at}.code`);
    if (point.kind === 'shelter') {
      if (!point.shelterKind)
        add(`${at}.shelterKind`, 'a shelter needs its kind (bunker, basement, tunnel_section, building)');
    } else {
      for (const field of ['shelterKind', 'capacity', 'conditions', 'supervisor'] as const)
        if (point[field] !== undefined && point[field] !== null)
          add(`${at}.${field}`, `is given only for a shelter, not for this ${point.kind.replace('_', ' ')}`);
    }
  });

  // The schema accepts every RFC 3339 time, leap seconds included, but a time is stored as a
  // JavaScript Date, which has no 23:59:60.
  const checkTime = (value: string | null | undefined, path: string) => {
    if (value && Number.isNaN(Date.parse(value)))
      add(path, `${value} is not a time Corridor can store (a leap second? write :59 instead)`);
  };

  file.passages.forEach((passage, i) => {
    const at = `$.passages[${i}]`;
    claimId(passage.id, `${at}.id`);
    checkTime(passage.stateReportedAt, `${at}.stateReportedAt`);
    for (const end of ['from', 'to'] as const)
      if (!points.has(passage[end]))
        add(`${at}.${end}`, `refers to point ${passage[end]}, which is not in $.points`);
    if (passage.from === passage.to) add(`${at}.to`, 'a passage must join two different points');
    const problem = passageStateProblem(passage.state, passage.clearancePersonHours ?? null);
    if (problem) add(`${at}.clearancePersonHours`, problem);
  });

  const households = new Set<string>();
  file.households.forEach((household, i) => {
    claimId(household.id, `$.households[${i}].id`);
    households.add(household.id);
  });

  const isShelter = (id: string) => points.get(id)?.kind === 'shelter';
  // Pointing at an exit is a different mistake from pointing at nothing; say which it is.
  const notAShelter = (id: string) => {
    const point = points.get(id);
    return point
      ? `refers to ${point.kind} ${point.code} (${id}), which is not a shelter`
      : `refers to ${id}, which is not in $.points`;
  };
  const people = new Set(file.people.map((p) => p.id));
  file.people.forEach((person, i) => {
    const at = `$.people[${i}]`;
    claimId(person.id, `${at}.id`);
    if (person.shelterId && !isShelter(person.shelterId))
      add(`${at}.shelterId`, notAShelter(person.shelterId));
    if (person.householdId && !households.has(person.householdId))
      add(`${at}.householdId`, `refers to ${person.householdId}, which is not in $.households`);
    (person.guardians ?? []).forEach((guardian, g) => {
      if (!people.has(guardian.personId))
        add(`${at}.guardians[${g}].personId`, `refers to ${guardian.personId}, which is not in $.people`);
      if (guardian.personId === person.id)
        add(`${at}.guardians[${g}].personId`, 'a person cannot be their own guardian');
    });
    const guardianIds = (person.guardians ?? []).map((g) => g.personId);
    if (new Set(guardianIds).size !== guardianIds.length)
      add(`${at}.guardians`, 'a guardian is listed twice');
    for (const [field, reason] of personProblems({
      vulnerabilities: person.vulnerabilities ?? [],
      triage: person.triage ?? null,
      birthDate: person.birthDate ?? null,
      birthYear: person.birthYear ?? null,
    }))
      add(`${at}.${field}`, reason);
  });

  file.headcounts.forEach((headcount, i) => {
    claimId(headcount.id, `$.headcounts[${i}].id`);
    checkTime(headcount.reportedAt, `$.headcounts[${i}].reportedAt`);
    if (headcount.shelterId && !isShelter(headcount.shelterId))
      add(`$.headcounts[${i}].shelterId`, notAShelter(headcount.shelterId));
  });
  const context = { add, claimId, checkTime, pointKind: (id: string) => points.get(id)?.kind };
  eventProblems(file, context);
  logisticsProblems(file, context);
  rescueProblems(file, context);
  return problems;
}
