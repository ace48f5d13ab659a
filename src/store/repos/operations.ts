import { newId } from '../../domain/ids.ts';
import { sealPersonal } from '../crypto/personal.ts';
import { cipherOf } from '../crypto/sealed-store.ts';
import type { Queryable } from '../database.ts';

/** Who made a change: a user, or the system itself (scenario loading, migrations). */
export interface Actor {
  userId: string | null;
  name: string;
}

export const systemActor: Actor = { userId: null, name: 'system' };

export interface OperationRecord {
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** The clock of the fields a change wrote (src/services/sync-clock.ts). */
export interface FieldStamp {
  fields: string[];
  hlc: string;
  /** The synced operation that wrote them; null for an edit through a route. */
  opId: string | null;
}

const insertOperation =
  'INSERT INTO operation (id, actor_id, actor, entity, entity_id, action, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)';

/**
 * Appends to the operations log; always called with the transaction that makes the change. Given
 * the clock of the fields the change wrote, records it in the same statement (one round trip).
 */
export async function recordOperation(
  tx: Queryable,
  actor: Actor,
  op: OperationRecord,
  stamp?: FieldStamp,
): Promise<void> {
  const cipher = cipherOf(tx);
  const params = [
    newId(),
    actor.userId,
    actor.name,
    op.entity,
    op.entityId,
    op.action,
    jsonOrNull(sealPersonal(cipher, op.before)),
    jsonOrNull(sealPersonal(cipher, op.after)),
  ];
  if (!stamp || stamp.fields.length === 0) {
    await tx.query(insertOperation, params);
    return;
  }
  await tx.query(
    `WITH logged AS (${insertOperation} RETURNING 1)
     INSERT INTO sync_field_clock (entity, entity_id, field, hlc, op_id)
     SELECT $4, $5, field, $10, $11 FROM unnest($9::text[]) AS field
     ON CONFLICT (entity, entity_id, field) DO UPDATE SET hlc = EXCLUDED.hlc, op_id = EXCLUDED.op_id`,
    [...params, stamp.fields, stamp.hlc, stamp.opId],
  );
}

const jsonOrNull = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

export interface Operation {
  id: string;
  seq: number;
  actor: string;
  at: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

interface OperationRow {
  id: string;
  seq: number;
  actor: string;
  at: Date;
  entity: string;
  entity_id: string;
  action: string;
  before: unknown;
  after: unknown;
}

export async function listOperations(
  db: Queryable,
  filter: {
    entity?: string | undefined;
    entityId?: string | undefined;
    afterSeq?: number | undefined;
    limit: number;
  },
): Promise<Operation[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.entity) where.push(`entity = $${params.push(filter.entity)}`);
  if (filter.entityId) where.push(`entity_id = $${params.push(filter.entityId)}`);
  if (filter.afterSeq !== undefined) where.push(`seq > $${params.push(filter.afterSeq)}`);
  const { rows } = await db.query<OperationRow>(
    `SELECT id, seq, actor, at, entity, entity_id, action, before, after FROM operation
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT $${params.push(filter.limit)}`,
    params,
  );
  return rows.map((row) => ({
    id: row.id,
    seq: row.seq,
    actor: row.actor,
    at: row.at.toISOString(),
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before,
    after: row.after,
  }));
}
