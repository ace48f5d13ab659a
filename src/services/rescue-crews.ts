// Hand crews: created, edited, marked lost. A crew is never deleted (plans and progress reports
// name it); one that can no longer work is marked lost and planned without.
import { CorridorError, notFound, unknownReference } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { Crew, CrewStatus } from '../domain/rescue.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import * as repo from '../store/repos/rescue.ts';
import { findPoint } from '../store/repos/sites.ts';
import { definedOnly, requireSite } from './sites.ts';

export interface CrewInput {
  id?: string | undefined;
  name: string;
  size: number;
  positionId: string;
  hoursPerShift: number;
  restHours: number;
  shiftStartedAt?: string | null | undefined;
  status?: CrewStatus | undefined;
  note?: string | null | undefined;
}

export async function requireCrew(db: Queryable, id: string, forUpdate = false): Promise<Crew> {
  const crew = await repo.findCrew(db, id, forUpdate);
  if (!crew) throw notFound('crew', id);
  return crew;
}

async function checkCrew(tx: Queryable, crew: repo.CrewFields): Promise<void> {
  const point = await findPoint(tx, crew.positionId);
  if (!point || point.siteId !== crew.siteId) throw unknownReference('positionId', crew.positionId);
  const holder = await repo.crewWithName(tx, crew.siteId, crew.name);
  if (holder && holder !== crew.id)
    throw new CorridorError('conflict', `name: another crew of this site is already called ${crew.name}`, {
      field: 'name',
    });
}

const instant = (value: string | null | undefined): string | null =>
  value ? new Date(value).toISOString() : null;

export function createCrew(db: Database, actor: Actor, siteId: string, input: CrewInput): Promise<Crew> {
  return translating(() =>
    db.transaction(async (tx) => {
      await requireSite(tx, siteId);
      const fields: repo.CrewFields = {
        id: input.id ?? newId(),
        siteId,
        name: input.name,
        size: input.size,
        positionId: input.positionId,
        hoursPerShift: input.hoursPerShift,
        restHours: input.restHours,
        shiftStartedAt: instant(input.shiftStartedAt),
        status: input.status ?? 'active',
        note: input.note ?? null,
      };
      await checkCrew(tx, fields);
      await repo.insertCrew(tx, fields);
      const crew = (await repo.findCrew(tx, fields.id))!;
      await recordOperation(tx, actor, {
        entity: 'crew',
        entityId: crew.id,
        action: 'create',
        before: null,
        after: crew,
      });
      return crew;
    }),
  );
}

export function updateCrew(
  db: Database,
  actor: Actor,
  id: string,
  patch: Partial<Omit<CrewInput, 'id'>>,
): Promise<Crew> {
  return translating(() =>
    db.transaction(async (tx) => {
      const before = await requireCrew(tx, id, true);
      const merged = { ...before, ...definedOnly(patch) };
      const fields: repo.CrewFields = {
        id,
        siteId: before.siteId,
        name: merged.name,
        size: merged.size,
        positionId: merged.positionId,
        hoursPerShift: merged.hoursPerShift,
        restHours: merged.restHours,
        shiftStartedAt: instant(merged.shiftStartedAt),
        status: merged.status,
        note: merged.note ?? null,
      };
      await checkCrew(tx, fields);
      await repo.updateCrew(tx, fields);
      const after = (await repo.findCrew(tx, id))!;
      await recordOperation(tx, actor, { entity: 'crew', entityId: id, action: 'update', before, after });
      return after;
    }),
  );
}

/** Moves a crew to a point of its site within the caller's transaction (a progress report says where it is). */
export async function moveCrewIn(tx: Queryable, actor: Actor, crew: Crew, pointId: string): Promise<void> {
  if (crew.positionId === pointId) return;
  await repo.updateCrew(tx, { ...crew, positionId: pointId });
  await recordOperation(tx, actor, {
    entity: 'crew',
    entityId: crew.id,
    action: 'move',
    before: { positionId: crew.positionId },
    after: { positionId: pointId },
  });
}
