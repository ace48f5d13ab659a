import { CorridorError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { Person } from '../../domain/person.ts';
import type { Passage } from '../../domain/site.ts';
import { sealPersonal } from '../crypto/personal.ts';
import { cipherOf } from '../crypto/sealed-store.ts';
import type { Database, Queryable } from '../database.ts';
import { type PersonRow, personColumns, toPerson } from './people.ts';
import { type PassageRow, toPassage } from './sites.ts';

export type StoredOutcome = 'applied' | 'conflict' | 'rejected';

export interface Device {
  id: string;
  userId: string;
  lastSeq: number;
}

/**
 * Binds a device to the account on its first push, atomically: of two accounts first pushing the
 * same new device id at the same moment, one inserts the row and the other finds it taken. Returns
 * the account the device belongs to.
 */
export async function bindDevice(db: Queryable, id: string, userId: string): Promise<string> {
  await db.query('INSERT INTO sync_device (id, user_id) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [
    id,
    userId,
  ]);
  const { rows } = await db.query<{ user_id: string }>('SELECT user_id FROM sync_device WHERE id = $1', [id]);
  return rows[0]!.user_id;
}

export const deviceOfAnother = (deviceId: string): CorridorError =>
  new CorridorError('forbidden', `device ${deviceId} syncs for another account`, { deviceId });

/**
 * The device's row, bound on its first push and locked until the transaction ends: in one
 * statement, as the insert's conflict branch locks the row it finds (and notes the device was seen).
 */
export async function lockDevice(tx: Queryable, id: string, userId: string): Promise<Device> {
  const { rows } = await tx.query<{ id: string; user_id: string; last_seq: number }>(
    `INSERT INTO sync_device (id, user_id) VALUES ($1, $2)
     ON CONFLICT (id) DO UPDATE SET last_seen = now()
     RETURNING id, user_id, last_seq`,
    [id, userId],
  );
  const row = rows[0]!;
  if (row.user_id !== userId) throw deviceOfAnother(id);
  return { id: row.id, userId: row.user_id, lastSeq: row.last_seq };
}

export async function findDevice(db: Queryable, id: string): Promise<Device | undefined> {
  const { rows } = await db.query<{ id: string; user_id: string; last_seq: number }>(
    'SELECT id, user_id, last_seq FROM sync_device WHERE id = $1',
    [id],
  );
  const row = rows[0];
  return row && { id: row.id, userId: row.user_id, lastSeq: row.last_seq };
}

export async function findOp(
  db: Queryable,
  opId: string,
): Promise<{ outcome: StoredOutcome; error: { code: string; message: string } | null } | undefined> {
  const { rows } = await db.query<{
    outcome: StoredOutcome;
    error: { code: string; message: string } | null;
  }>('SELECT outcome, error FROM sync_op WHERE op_id = $1', [opId]);
  return rows[0];
}

export interface ReceivedOp {
  opId: string;
  deviceId: string;
  seq: number;
  hlc: string;
  entity: string;
  entityId: string;
  kind: string;
}

// The clocks of a record's fields' last writes, as a column beside the record: what a synced
// correction, status change or passage report compares its own clock with, in the same read.
const clocksOf = (entity: string, alias: string) =>
  `(SELECT json_object_agg(c.field, c.hlc) FROM sync_field_clock c
     WHERE c.entity = '${entity}' AND c.entity_id = ${alias}.id) AS clocks`;

export type Clocked<T> = { record: T; clocks: Map<string, string> };
type ClocksColumn = { clocks: Record<string, string> | null };

const clocked = <Row extends ClocksColumn, T>(row: Row | undefined, to: (row: Row) => T) =>
  row && { record: to(row), clocks: new Map(Object.entries(row.clocks ?? {})) };

export async function findPersonClocked(tx: Queryable, id: string): Promise<Clocked<Person> | undefined> {
  const { rows } = await tx.query<PersonRow & ClocksColumn>(
    `SELECT ${personColumns}, ${clocksOf('person', 'p')} FROM person p WHERE p.id = $1`,
    [id],
  );
  return clocked(rows[0], toPerson);
}

export async function findPassageClocked(tx: Queryable, id: string): Promise<Clocked<Passage> | undefined> {
  const { rows } = await tx.query<PassageRow & ClocksColumn>(
    `SELECT p.*, ${clocksOf('passage', 'p')} FROM passage p WHERE p.id = $1`,
    [id],
  );
  return clocked(rows[0], toPassage);
}

export async function fieldClocks(
  tx: Queryable,
  entity: string,
  entityId: string,
): Promise<Map<string, string>> {
  const { rows } = await tx.query<{ field: string; hlc: string }>(
    'SELECT field, hlc FROM sync_field_clock WHERE entity = $1 AND entity_id = $2',
    [entity, entityId],
  );
  return new Map(rows.map((row) => [row.field, row.hlc]));
}

