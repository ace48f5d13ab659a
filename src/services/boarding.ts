// Boarding at the pickup point, person by person: by id, by the QR code of a card or wristband, or
// from a search. Each change is one transaction with the convoy row locked, so it cannot slip in
// after the departure that locks the manifest, and the person's lifecycle moves with the manifest.
import {
  assertCanBeReplaced,
  assertCanBoard,
  assertCanMarkNoShow,
  assertManifestOpen,
  assertPlaceFree,
  type BoardingMethod,
  type PlaceKind,
} from '../domain/boarding.ts';
import type { Convoy } from '../domain/convoy.ts';
import { CorridorError, unknownReference } from '../domain/errors.ts';
import { assertTransition, type PersonStatus } from '../domain/lifecycle.ts';
import type { Person } from '../domain/person.ts';
import { parsePersonCode } from '../domain/person-code.ts';
import { evacuationPerson } from '../planning/evacuation/priority.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import { listConvoyVehicles } from '../store/repos/convoys.ts';
import * as repo from '../store/repos/manifest.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import { findPerson, setPersonStatus } from '../store/repos/people.ts';
import { requireConvoy } from './convoy-view.ts';

/** Who is meant: an id typed or picked from a search, or the text of a scanned QR code. */
export interface PersonPick {
  personId?: string | undefined;
  qr?: string | undefined;
  method?: BoardingMethod | undefined;
}

const invalid = (field: string, message: string) =>
  new CorridorError('validation_failed', `${field}: ${message}`, { field });

/** The person meant and how they were found; refuses a pick that names nobody or two people. */
export function resolvePick(
  pick: PersonPick,
  field = 'personId',
): { personId: string; method: BoardingMethod } {
  if ((pick.personId === undefined) === (pick.qr === undefined))
    throw invalid(field, 'give either the person id or the scanned QR code, not both and not neither');
  if (pick.qr !== undefined) {
    if (pick.method !== undefined && pick.method !== 'qr')
      throw invalid(
        'method',
        `the person was found by their QR code, not by ${pick.method}; say qr or leave it out`,
      );
    const parsed = parsePersonCode(pick.qr);
    if ('problem' in parsed) throw invalid('qr', parsed.problem);
    return { personId: parsed.personId, method: 'qr' };
  }
  return { personId: pick.personId!, method: pick.method ?? 'id' };
}

/** The convoy, locked against departure until this change commits, with its manifest still open. */
async function openManifest(tx: Queryable, convoyId: string): Promise<Convoy> {
  const convoy = await requireConvoy(tx, convoyId, true);
  assertManifestOpen(convoy);
  return convoy;
}

async function requireEntry(
  tx: Queryable,
  convoy: Convoy,
  personId: string,
  field: string,
): Promise<repo.Entry> {
  const entry = await repo.findEntry(tx, convoy.id, personId, true);
  if (entry) return entry;
  if (!(await findPerson(tx, personId))) throw unknownReference(field, personId);
  const elsewhere = (await repo.manifestsOfPerson(tx, personId)).filter(
    (m) => m.convoyStatus === 'planned' || m.convoyStatus === 'departed',
  );
  throw new CorridorError(
    'conflict',
    `${field}: person ${personId} is not on the manifest of convoy ${convoy.code}${
      elsewhere.length
        ? `; they are on the manifest of convoy ${elsewhere.map((m) => `${m.code} (${m.status.replace('_', '-')})`).join(', ')}`
        : '; they are on no convoy'
    }`,
    {
      field,
      personId,
      manifests: elsewhere.map((m) => ({ convoyId: m.convoyId, code: m.code, status: m.status })),
    },
  );
}

