import { CorridorError, notFound, unknownReference } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import {
  isTimeZone,
  type Passage,
  type PassageState,
  passageStateProblem,
  type Site,
  type SitePoint,
} from '../domain/site.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import * as repo from '../store/repos/sites.ts';
import { recordStampedOperation, type SyncedWrite } from './sync-clock.ts';

export interface SiteInput {
  id?: string | undefined;
  name: string;
  place?: string | null | undefined;
  timeZone: string;
}

function checkTimeZone(zone: string): void {
  if (!isTimeZone(zone))
    throw new CorridorError(
      'validation_failed',
      `timeZone: ${zone} is not an IANA time zone (e.g. Europe/Kyiv)`,
      {
        field: 'timeZone',
      },
    );
}

export async function createSite(db: Database, actor: Actor, input: SiteInput): Promise<Site> {
  checkTimeZone(input.timeZone);
  return translating(() =>
    db.transaction(async (tx) => {
      const id = input.id ?? newId();
      await repo.insertSite(tx, {
        id,
        name: input.name,
        place: input.place ?? null,
        timeZone: input.timeZone,
      });
      const site = (await repo.findSite(tx, id))!;
      await recordOperation(tx, actor, {
        entity: 'site',
        entityId: id,
        action: 'create',
        before: null,
        after: site,
      });
      return site;
    }),
  );
}

export async function updateSite(
  db: Database,
  actor: Actor,
  id: string,
  patch: Partial<SiteInput>,
): Promise<Site> {
  if (patch.timeZone !== undefined) checkTimeZone(patch.timeZone);
  return translating(() =>
    db.transaction(async (tx) => {
      const before = await repo.findSite(tx, id, true);
      if (!before) throw notFound('site', id);
      const next = { ...before, ...definedOnly(patch), id };
      await repo.updateSite(tx, next);
      const after = (await repo.findSite(tx, id))!;
      await recordOperation(tx, actor, { entity: 'site', entityId: id, action: 'update', before, after });
      return after;
    }),
  );
}

export async function requireSite(db: Queryable, id: string): Promise<Site> {
  const site = await repo.findSite(db, id);
  if (!site) throw notFound('site', id);
  return site;
}

/** A site named in a request body: its absence is a bad reference (422, naming the field), not a missing resource. */
export async function requireSiteReference(db: Queryable, id: string, field = 'siteId'): Promise<Site> {
  const site = await repo.findSite(db, id);
  if (!site) throw unknownReference(field, id);
  return site;
}

export type PointInput = Partial<Omit<SitePoint, 'siteId'>> & Pick<SitePoint, 'kind' | 'code'>;

function normalisePoint(siteId: string, input: PointInput, id: string): SitePoint {
  const point: SitePoint = {
    id,
    siteId,
    kind: input.kind,
    code: input.code,
    name: input.name ?? null,
    x: input.x ?? null,
    y: input.y ?? null,
    note: input.note ?? null,
    shelterKind: input.shelterKind ?? null,
    level: input.level ?? null,
    depthM: input.depthM ?? null,
    capacity: input.capacity ?? null,
    conditions: input.conditions ?? null,
    supervisor: input.supervisor ?? null,
  };
  if (point.kind !== 'shelter') {
    for (const field of ['shelterKind', 'capacity', 'conditions', 'supervisor'] as const)
      if (point[field] !== null)
        throw new CorridorError(
          'validation_failed',
          `${field} is given only for a shelter, not a ${point.kind}`,
          {
            field,
          },
        );
  } else if (point.shelterKind === null) {
    throw new CorridorError(
      'validation_failed',
      'shelterKind: a shelter needs its kind (bunker, basement, tunnel_section, building)',
      {
        field: 'shelterKind',
      },
    );
  }
  return point;
}

export async function createPoint(
  db: Database,
  actor: Actor,
  siteId: string,
  input: PointInput,
): Promise<SitePoint> {
  return translating(() =>
    db.transaction(async (tx) => {
      await requireSite(tx, siteId);
      const point = normalisePoint(siteId, input, input.id ?? newId());
      await refuseDuplicateCode(tx, siteId, point.code, point.id);
      await repo.insertPoint(tx, point);
      await recordOperation(tx, actor, {
        entity: 'site_point',
        entityId: point.id,
        action: 'create',
        before: null,
        after: point,
      });
      return point;
    }),
  );
}

async function refuseDuplicateCode(tx: Queryable, siteId: string, code: string, id: string): Promise<void> {
  const { rows } = await tx.query<{ id: string }>(
    'SELECT id FROM site_point WHERE site_id = $1 AND code = $2',
    [siteId, code],
  );
  if (rows[0] && rows[0].id !== id)
    throw new CorridorError('conflict', `code: another point of this site already has the code ${code}`, {
      field: 'code',
    });
}

