import { CorridorError, notFound, unknownReference } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import { assertTransition, type PersonStatus } from '../domain/lifecycle.ts';
import { type Person, personProblems } from '../domain/person.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import * as households from '../store/repos/households.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import * as repo from '../store/repos/people.ts';
import { findPoint } from '../store/repos/sites.ts';
import { writeRegistration } from './registration-queue.ts';
import { definedOnly, requireSiteReference } from './sites.ts';
import { recordStampedOperation, type SyncedWrite } from './sync-clock.ts';

export type PersonInput = Partial<
  Omit<Person, 'status' | 'statusChangedAt' | 'version' | 'createdAt' | 'updatedAt'>
> &
  Pick<Person, 'siteId' | 'names' | 'sex'> & { status?: PersonStatus | undefined };

function normalise(input: PersonInput, id: string): repo.PersonFields {
  return {
    id,
    siteId: input.siteId,
    householdId: input.householdId ?? null,
    shelterId: input.shelterId ?? null,
    names: input.names,
    sex: input.sex,
    birthDate: input.birthDate ?? null,
    birthYear: input.birthYear ?? null,
    ageBand: input.ageBand ?? null,
    vulnerabilities: input.vulnerabilities ?? [],
    triage: input.triage ?? null,
    languages: input.languages ?? [],
    note: input.note ?? null,
    guardians: input.guardians ?? [],
    status: input.status ?? 'sheltering',
  };
}

/**
 * Every rule a person record must meet, checked against the database inside the transaction. A
 * correction (before: the record as it stands) looks up only the references it changes: those it
 * keeps were checked when written, and shelters, households and people are never deleted.
 */
async function checkPerson(tx: Queryable, person: repo.PersonFields, before?: Person): Promise<void> {
  const problems = personProblems(person);
  if (problems.length > 0) {
    const [field, reason] = problems[0]!;
    throw new CorridorError('validation_failed', `${field}: ${reason}`, { field, problems });
  }
  if (person.shelterId && person.shelterId !== before?.shelterId) {
    const shelter = await findPoint(tx, person.shelterId);
    if (!shelter || shelter.siteId !== person.siteId || shelter.kind !== 'shelter')
      throw unknownReference('shelterId', person.shelterId);
  }
  if (person.householdId && person.householdId !== before?.householdId) {
    const household = await households.findHousehold(tx, person.householdId);
    if (!household || household.siteId !== person.siteId)
      throw unknownReference('householdId', person.householdId);
  }
  const guardianIds = new Set<string>();
  for (const guardian of person.guardians) {
    if (guardian.personId === person.id)
      throw new CorridorError('validation_failed', 'guardians: a person cannot be their own guardian', {
        field: 'guardians',
      });
    if (guardianIds.has(guardian.personId))
      throw new CorridorError('validation_failed', 'guardians: a guardian is listed twice', {
        field: 'guardians',
      });
    guardianIds.add(guardian.personId);
    if (before?.guardians.some((g) => g.personId === guardian.personId)) continue;
    const found = await tx.query('SELECT 1 FROM person WHERE id = $1 AND site_id = $2', [
      guardian.personId,
      person.siteId,
    ]);
    if (found.rows.length === 0) throw unknownReference('guardians', guardian.personId);
  }
}

/**
 * Why a registration cannot be written, as the error the client gets. Every rule is checked here in
 * the order a client should hear about them; it throws unless the registration is acceptable.
 */
async function refuseRegistration(
  db: Queryable,
  person: repo.PersonFields,
  clientId: boolean,
): Promise<void> {
  await requireSiteReference(db, person.siteId);
  if (clientId && (await db.query('SELECT 1 FROM person WHERE id = $1', [person.id])).rows.length > 0)
    throw new CorridorError('duplicate_id', `id: a person with id ${person.id} is already registered`, {
      field: 'id',
    });
  await checkPerson(db, person);
}

const hasLocalProblem = (person: repo.PersonFields): boolean =>
  personProblems(person).length > 0 ||
  person.guardians.some(
    (g, i) => g.personId === person.id || person.guardians.findIndex((h) => h.personId === g.personId) !== i,
  );

export async function registerPerson(db: Database, actor: Actor, input: PersonInput): Promise<Person> {
  const person = normalise(input, input.id ?? newId());
  return translating(async () => {
    // Rules that need no database are checked first, and explained the same way as the others.
    if (hasLocalProblem(person)) await refuseRegistration(db, person, input.id !== undefined);
    // The person, the guardian links and the operation are written by one statement (one transaction)
    // that checks every reference and writes nothing of a registration that fails one. References are
    // never deleted, so a check that failed there but passes when asked again means the registry changed
    // meanwhile (a guardian registered in the same batch, a household created a moment later): then the
    // registration is written again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const after = await writeRegistration(db, {
        person,
        operationId: newId(),
        actorId: actor.userId,
        actor: actor.name,
      });
      if (after) return after;
      await refuseRegistration(db, person, input.id !== undefined);
    }
    throw new CorridorError('conflict', 'the registration kept changing under concurrent updates; try again');
  });
}