export interface ConflictRecord {
  opId: string;
  siteId: string | null;
  entity: string;
  entityId: string;
  field: string;
  reason: 'older_by_clock' | 'status_superseded';
  lost: unknown;
  kept: unknown;
  lostHlc: string;
  keptHlc: string | null;
}

/** Values are kept under their field's name, so a name or a note is sealed like anywhere else. */
export async function insertConflict(tx: Queryable, conflict: ConflictRecord): Promise<void> {
  const cipher = cipherOf(tx);
  const wrap = (value: unknown) => JSON.stringify(sealPersonal(cipher, { [conflict.field]: value ?? null }));
  await tx.query(
    `INSERT INTO sync_conflict (id, op_id, site_id, entity, entity_id, field, reason, lost, kept, lost_hlc, kept_hlc)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      newId(),
      conflict.opId,
      conflict.siteId,
      conflict.entity,
      conflict.entityId,
      conflict.field,
      conflict.reason,
      wrap(conflict.lost),
      wrap(conflict.kept),
      conflict.lostHlc,
      conflict.keptHlc,
    ],
  );
}

export interface Conflict extends Omit<ConflictRecord, 'siteId'> {
  id: string;
  deviceId: string;
  at: string;
}

interface ConflictRow {
  id: string;
  op_id: string;
  device_id: string;
  entity: string;
  entity_id: string;
  field: string;
  reason: Conflict['reason'];
  lost: Record<string, unknown>;
  kept: Record<string, unknown>;
  lost_hlc: string;
  kept_hlc: string | null;
  at: Date;
}

export async function listConflicts(db: Queryable, siteId: string | undefined): Promise<Conflict[]> {
  const params: unknown[] = [];
  const { rows } = await db.query<ConflictRow>(
    `SELECT c.id, c.op_id, o.device_id, c.entity, c.entity_id, c.field, c.reason, c.lost, c.kept,
            c.lost_hlc, c.kept_hlc, c.at
       FROM sync_conflict c JOIN sync_op o ON o.op_id = c.op_id
      ${siteId ? `WHERE c.site_id = $${params.push(siteId)}` : ''}
      ORDER BY c.at, c.id LIMIT 5000`,
    params,
  );
  return rows.map((row) => ({
    id: row.id,
    opId: row.op_id,
    deviceId: row.device_id,
    entity: row.entity,
    entityId: row.entity_id,
    field: row.field,
    reason: row.reason,
    lost: row.lost[row.field] ?? null,
    kept: row.kept[row.field] ?? null,
    lostHlc: row.lost_hlc,
    keptHlc: row.kept_hlc,
    at: row.at.toISOString(),
  }));
}

/**
 * The latest clock the server has seen, a device's or its own (stamped on an edit made through a
 * route): devices take it in, so their next change comes after everything they saw.
 */
export async function latestHlc(db: Queryable): Promise<string | null> {
  const { rows } = await db.query<{ hlc: string | null }>(
    `SELECT greatest((SELECT max(hlc) FROM sync_op), (SELECT max(hlc) FROM sync_field_clock)) AS hlc`,
  );
  return rows[0]?.hlc ?? null;
}

/** The entities a pull carries. */
export const pulledEntities = ['person', 'household', 'passage', 'headcount'] as const;

// At most this many newly committed operations are given positions by one pull; a pull that
// leaves some without says more, and the next one goes on.
const positionBatch = 20_000;

/**
 * Gives every committed operation that has no position yet the next positions, in the order of
 * the log. Serialised by the row of sync_position and committed before the pull reads, so the
 * positions a reader sees are always a prefix: an operation committing later gets a later one.
 */
async function placeCommitted(tx: Queryable): Promise<{ last: number; unplaced: boolean }> {
  const { rows } = await tx.query<{ last: number }>('SELECT last FROM sync_position FOR UPDATE');
  const last = Number(rows[0]!.last);
  const placed = await tx.query(
    `WITH todo AS (
       SELECT seq, row_number() OVER (ORDER BY seq) AS n
         FROM operation WHERE sync_pos IS NULL ORDER BY seq LIMIT $2)
     UPDATE operation o SET sync_pos = $1 + todo.n FROM todo WHERE o.seq = todo.seq`,
    [last, positionBatch],
  );
  if (placed.rowCount > 0) await tx.query('UPDATE sync_position SET last = $1', [last + placed.rowCount]);
  return { last: last + placed.rowCount, unplaced: placed.rowCount === positionBatch };
}

/** The records changed after a checkpoint (a position), oldest change first. */
export async function changedSince(
  db: Database,
  since: number,
  limit: number,
): Promise<{ changes: { entity: string; entityId: string }[]; checkpoint: number; more: boolean }> {
  const { last, unplaced } = await db.transaction(placeCommitted);
  const { rows } = await db.query<{ sync_pos: number; entity: string; entity_id: string }>(
    `SELECT sync_pos, entity, entity_id FROM operation
      WHERE sync_pos > $1 AND entity = ANY($3::text[]) ORDER BY sync_pos LIMIT $2`,
    [since, limit, pulledEntities],
  );
  const full = rows.length === limit;
  const lastRow = rows.length > 0 ? Number(rows.at(-1)!.sync_pos) : since;
  return {
    changes: rows.map((row) => ({ entity: row.entity, entityId: row.entity_id })),
    // A page that is not full has read everything placed: the checkpoint moves past the other
    // entities' operations too, so the next pull does not scan them again.
    checkpoint: full ? lastRow : Math.max(lastRow, last, since),
    more: full || unplaced,
  };
}

export async function setOutcome(tx: Queryable, opId: string, outcome: StoredOutcome): Promise<void> {
  await tx.query('UPDATE sync_op SET outcome = $2 WHERE op_id = $1', [opId, outcome]);
}

/** What was already received of these operations, by opId: a push's duplicates in one look-up. */
export async function findOps(
  db: Queryable,
  opIds: string[],
): Promise<Map<string, { outcome: StoredOutcome; error: { code: string; message: string } | null }>> {
  const { rows } = await db.query<{
    op_id: string;
    outcome: StoredOutcome;
    error: { code: string; message: string } | null;
  }>('SELECT op_id, outcome, error FROM sync_op WHERE op_id = ANY($1::uuid[])', [opIds]);
  return new Map(rows.map((row) => [row.op_id, { outcome: row.outcome, error: row.error }]));
}

/**
 * Records a device's run of operations as received, as applied, in one statement, and moves the
 * device's sequence to the last; the caller corrects the outcome of those that were not
 * (setOutcomes) before its transaction commits.
 */
export async function recordOps(tx: Queryable, ops: ReceivedOp[]): Promise<void> {
  if (ops.length === 0) return;
  const column = <K extends keyof ReceivedOp>(key: K) => ops.map((op) => op[key]);
  const last = ops.at(-1)!;
  await tx.query(
    `WITH received AS (
       INSERT INTO sync_op (op_id, device_id, seq, hlc, entity, entity_id, kind, outcome)
       SELECT op_id, device_id, seq, hlc, entity, entity_id, kind, 'applied'
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::uuid[], $7::text[])
           AS o (op_id, device_id, seq, hlc, entity, entity_id, kind)
       RETURNING 1)
     UPDATE sync_device SET last_seq = $9, last_seen = now() WHERE id = $8`,
    [
      column('opId'),
      column('deviceId'),
      column('seq'),
      column('hlc'),
      column('entity'),
      column('entityId'),
      column('kind'),
      last.deviceId,
      last.seq,
    ],
  );
}

/** The outcomes of received operations that were not simply applied, in one statement. */
export async function setOutcomes(
  tx: Queryable,
  outcomes: { opId: string; outcome: StoredOutcome; error: { code: string; message: string } | null }[],
): Promise<void> {
  if (outcomes.length === 0) return;
  await tx.query(
    `UPDATE sync_op s SET outcome = o.outcome, error = o.error::jsonb
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS o (op_id, outcome, error)
      WHERE s.op_id = o.op_id`,
    [
      outcomes.map((o) => o.opId),
      outcomes.map((o) => o.outcome),
      outcomes.map((o) => (o.error ? JSON.stringify(o.error) : null)),
    ],
  );
}

// The kinds that change a record which exists already, with its table.
const changesExisting: Record<string, string> = {
  'person.update': 'person',
  'person.status': 'person',
  'household.update': 'household',
  'passage.report': 'passage',
};

/**
 * Locks the existing records a device's run of operations will change, each table's in the order
 * of their ids, before any is changed: two runs changing the same passages then wait for each
 * other instead of each holding one the other needs.
 */
export async function lockRecords(tx: Queryable, ops: ReceivedOp[]): Promise<KnownPeople> {
  const people: KnownPeople = new Map();
  for (const table of ['person', 'household', 'passage']) {
    const ids = [
      ...new Set(ops.filter((op) => changesExisting[op.kind] === table).map((op) => op.entityId)),
    ].sort();
    if (ids.length === 0) continue;
    if (table !== 'person') {
      await tx.query(`SELECT 1 FROM ${table} WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
      continue;
    }
    // The people are read as they are locked, with their field clocks: the operations that change
    // them need both, and need not read them again one by one.
    const { rows } = await tx.query<PersonRow & ClocksColumn>(
      `SELECT ${personColumns}, ${clocksOf('person', 'p')} FROM person p
        WHERE p.id = ANY($1::uuid[]) ORDER BY p.id FOR UPDATE OF p`,
      [ids],
    );
    for (const row of rows) people.set(row.id, clocked(row, toPerson)!);
  }
  return people;
}

/** People as a transaction last wrote them, with their field clocks, by id. */
export type KnownPeople = Map<string, Clocked<Person>>;