// People, headcounts and incidents placed in a shelter need it to stay one: otherwise people would
// be registered as sheltering in an exit, and counted so.
async function refuseUnshelteringInUse(tx: Queryable, shelter: SitePoint): Promise<void> {
  const { rows } = await tx.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM person WHERE shelter_id = $1)
          + (SELECT count(*) FROM headcount WHERE shelter_id = $1)
          + (SELECT count(*) FROM incident WHERE point_id = $1 AND place_kind = 'shelter') AS n`,
    [shelter.id],
  );
  if ((rows[0]?.n ?? 0) > 0)
    throw new CorridorError(
      'conflict',
      `kind: ${shelter.code} has people, headcounts or incidents placed in it, so it stays a shelter`,
      { field: 'kind' },
    );
}

export async function updatePoint(
  db: Database,
  actor: Actor,
  id: string,
  patch: Partial<Omit<PointInput, 'id'>>,
): Promise<SitePoint> {
  return translating(() =>
    db.transaction(async (tx) => {
      const before = await repo.findPoint(tx, id, true);
      if (!before) throw notFound('point', id);
      const point = normalisePoint(before.siteId, { ...before, ...definedOnly(patch) }, id);
      if (before.kind === 'shelter' && point.kind !== 'shelter') await refuseUnshelteringInUse(tx, before);
      await refuseDuplicateCode(tx, before.siteId, point.code, id);
      await repo.updatePoint(tx, point);
      await recordOperation(tx, actor, {
        entity: 'site_point',
        entityId: id,
        action: 'update',
        before,
        after: point,
      });
      return point;
    }),
  );
}

export interface PassageInput {
  id?: string | undefined;
  from: string;
  to: string;
  lengthM: number;
  state: PassageState;
  clearancePersonHours?: number | null | undefined;
  note?: string | null | undefined;
}

/** A passage's rules; an edit (before: the passage as it stands) looks up only the ends it moves. */
async function checkPassage(tx: Queryable, passage: Passage, before?: Passage): Promise<void> {
  if (passage.from === passage.to)
    throw new CorridorError('validation_failed', 'to: a passage must join two different points', {
      field: 'to',
    });
  const problem = passageStateProblem(passage.state, passage.clearancePersonHours);
  if (problem)
    throw new CorridorError('validation_failed', `clearancePersonHours: ${problem}`, {
      field: 'clearancePersonHours',
    });
  for (const end of ['from', 'to'] as const) {
    // Points are never deleted: an end the edit keeps was checked when it was written.
    if (before && passage[end] === before[end] && passage.siteId === before.siteId) continue;
    const point = await repo.findPoint(tx, passage[end]);
    if (!point || point.siteId !== passage.siteId) throw unknownReference(end, passage[end]);
  }
}

export async function createPassage(
  db: Database,
  actor: Actor,
  siteId: string,
  input: PassageInput,
): Promise<Passage> {
  return translating(() =>
    db.transaction(async (tx) => {
      await requireSite(tx, siteId);
      const passage: Passage = {
        id: input.id ?? newId(),
        siteId,
        from: input.from,
        to: input.to,
        lengthM: input.lengthM,
        state: input.state,
        clearancePersonHours: input.clearancePersonHours ?? null,
        stateReportedAt: new Date().toISOString(),
        stateReportedBy: actor.name,
        note: input.note ?? null,
      };
      await checkPassage(tx, passage);
      await repo.insertPassage(tx, passage);
      const after = (await repo.findPassage(tx, passage.id))!;
      await recordOperation(tx, actor, {
        entity: 'passage',
        entityId: passage.id,
        action: 'create',
        before: null,
        after,
      });
      return after;
    }),
  );
}

/** Edits a passage; a change of state is stamped with who reported it and when. */
export async function updatePassage(
  db: Database,
  actor: Actor,
  id: string,
  patch: Partial<Omit<PassageInput, 'id'>>,
  action = 'update',
): Promise<Passage> {
  return translating(() => db.transaction((tx) => updatePassageIn(tx, actor, id, patch, action)));
}

/**
 * updatePassage inside a transaction the caller holds (a crew's report that clears a passage).
 * clock: a synced report's; any other change is stamped with the server's clock.
 */
export async function updatePassageIn(
  tx: Queryable,
  actor: Actor,
  id: string,
  patch: Partial<Omit<PassageInput, 'id'>>,
  action = 'update',
  { clock, locked }: SyncedWrite<Passage> = {},
): Promise<Passage> {
  const before = locked ?? (await repo.findPassage(tx, id, true));
  if (!before) throw notFound('passage', id);
  const stateChanged = patch.state !== undefined || patch.clearancePersonHours !== undefined;
  const next: Passage = { ...before, ...definedOnly(patch), id };
  // Leaving the blocked state drops the clearance estimate unless a new one is given.
  if (patch.state !== undefined && patch.state !== 'blocked' && patch.clearancePersonHours === undefined)
    next.clearancePersonHours = null;
  if (stateChanged) {
    next.stateReportedAt = new Date().toISOString();
    next.stateReportedBy = actor.name;
  }
  await checkPassage(tx, next, before);
  const after = await repo.updatePassage(tx, next);
  // The reported state and its clearance estimate merge as one field, 'state'.
  const fields = Object.keys(definedOnly(patch)).filter((f) => f !== 'state' && f !== 'clearancePersonHours');
  await recordStampedOperation(
    tx,
    actor,
    { entity: 'passage', entityId: id, action, before, after },
    stateChanged ? ['state', ...fields] : fields,
    clock,
  );
  return after;
}

export async function siteGraph(db: Queryable, siteId: string) {
  const site = await requireSite(db, siteId);
  const [points, passages] = await Promise.all([repo.listPoints(db, siteId), repo.listPassages(db, siteId)]);
  return { site, points, passages };
}

/** Drops keys whose value is undefined, so a patch changes only the fields it names. */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
