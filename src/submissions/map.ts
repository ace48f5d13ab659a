import { createHash } from 'node:crypto';
import { ageBands, vulnerabilities } from '../domain/person.ts';
import type { Passage, SitePoint } from '../domain/site.ts';
import { ageBandChoice } from './form.ts';
import type { Submission } from './read.ts';

// One submission of the field form as the synced operation a device would have made for it.

export interface SiteRefs {
  siteId: string;
  points: SitePoint[];
  passages: Passage[];
}

/** A synced operation's own fields, before its device, sequence and clock are given. */
export interface MappedOp {
  opId: string;
  entity: 'person' | 'headcount' | 'passage';
  entityId: string;
  kind: 'person.register' | 'headcount.report' | 'passage.report';
  payload: Record<string, unknown>;
  /** The form's device (deviceid, or the tool's DeviceID); empty when the export has none. */
  device: string;
  /** When the record was made: the form's end, else its start, else when it was submitted (ms). */
  madeAt: number;
}

export class RowError extends Error {
  constructor(
    readonly row: number,
    readonly field: string,
    reason: string,
  ) {
    super(`row ${row}, ${field}: ${reason}`);
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID made from a text, for ids the export does not give as UUIDs (stable: same text, same id). */
export function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  // Version 8 (custom) and the RFC 4122 variant.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((Number.parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function mapSubmission(s: Submission, refs: SiteRefs): MappedOp {
  const get = (name: string) => s.answers.get(name) ?? '';
  const fail = (field: string, reason: string): never => {
    throw new RowError(s.row, field, reason);
  };
  const required = (name: string) => get(name) || fail(name, 'is required');

  // The submission's identity: its instanceID (uuid:…), which both tools keep through every export.
  const instance = (get('instanceID') || get('KEY') || get('_uuid')).replace(/^uuid:/, '');
  if (!instance) fail('meta/instanceID', 'is required: it is what makes importing the file twice harmless');
  const opId = uuidPattern.test(instance) ? instance.toLowerCase() : uuidFrom(`instance:${instance}`);

  const times = ['end', 'start', '_submission_time', 'SubmissionDate'];
  const timeField = times.find((name) => get(name) !== '');
  if (!timeField)
    fail('end', 'the export has no time for the submission (end, start or its submission time)');
  const madeAt = Date.parse(get(timeField!));
  if (Number.isNaN(madeAt)) fail(timeField!, `not a date and time: ${get(timeField!)}`);

  const siteId = required('site_id');
  if (siteId.toLowerCase() !== refs.siteId) fail('site_id', `is ${siteId}, not the site being imported into`);
  const shelter = (field: string): string | null => {
    const code = get(field);
    if (!code) return null;
    const point = refs.points.find(
      (p) => p.code.toLowerCase() === code.toLowerCase() && p.kind === 'shelter',
    );
    return point ? point.id : fail(field, `no shelter with code ${code} at this site`);
  };
  const integer = (field: string): number | undefined => {
    const text = get(field);
    if (!text) return undefined;
    const value = Number(text);
    return Number.isInteger(value) ? value : fail(field, `not a whole number: ${text}`);
  };
  const device = get('deviceid') || get('DeviceID');
  const base = { opId, device, madeAt };

  const type = required('record_type');
  if (type === 'registration') {
    const bandChoice = get('age_band');
    const ageBand = bandChoice ? ageBands.find((b) => ageBandChoice(b) === bandChoice) : undefined;
    if (bandChoice && !ageBand) fail('age_band', `not a choice of the form: ${bandChoice}`);
    const listed = get('vulnerabilities').split(/\s+/).filter(Boolean);
    const unknown = listed.find((v) => !(vulnerabilities as readonly string[]).includes(v));
    if (unknown) fail('vulnerabilities', `not a choice of the form: ${unknown}`);
    const patronymic = get('patronymic');
    const payload: Record<string, unknown> = {
      siteId: refs.siteId,
      names: [
        {
          family: required('family_name'),
          given: required('given_name'),
          ...(patronymic ? { patronymic } : {}),
        },
      ],
      sex: required('sex'),
      shelterId: shelter('shelter_code'),
      vulnerabilities: listed,
      languages: get('languages').split(/\s+/).filter(Boolean),
    };
    const birthYear = integer('birth_year');
    if (birthYear !== undefined) payload.birthYear = birthYear;
    if (ageBand) payload.ageBand = ageBand;
    if (get('triage')) payload.triage = get('triage');
    if (get('note')) payload.note = get('note');
    return {
      ...base,
      entity: 'person',
      entityId: uuidFrom(`person:${opId}`),
      kind: 'person.register',
      payload,
    };
  }
  if (type === 'headcount') {
    const approximate = get('hc_approximate') || 'yes';
    if (approximate !== 'yes' && approximate !== 'no') fail('hc_approximate', 'must be yes or no');
    return {
      ...base,
      entity: 'headcount',
      entityId: uuidFrom(`headcount:${opId}`),
      kind: 'headcount.report',
      payload: {
        siteId: refs.siteId,
        shelterId: shelter('hc_shelter_code'),
        category: required('hc_category'),
        count: integer('hc_count') ?? fail('hc_count', 'is required'),
        approximate: approximate === 'yes',
        source: required('hc_source'),
        reportedAt: new Date(madeAt).toISOString(),
      },
    };
  }
  if (type === 'passage_report') {
    const code = (field: string) => {
      const value = required(field);
      return (
        refs.points.find((p) => p.code.toLowerCase() === value.toLowerCase()) ??
        fail(field, `no point with code ${value} at this site`)
      );
    };
    const from = code('passage_from');
    const to = code('passage_to');
    const passage = refs.passages.find(
      (p) => (p.from === from.id && p.to === to.id) || (p.from === to.id && p.to === from.id),
    );
    if (!passage) fail('passage_to', `no passage between ${from.code} and ${to.code}`);
    const state = required('passage_state');
    const payload: Record<string, unknown> = { state };
    if (get('clearance_person_hours')) {
      const hours = Number(get('clearance_person_hours'));
      if (!(hours > 0)) fail('clearance_person_hours', 'must be a number of hours above 0');
      payload.clearancePersonHours = hours;
    }
    if (get('passage_note')) payload.note = get('passage_note');
    return { ...base, entity: 'passage', entityId: passage!.id, kind: 'passage.report', payload };
  }
  return fail('record_type', `must be registration, headcount or passage_report, not ${type}`);
}
