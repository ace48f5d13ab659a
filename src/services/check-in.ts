// Check-in at a reception point. One transaction writes the check-in, the person's move to arrived,
// what it settles (a hold at a screening point still open, a "boarded but not arrived" alert), the
// alerts it raises and the operations log. Two rules make it safe to press Enter twice or from
// two desks at once:
// - the person's row is locked first, so of two desks checking in the same person one waits for the
//   other and then finds the standing check-in: it gets a 409 naming when and where it was made;
// - a request carrying an Idempotency-Key already used answers with the check-in that key made,
//   unchanged, and writes nothing.
// The database's unique indexes (one standing check-in per person, one check-in per key) catch any
// race the lock does not cover; the request is then answered again from what was committed.
import { CorridorError, unknownReference } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { Person } from '../domain/person.ts';
import { type CheckInMethod, statusAfterCheckIn } from '../domain/reception.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import { type Alert, alertsOfCheckIn } from '../store/repos/alerts.ts';
import * as repo from '../store/repos/check-ins.ts';
import { findRoadPoint } from '../store/repos/logistics.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import { findPerson, setPersonStatus } from '../store/repos/people.ts';
import { onManifest, raiseCheckInAlerts } from './check-in-alerts.ts';
import { settleArrival } from './check-in-arrival.ts';
import { requireSite } from './sites.ts';

export interface CheckInInput {
  personId: string;
  method: CheckInMethod;
  receptionPointId: string;
  convoyId?: string | null | undefined;
  desk?: string | null | undefined;
  idempotencyKey?: string | undefined;
}

export interface CheckInView extends Omit<repo.CheckInRecord, 'idempotencyKey'> {
  person: Pick<Person, 'id' | 'names' | 'sex' | 'ageBand' | 'birthYear' | 'status'>;
  /** Whether a convoy expected or carried the person (otherwise an alert was raised). */
  onManifest: boolean;
  alerts: Array<Pick<Alert, 'id' | 'kind'>>;
}

export interface CheckInResult {
  checkIn: CheckInView;
  /** True when the Idempotency-Key had been used: nothing was written this time. */
  replayed: boolean;
}

function viewOf(
  record: repo.CheckInRecord,
  person: Person,
  onManifest: boolean,
  alerts: CheckInView['alerts'],
): CheckInView {
  const { idempotencyKey: _key, ...rest } = record;
  return {
    ...rest,
    person: {
      id: person.id,
      names: person.names,
      sex: person.sex,
      ageBand: person.ageBand,
      birthYear: person.birthYear,
      status: person.status,
    },
    onManifest,
    alerts,
  };
}

/** A check-in as it was answered when made, read back for a repeated request. */
async function view(db: Queryable, record: repo.CheckInRecord): Promise<CheckInView> {
  const person = (await findPerson(db, record.personId))!;
  return viewOf(
    record,
    person,
    onManifest(await repo.manifestPlaces(db, person.id)),
    (await alertsOfCheckIn(db, record.id, person.id)).map(({ id, kind }) => ({ id, kind })),
  );
}

/** The answer to a key seen before: the same check-in for the same person, or a refusal. */
async function replay(
  db: Queryable,
  existing: repo.CheckInRecord,
  siteId: string,
  personId: string,
): Promise<CheckInResult> {
  if (existing.personId !== personId || existing.siteId !== siteId)
    throw new CorridorError(
      'conflict',
      'Idempotency-Key: this key was already used for a check-in of another person; send a new key for each check-in',
      { field: 'Idempotency-Key', checkInId: existing.id },
    );
  return { checkIn: await view(db, existing), replayed: true };
}

export const alreadyCheckedIn = (personId: string, standing: repo.CheckInRecord): CorridorError =>
  new CorridorError(
    'conflict',
    `person ${personId} is already checked in: at ${standing.receptionPointName}${
      standing.desk ? ` (desk ${standing.desk})` : ''
    } at ${standing.checkedInAt} by ${standing.checkedInBy}`,
    {
      checkInId: standing.id,
      checkedInAt: standing.checkedInAt,
      receptionPointId: standing.receptionPointId,
      receptionPointName: standing.receptionPointName,
      desk: standing.desk,
      checkedInBy: standing.checkedInBy,
    },
  );

// A card printed before two registrations were merged still carries the absorbed one's code: the
// desk is told which registration to check in instead.
async function mergedAway(tx: Queryable, personId: string): Promise<CorridorError> {
  const survivor = await repo.survivorOf(tx, personId);
  return new CorridorError(
    'conflict',
    `person ${personId} is a second registration merged into ${survivor ?? 'another'}: check in ${survivor ?? 'that registration'} instead`,
    { field: 'personId', survivorId: survivor ?? null },
  );
}

