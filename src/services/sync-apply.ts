import { CorridorError } from '../domain/errors.ts';
import { canTransition, type PersonStatus } from '../domain/lifecycle.ts';
import type { Person } from '../domain/person.ts';
import { joinTransaction } from '../store/crypto/sealed-store.ts';
import type { Database, Queryable } from '../store/database.ts';
import { findHousehold, type Household } from '../store/repos/households.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import type { KnownPeople } from '../store/repos/sync.ts';
import * as repo from '../store/repos/sync.ts';
import { compareHlc } from '../sync/hlc.ts';
import { recordHeadcount } from './headcounts.ts';
import {
  changeStatus,
  createHousehold,
  type HouseholdInput,
  type PersonInput,
  type PersonPatch,
  registerPerson,
  registerTogether,
  updateHousehold,
  updatePerson,
} from './people.ts';
import { updatePassageIn } from './sites.ts';

// One synced operation applied through the same services as the routes, inside the transaction
// that records it as received: both commit, or neither does.

export type SyncOp = repo.ReceivedOp &
  (
    | { kind: 'person.register'; payload: Omit<PersonInput, 'id'> }
    | { kind: 'person.update'; payload: Omit<PersonPatch, 'version'> }
    | {
        kind: 'person.status';
        payload: { status: PersonStatus; from: PersonStatus; reason?: string | undefined };
      }
    | {
        kind: 'passage.report';
        payload: {
          state: string;
          clearancePersonHours?: number | null | undefined;
          note?: string | null | undefined;
        };
      }
    | { kind: 'headcount.report'; payload: Omit<Parameters<typeof recordHeadcount>[2], 'id'> }
    | { kind: 'household.create'; payload: Omit<HouseholdInput, 'id'> }
    | { kind: 'household.update'; payload: HouseholdPatch }
  );

type HouseholdPatch = { label?: string | null | undefined; note?: string | null | undefined };

/**
 * Applies the operation; says whether part of it lost to a later write (kept as a conflict). known:
 * the people the transaction locked and read (lockRecords), kept as the operations change them, so
 * none is read again; without it each is read when needed.
 */
export async function applyOp(
  db: Database,
  tx: Queryable,
  actor: Actor,
  op: SyncOp,
  known?: KnownPeople,
): Promise<'applied' | 'conflict'> {
  const joined = joinTransaction(db, tx);
  const clock = { hlc: op.hlc, opId: op.opId };
  switch (op.kind) {
    case 'person.register':
      await registerPerson(joined, actor, { ...op.payload, id: op.entityId });
      return 'applied';
    case 'person.update': {
      const { person, clocks } = await requirePersonIn(tx, op.entityId, known);
      const winners = await latestByClock(tx, actor, op, person.siteId, op.payload, person, clocks);
      if (winners.fields.length > 0) {
        const after = await updatePerson(joined, actor, op.entityId, winners.patch as PersonPatch, {
          clock,
          locked: person,
        });
        remember(known, after, clocks, winners.fields, op.hlc);
      }
      return winners.lost ? 'conflict' : 'applied';
    }
    case 'household.create':
      await createHousehold(joined, actor, { ...op.payload, id: op.entityId });
      return 'applied';
    case 'household.update': {
      const household = await findHousehold(tx, op.entityId, true);
      if (!household)
        throw new CorridorError('not_found', `household ${op.entityId} does not exist`, { id: op.entityId });
      const clocks = await repo.fieldClocks(tx, op.entity, op.entityId);
      const winners = await latestByClock(tx, actor, op, household.siteId, op.payload, household, clocks);
      if (winners.fields.length > 0)
        await updateHousehold(joined, actor, op.entityId, winners.patch, { clock, locked: household });
      return winners.lost ? 'conflict' : 'applied';
    }
    case 'person.status':
      return moveStatus(joined, tx, actor, op, op.payload, known);
    case 'passage.report':
      return reportPassage(tx, actor, op, op.payload);
    case 'headcount.report':
      await recordHeadcount(joined, actor, { ...op.payload, id: op.entityId });
      return 'applied';
  }
}

/**
 * A stretch of registrations applied in one statement, all or none (registerTogether): throws if
 * any is refused, and the caller then applies them one at a time to learn which.
 */
export async function applyRegistrations(
  db: Database,
  tx: Queryable,
  actor: Actor,
  ops: Array<Extract<SyncOp, { kind: 'person.register' }>>,
): Promise<void> {
  await registerTogether(
    joinTransaction(db, tx),
    actor,
    ops.map((op) => ({ ...op.payload, id: op.entityId })),
  );
}

/** The person and their field clocks; the push locked the row before applying its run (lockRecords). */
async function requirePersonIn(
  tx: Queryable,
  id: string,
  known: KnownPeople | undefined,
): Promise<{ person: Person; clocks: Map<string, string> }> {
  const found = known?.get(id.toLowerCase()) ?? (await repo.findPersonClocked(tx, id));
  if (!found) throw new CorridorError('not_found', `person ${id} does not exist`, { id });
  return { person: found.record, clocks: found.clocks };
}