/** Moves a person along the lifecycle and logs it, saying whose change was refused when it is. */
async function moveStatus(
  tx: Queryable,
  actor: Actor,
  person: Person,
  path: readonly PersonStatus[],
  reason: string,
): Promise<void> {
  let from = person.status;
  for (const to of path) {
    try {
      assertTransition(from, to);
    } catch (error) {
      if (!(error instanceof CorridorError)) throw error;
      throw new CorridorError('illegal_transition', `person ${person.id}: ${error.message}`, error.details);
    }
    await setPersonStatus(tx, person.id, to);
    await recordOperation(tx, actor, {
      entity: 'person',
      entityId: person.id,
      action: 'status',
      before: { status: from },
      after: { status: to, reason },
    });
    from = to;
  }
}

async function lockPerson(tx: Queryable, id: string, field: string): Promise<Person> {
  const person = await findPerson(tx, id, true);
  if (!person) throw unknownReference(field, id);
  return person;
}

const reasonOf = (reason: string, field = 'reason'): string => {
  const trimmed = reason.trim();
  if (trimmed.length < 3) throw invalid(field, 'say why, in a few words');
  return trimmed;
};

async function lineOf(tx: Queryable, convoyId: string, personId: string): Promise<repo.ManifestLine> {
  return (await repo.manifestLines(tx, convoyId, personId))[0]!;
}

/** Boards one person on the vehicle the manifest gives them: assigned → boarded. */
export function boardPerson(
  db: Database,
  actor: Actor,
  convoyId: string,
  pick: PersonPick,
): Promise<repo.ManifestLine> {
  const { personId, method } = resolvePick(pick);
  return translating(() =>
    db.transaction(async (tx) => {
      const convoy = await openManifest(tx, convoyId);
      const entry = await requireEntry(tx, convoy, personId, method === 'qr' ? 'qr' : 'personId');
      assertCanBoard(convoy.code, entry, entry.substituteId);
      const person = await lockPerson(tx, personId, 'personId');
      await moveStatus(
        tx,
        actor,
        person,
        ['boarded'],
        `boarded ${entry.vehicleLabel} of convoy ${convoy.code}`,
      );
      await repo.markBoarded(tx, entry, actor.name, method);
      await recordOperation(tx, actor, {
        entity: 'convoy',
        entityId: convoy.id,
        action: 'board',
        before: { personId, status: entry.status },
        after: { personId, status: 'boarded', vehicleId: entry.vehicleId, method },
      });
      return lineOf(tx, convoy.id, personId);
    }),
  );
}

/** Someone expected who did not come: the reason is kept; they stay assigned and may still board. */
export function recordNoShow(
  db: Database,
  actor: Actor,
  convoyId: string,
  input: { personId: string; reason: string },
): Promise<repo.ManifestLine> {
  const reason = reasonOf(input.reason);
  return translating(() =>
    db.transaction(async (tx) => {
      const convoy = await openManifest(tx, convoyId);
      const entry = await requireEntry(tx, convoy, input.personId, 'personId');
      assertCanMarkNoShow(convoy.code, entry, entry.substituteId);
      await repo.markNotBoarding(tx, entry, 'no_show', reason);
      await recordOperation(tx, actor, {
        entity: 'convoy',
        entityId: convoy.id,
        action: 'no_show',
        before: { personId: input.personId, status: entry.status },
        after: { personId: input.personId, status: 'no_show', reason },
      });
      return lineOf(tx, convoy.id, input.personId);
    }),
  );
}

// Statuses from which someone not planned can take a free place, and the steps of the lifecycle
// that bring them aboard (each step is logged, so their history reads as it happened).
const pathAboard: Partial<Record<PersonStatus, readonly PersonStatus[]>> = {
  sheltering: ['ready', 'assigned', 'boarded'],
  ready: ['assigned', 'boarded'],
  assigned: ['boarded'],
};

const placeKindOf = (p: { id: string; vulnerabilities: Person['vulnerabilities'] }): PlaceKind =>
  evacuationPerson({ id: p.id, vulnerabilities: p.vulnerabilities, triage: null, ageBand: null }).needs ??
  'seat';