async function requireConvoy(tx: Queryable, siteId: string, convoyId: string): Promise<void> {
  const { rows } = await tx.query<{ site_id: string; status: string; code: string }>(
    'SELECT site_id, status, code FROM convoy WHERE id = $1',
    [convoyId],
  );
  const convoy = rows[0];
  if (!convoy || convoy.site_id !== siteId) throw unknownReference('convoyId', convoyId);
  if (convoy.status === 'cancelled')
    throw new CorridorError('conflict', `convoyId: convoy ${convoy.code} was cancelled; it carried no one`, {
      field: 'convoyId',
    });
}

function write(db: Database, actor: Actor, siteId: string, input: CheckInInput): Promise<CheckInResult> {
  return db.transaction(async (tx) => {
    await requireSite(tx, siteId);
    const person = await findPerson(tx, input.personId, true);
    if (!person || person.siteId !== siteId) throw unknownReference('personId', input.personId);
    if (input.idempotencyKey) {
      const existing = await repo.checkInByKey(tx, input.idempotencyKey);
      if (existing) return replay(tx, existing, siteId, person.id);
    }
    const point = await findRoadPoint(tx, input.receptionPointId);
    if (!point || point.siteId !== siteId || point.kind !== 'reception_point')
      throw unknownReference('receptionPointId', input.receptionPointId);
    if (input.convoyId) await requireConvoy(tx, siteId, input.convoyId);
    const standing = await repo.standingCheckIn(tx, person.id);
    if (standing) throw alreadyCheckedIn(person.id, standing);
    if (person.status === 'merged') throw await mergedAway(tx, person.id);
    const status = statusAfterCheckIn(person.status);

    const places = await repo.manifestPlaces(tx, person.id);
    const carried = places.find((p) => p.status === 'boarded' || p.status === 'expected');
    const id = newId();
    await repo.insertCheckIn(tx, {
      id,
      siteId,
      personId: person.id,
      receptionPointId: point.id,
      convoyId: input.convoyId ?? carried?.convoyId ?? null,
      desk: input.desk ?? null,
      method: input.method,
      checkedInBy: actor,
      idempotencyKey: input.idempotencyKey ?? null,
    });
    const record = (await repo.findCheckIn(tx, id))!;
    await recordOperation(tx, actor, {
      entity: 'check_in',
      entityId: id,
      action: 'create',
      before: null,
      after: {
        personId: person.id,
        receptionPointId: point.id,
        convoyId: record.convoyId,
        desk: record.desk,
        method: record.method,
        checkedInAt: record.checkedInAt,
      },
    });
    if (status !== person.status) {
      await setPersonStatus(tx, person.id, status);
      await recordOperation(tx, actor, {
        entity: 'person',
        entityId: person.id,
        action: 'status',
        before: { status: person.status },
        after: { status, reason: `checked in at ${point.name}`, checkInId: id },
      });
    }
    await settleArrival(tx, actor, {
      checkInId: id,
      personId: person.id,
      checkedInAt: record.checkedInAt,
      receptionPointName: point.name,
      desk: record.desk,
    });
    const alerts = await raiseCheckInAlerts(tx, actor, {
      checkInId: id,
      siteId,
      person,
      statusBefore: person.status,
      receptionPointName: point.name,
      desk: record.desk,
      convoyId: record.convoyId,
      places,
    });
    return {
      checkIn: viewOf(record, { ...person, status }, onManifest(places), alerts),
      replayed: false,
    };
  });
}

/** Constraints whose violation means another request got there first: answer from what it wrote. */
const raceConstraints = new Set(['check_in_standing', 'check_in_idempotency_key_key']);

async function afterRace(db: Queryable, siteId: string, input: CheckInInput): Promise<CheckInResult> {
  if (input.idempotencyKey) {
    const existing = await repo.checkInByKey(db, input.idempotencyKey);
    if (existing) return replay(db, existing, siteId, input.personId);
  }
  const standing = await repo.standingCheckIn(db, input.personId);
  if (standing) throw alreadyCheckedIn(input.personId, standing);
  throw new CorridorError('conflict', 'the check-in collided with another desk; try again');
}

export async function checkIn(
  db: Database,
  actor: Actor,
  siteId: string,
  input: CheckInInput,
): Promise<CheckInResult> {
  try {
    return await translating(() => write(db, actor, siteId, input));
  } catch (error) {
    const constraint = (error as CorridorError).details as { constraint?: string } | undefined;
    if (error instanceof CorridorError && raceConstraints.has(constraint?.constraint ?? ''))
      return afterRace(db, siteId, input);
    throw error;
  }
}
