import type { Person } from '../domain/person.ts';
import type { Passage, Site, SitePoint } from '../domain/site.ts';
import type { Headcount } from '../store/repos/headcounts.ts';
import type { Household } from '../store/repos/households.ts';
import type { SiteFile } from './format.ts';

// One canonical form for each record of a site file: absent, null and empty-list fields are left
// out, keys in a fixed order. Export writes it; import compares with it to change only what differs.
export type FileSite = SiteFile['site'];
export type FilePoint = SiteFile['points'][number];
export type FilePassage = SiteFile['passages'][number];
export type FileHousehold = SiteFile['households'][number];
export type FilePerson = SiteFile['people'][number];
export type FileHeadcount = SiteFile['headcounts'][number];

export function compact<T extends object>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out as T;
}

export const siteRecord = (s: Pick<Site, 'id' | 'name' | 'timeZone'> & { place?: string | null }): FileSite =>
  compact({ id: s.id, name: s.name, place: s.place, timeZone: s.timeZone });

export const pointRecord = (p: Omit<SitePoint, 'siteId'> | FilePoint): FilePoint =>
  compact({
    id: p.id,
    kind: p.kind,
    code: p.code,
    name: p.name,
    x: p.x,
    y: p.y,
    note: p.note,
    shelterKind: p.shelterKind,
    level: p.level,
    depthM: p.depthM,
    capacity: p.capacity,
    conditions: p.conditions,
    supervisor: p.supervisor,
  });

export const passageRecord = (p: Omit<Passage, 'siteId'> | FilePassage): FilePassage =>
  compact({
    id: p.id,
    from: p.from,
    to: p.to,
    lengthM: p.lengthM,
    state: p.state,
    clearancePersonHours: p.clearancePersonHours,
    note: p.note,
    stateReportedAt: p.stateReportedAt ? new Date(p.stateReportedAt).toISOString() : null,
    stateReportedBy: p.stateReportedBy,
  });

export const householdRecord = (h: Pick<Household, 'id' | 'label' | 'note'> | FileHousehold): FileHousehold =>
  compact({ id: h.id, label: h.label, note: h.note });

export const personRecord = (p: Person | FilePerson): FilePerson =>
  compact({
    id: p.id,
    householdId: p.householdId,
    shelterId: p.shelterId,
    names: p.names.map((n) =>
      compact({ script: n.script, family: n.family, given: n.given, patronymic: n.patronymic }),
    ),
    sex: p.sex,
    birthDate: p.birthDate,
    birthYear: p.birthYear,
    ageBand: p.ageBand,
    vulnerabilities: p.vulnerabilities,
    triage: p.triage,
    languages: p.languages,
    note: p.note,
    guardians: [...(p.guardians ?? [])]
      .sort((a, b) => (a.personId < b.personId ? -1 : 1))
      .map((g) => compact({ personId: g.personId, relation: g.relation })),
    status: p.status ?? 'sheltering',
  });

export const headcountRecord = (h: Omit<Headcount, 'siteId'> | FileHeadcount): FileHeadcount =>
  compact({
    id: h.id,
    shelterId: h.shelterId,
    category: h.category,
    count: h.count,
    approximate: h.approximate ?? true,
    source: h.source,
    reportedBy: h.reportedBy,
    reportedAt: new Date(h.reportedAt).toISOString(),
    note: h.note,
  });