export interface SubstitutionInput extends PersonPick {
  replacedPersonId: string;
  reason: string;
}

/**
 * Someone else takes the place of a person who did not come (or will not): the replaced entry keeps
 * the reason and the replaced person, if still assigned, goes back to ready (their seat is lost);
 * the substitute boards at once on the same vehicle, if it has a free place of the kind they need.
 */
export function substitute(
  db: Database,
  actor: Actor,
  convoyId: string,
  input: SubstitutionInput,
): Promise<{ replaced: repo.ManifestLine; substitute: repo.ManifestLine }> {
  const { personId, method } = resolvePick(input);
  const reason = reasonOf(input.reason);
  if (personId === input.replacedPersonId)
    throw invalid('personId', 'a person cannot take their own place; board them instead');
  return translating(() =>
    db.transaction(async (tx) => {
      const convoy = await openManifest(tx, convoyId);
      const entry = await requireEntry(tx, convoy, input.replacedPersonId, 'replacedPersonId');
      assertCanBeReplaced(convoy.code, entry, entry.substituteId);
      const field = method === 'qr' ? 'qr' : 'personId';
      const person = await lockPerson(tx, personId, field);
      if (person.siteId !== convoy.siteId) throw unknownReference(field, personId);
      const own = await repo.manifestsOfPerson(tx, personId);
      const live = own.filter(
        (m) =>
          m.convoyId === convoy.id ||
          ((m.convoyStatus === 'planned' || m.convoyStatus === 'departed') && m.status !== 'replaced'),
      );
      if (live.length > 0)
        throw new CorridorError(
          'conflict',
          `${field}: person ${personId} is already on the manifest of convoy ${live
            .map((m) => `${m.code} (${m.status.replace('_', '-')})`)
            .join(', ')}; board them there instead`,
          { field, manifests: live },
        );
      const path = pathAboard[person.status];
      if (!path)
        throw new CorridorError(
          'illegal_transition',
          `${field}: person ${personId} is ${person.status.replaceAll('_', ' ')} and cannot take a place on a convoy`,
          { field, status: person.status },
        );
      const [vehicle] = (await listConvoyVehicles(tx, [convoy.id])).filter(
        (v) => v.vehicleId === entry.vehicleId,
      );
      const taken: Record<PlaceKind, number> = { seat: 0, stretcher: 0, wheelchair: 0 };
      for (const holder of await repo.placeHolders(tx, convoy.id, entry.vehicleId))
        if (holder.personId !== entry.personId) taken[placeKindOf({ id: holder.personId, ...holder })] += 1;
      assertPlaceFree(vehicle!, taken, placeKindOf(person));

      await repo.markNotBoarding(tx, entry, 'replaced', reason);
      const replaced = await findPerson(tx, entry.personId, true);
      if (replaced?.status === 'assigned')
        await moveStatus(
          tx,
          actor,
          replaced,
          ['ready'],
          `place on convoy ${convoy.code} given to ${personId}: ${reason}`,
        );
      await moveStatus(
        tx,
        actor,
        person,
        path,
        `took the place of ${entry.personId} on convoy ${convoy.code}: ${reason}`,
      );
      await repo.insertSubstitute(tx, {
        convoyId: convoy.id,
        personId,
        vehicleId: entry.vehicleId,
        substituteFor: entry.personId,
        reason,
        by: actor.name,
        method,
      });
      await recordOperation(tx, actor, {
        entity: 'convoy',
        entityId: convoy.id,
        action: 'substitute',
        before: { personId: entry.personId, status: entry.status },
        after: {
          personId: entry.personId,
          status: 'replaced',
          substituteId: personId,
          vehicleId: entry.vehicleId,
          reason,
        },
      });
      return {
        replaced: await lineOf(tx, convoy.id, entry.personId),
        substitute: await lineOf(tx, convoy.id, personId),
      };
    }),
  );
}