/**
 * Each field is written by the latest clock: the fields of the patch whose clock is later than the
 * one kept win; an older write of a field is kept as a conflict, not applied.
 */
async function latestByClock(
  tx: Queryable,
  actor: Actor,
  op: SyncOp,
  siteId: string,
  patch: object,
  current: Person | Household,
  clocks: Map<string, string>,
): Promise<{ patch: Record<string, unknown>; fields: string[]; lost: boolean }> {
  const winners: Record<string, unknown> = {};
  let lost = false;
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const kept = clocks.get(field);
    if (kept === undefined || compareHlc(op.hlc, kept) > 0) {
      winners[field] = value;
      continue;
    }
    lost = true;
    const keptValue = (current as unknown as Record<string, unknown>)[field];
    await keepLoser(tx, actor, op, siteId, field, 'older_by_clock', value, keptValue, kept);
  }
  return { patch: winners, fields: Object.keys(winners), lost };
}

/**
 * A status change applies only from the status the device saw, and only as the lifecycle allows:
 * a person marked arrived at reception is not pulled back by a change made before the device knew.
 */
async function moveStatus(
  joined: Database,
  tx: Queryable,
  actor: Actor,
  op: SyncOp,
  change: { status: PersonStatus; from: PersonStatus; reason?: string | undefined },
  known: KnownPeople | undefined,
): Promise<'applied' | 'conflict'> {
  const { person, clocks } = await requirePersonIn(tx, op.entityId, known);
  if (person.status === change.status) return 'applied';
  if (person.status !== change.from || !canTransition(person.status, change.status)) {
    const kept = clocks.get('status') ?? null;
    await keepLoser(
      tx,
      actor,
      op,
      person.siteId,
      'status',
      'status_superseded',
      change.status,
      person.status,
      kept,
    );
    return 'conflict';
  }
  const after = await changeStatus(
    joined,
    actor,
    op.entityId,
    { status: change.status, expectedStatus: change.from, reason: change.reason },
    { clock: { hlc: op.hlc, opId: op.opId }, locked: person },
  );
  remember(known, after, clocks, ['status'], op.hlc);
  return 'applied';
}

/** The person as the operation left them, for the next operation of the transaction. */
function remember(
  known: KnownPeople | undefined,
  person: Person,
  clocks: Map<string, string>,
  fields: string[],
  hlc: string,
): void {
  if (!known) return;
  const next = new Map(clocks);
  for (const field of fields) next.set(field, hlc);
  known.set(person.id.toLowerCase(), { record: person, clocks: next });
}

/** The latest report of a passage by clock stands; an older one arriving later is kept. */
async function reportPassage(
  tx: Queryable,
  actor: Actor,
  op: SyncOp,
  report: {
    state: string;
    clearancePersonHours?: number | null | undefined;
    note?: string | null | undefined;
  },
): Promise<'applied' | 'conflict'> {
  // The push locked the passage before applying its run (lockRecords).
  const found = await repo.findPassageClocked(tx, op.entityId);
  if (!found)
    throw new CorridorError('not_found', `passage ${op.entityId} does not exist`, { id: op.entityId });
  const { record: passage, clocks } = found;
  const kept = clocks.get('state');
  if (kept !== undefined && compareHlc(op.hlc, kept) <= 0) {
    await keepLoser(
      tx,
      actor,
      op,
      passage.siteId,
      'state',
      'older_by_clock',
      report.state,
      passage.state,
      kept,
    );
    return 'conflict';
  }
  await updatePassageIn(
    tx,
    actor,
    op.entityId,
    { ...report, clearancePersonHours: report.clearancePersonHours ?? null } as Parameters<
      typeof updatePassageIn
    >[3],
    'report',
    { clock: { hlc: op.hlc, opId: op.opId }, locked: passage },
  );
  return 'applied';
}

/** The losing write goes into the conflicts list and the record's history, where it is shown. */
async function keepLoser(
  tx: Queryable,
  actor: Actor,
  op: SyncOp,
  siteId: string,
  field: string,
  reason: 'older_by_clock' | 'status_superseded',
  lost: unknown,
  kept: unknown,
  keptHlc: string | null,
): Promise<void> {
  await repo.insertConflict(tx, {
    opId: op.opId,
    siteId,
    entity: op.entity,
    entityId: op.entityId,
    field,
    reason,
    lost,
    kept,
    lostHlc: op.hlc,
    keptHlc,
  });
  await recordOperation(tx, actor, {
    entity: op.entity,
    entityId: op.entityId,
    action: 'sync_conflict',
    before: { [field]: kept ?? null },
    after: { opId: op.opId, hlc: op.hlc, reason, lost: { [field]: lost } },
  });
}
