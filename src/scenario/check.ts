import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { CorridorError } from '../domain/errors.ts';
import { personProblems } from '../domain/person.ts';
import { isTimeZone, passageStateProblem } from '../domain/site.ts';
import { SiteFile } from './format.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const validateShape = addFormats(new Ajv({ allErrors: true, strict: false })).compile<SiteFile>(SiteFile);

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
      let path = pointerToPath(error.instancePath);
      let reason = error.message ?? 'is invalid';
      const params = error.params as Record<string, unknown>;
      if (error.keyword === 'required') {
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
          add(`${at}.${field}`, `is given only for a shelter, not a ${point.kind}`);
    }
  });

  file.passages.forEach((passage, i) => {
    const at = `$.passages[${i}]`;
    claimId(passage.id, `${at}.id`);
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
  const people = new Set(file.people.map((p) => p.id));
  file.people.forEach((person, i) => {
    const at = `$.people[${i}]`;
    claimId(person.id, `${at}.id`);
    if (person.shelterId && !isShelter(person.shelterId))
      add(`${at}.shelterId`, `refers to ${person.shelterId}, which is not a shelter in $.points`);
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
    if (headcount.shelterId && !isShelter(headcount.shelterId))
      add(
        `$.headcounts[${i}].shelterId`,
        `refers to ${headcount.shelterId}, which is not a shelter in $.points`,
      );
  });
  return problems;
}