/**
 * Registrations written in one statement, all or none: a synced push's stretch of them. Throws if
 * any is refused, without saying which or why; the caller then registers them one at a time with
 * registerPerson, which explains. (A guardian registered in the same statement is not yet visible
 * to its checks, so such a stretch also goes one at a time.)
 */
export async function registerTogether(db: Database, actor: Actor, inputs: PersonInput[]): Promise<void> {
  const people = inputs.map((input) => normalise(input, input.id ?? newId()));
  const ids = new Set(people.map((person) => person.id.toLowerCase()));
  const refused = () => new CorridorError('conflict', 'a registration of the stretch was refused');
  if (ids.size < people.length || people.some(hasLocalProblem)) throw refused();
  const written = await translating(() =>
    repo.insertPeopleLogged(
      db,
      people.map((person) => ({ person, operationId: newId(), actorId: actor.userId, actor: actor.name })),
    ),
  );
  if (written.size < people.length) throw refused();
}

export async function requirePerson(db: Queryable, id: string, forUpdate = false): Promise<Person> {
  const person = await repo.findPerson(db, id, forUpdate);
  if (!person) throw notFound('person', id);
  return person;
}

export type PersonPatch = Partial<Omit<PersonInput, 'id' | 'siteId' | 'status'>> & {
  version?: number | undefined;
};

export async function updatePerson(
  db: Database,
  actor: Actor,
  id: string,
  patch: PersonPatch,
  { clock, locked }: SyncedWrite<Person> = {},
): Promise<Person> {
  return translating(() =>
    db.transaction(async (tx) => {
      const before = locked ?? (await requirePerson(tx, id, true));
      const { version, ...fields } = patch;
      if (version !== undefined && version !== before.version)
        throw new CorridorError(
          'conflict',
          `version: the person was changed by someone else (now version ${before.version}); reload and try again`,
          { field: 'version', current: before.version },
        );
      const next = normalise({ ...before, ...definedOnly(fields) }, id);
      await checkPerson(tx, next, before);
      const after = await repo.updatePersonFields(tx, next, before);
      await recordStampedOperation(
        tx,
        actor,
        { entity: 'person', entityId: id, action: 'update', before, after },
        Object.keys(definedOnly(fields)),
        clock,
      );
      return after;
    }),
  );
}

/**
 * Moves a person along the lifecycle. The row is locked first, so of two concurrent changes from
 * the same state exactly one wins and the other sees the new state and is refused.
 */
export async function changeStatus(
  db: Database,
  actor: Actor,
  id: string,
  change: { status: PersonStatus; reason?: string | undefined; expectedStatus?: PersonStatus | undefined },
  { clock, locked }: SyncedWrite<Person> = {},
): Promise<Person> {
  return translating(() =>
    db.transaction(async (tx) => {
      const before = locked ?? (await requirePerson(tx, id, true));
      if (change.expectedStatus && change.expectedStatus !== before.status)
        throw new CorridorError(
          'illegal_transition',
          `the person is ${before.status}, not ${change.expectedStatus} as expected; someone else changed it`,
          { from: before.status, expected: change.expectedStatus },
        );
      assertTransition(before.status, change.status);
      const after = await repo.setPersonStatus(tx, id, change.status);
      await recordStampedOperation(
        tx,
        actor,
        {
          entity: 'person',
          entityId: id,
          action: 'status',
          before: { status: before.status },
          after: { status: after.status, reason: change.reason ?? null },
        },
        ['status'],
        clock,
      );
      return after;
    }),
  );
}

export interface HouseholdInput {
  id?: string | undefined;
  siteId: string;
  label?: string | null | undefined;
  note?: string | null | undefined;
}

export async function createHousehold(
  db: Database,
  actor: Actor,
  input: HouseholdInput,
): Promise<households.Household> {
  return translating(() =>
    db.transaction(async (tx) => {
      await requireSiteReference(tx, input.siteId);
      const id = input.id ?? newId();
      if (await households.findHousehold(tx, id))
        throw new CorridorError('duplicate_id', `id: a household with id ${id} already exists`, {
          field: 'id',
        });
      await households.insertHousehold(tx, {
        id,
        siteId: input.siteId,
        label: input.label ?? null,
        note: input.note ?? null,
      });
      const after = (await households.findHousehold(tx, id))!;
      await recordOperation(tx, actor, {
        entity: 'household',
        entityId: id,
        action: 'create',
        before: null,
        after,
      });
      return after;
    }),
  );
}

export async function updateHousehold(
  db: Database,
  actor: Actor,
  id: string,
  patch: { label?: string | null | undefined; note?: string | null | undefined },
  { clock, locked }: SyncedWrite<households.Household> = {},
): Promise<households.Household> {
  return db.transaction(async (tx) => {
    const before = locked ?? (await households.findHousehold(tx, id, true));
    if (!before) throw notFound('household', id);
    await households.updateHousehold(tx, { ...before, ...definedOnly(patch) });
    const after = (await households.findHousehold(tx, id))!;
    await recordStampedOperation(
      tx,
      actor,
      { entity: 'household', entityId: id, action: 'update', before, after },
      Object.keys(definedOnly(patch)),
      clock,
    );
    return after;
  });
}
