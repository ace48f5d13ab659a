import type { AuditEntry, AuditKind, ChainFields } from '../../domain/audit.ts';
import { newId } from '../../domain/ids.ts';
import type { Queryable } from '../database.ts';

export interface NewAuditEntry {
  actorId: string | null;
  kind: AuditKind;
  action: string;
  entity: string;
  entityId: string | null;
  detail: Record<string, unknown> | null;
}

/**
 * Appends entries: written now, in the caller's transaction (so they are kept exactly when what they
 * record is), and given their place in the chain and their hash later by the chainer
 * (audit_chain_pending, migration 015). Several entries go in one statement.
 */
export async function appendAudit(db: Queryable, ...entries: NewAuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const params: unknown[] = [];
  const rows = entries.map((entry) => {
    const at = params.length;
    params.push(
      newId(),
      entry.actorId,
      entry.kind,
      entry.action,
      entry.entity,
      entry.entityId,
      entry.detail ? JSON.stringify(entry.detail) : null,
    );
    return `(${Array.from({ length: 7 }, (_, i) => `$${at + i + 1}`).join(', ')})`;
  });
  await db.query(
    `INSERT INTO audit_pending (id, actor_id, kind, action, entity, entity_id, detail) VALUES ${rows.join(', ')}`,
    params,
  );
}

/** Chains up to `batch` pending entries in one transaction of the database's; returns how many. */
export async function chainPendingBatch(db: Queryable, batch: number): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT audit_chain_pending($1) AS n', [batch]);
  return rows[0]?.n ?? 0;
}

/** How many entries wait in audit_pending, and the first of them that is not well formed. */
export async function pendingState(db: Queryable): Promise<{
  pending: number;
  malformed?: { seq: number; id: string; reason: 'already_chained' | 'operation_missing' };
}> {
  const count = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_pending');
  const { rows } = await db.query<{ seq: number; id: string; chained: boolean }>(
    `SELECT p.seq, p.id, EXISTS (SELECT 1 FROM audit_entry a WHERE a.id = p.id) AS chained
     FROM audit_pending p
     WHERE EXISTS (SELECT 1 FROM audit_entry a WHERE a.id = p.id)
        OR (p.operation_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM operation o WHERE o.id = p.operation_id))
     ORDER BY p.seq LIMIT 1`,
  );
  const row = rows[0];
  return {
    pending: count.rows[0]?.n ?? 0,
    ...(row
      ? {
          malformed: {
            seq: row.seq,
            id: row.id,
            reason: row.chained ? ('already_chained' as const) : ('operation_missing' as const),
          },
        }
      : {}),
  };
}

interface EntryRow {
  pos: number;
  id: string;
  at: Date;
  actor_id: string | null;
  kind: AuditKind;
  action: string;
  entity: string;
  entity_id: string | null;
  operation_id: string | null;
  detail: Record<string, unknown> | null;
  prev_hash: string;
  hash: string;
}

const toEntry = (row: EntryRow): AuditEntry => ({
  pos: row.pos,
  id: row.id,
  at: row.at.toISOString(),
  actorId: row.actor_id,
  kind: row.kind,
  action: row.action,
  entity: row.entity,
  entityId: row.entity_id,
  operationId: row.operation_id,
  detail: row.detail,
  prevHash: row.prev_hash,
  hash: row.hash,
});

export interface AuditFilter {
  afterPos?: number | undefined;
  kind?: AuditKind | undefined;
  actorId?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

export async function listAudit(db: Queryable, filter: AuditFilter): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.afterPos !== undefined) where.push(`pos > $${params.push(filter.afterPos)}`);
  if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`);
  if (filter.actorId) where.push(`actor_id = $${params.push(filter.actorId)}`);
  if (filter.entityId) where.push(`entity_id = $${params.push(filter.entityId)}`);
  if (filter.from) where.push(`at >= $${params.push(filter.from)}`);
  if (filter.to) where.push(`at < $${params.push(filter.to)}`);
  const { rows } = await db.query<EntryRow>(
    `SELECT pos, id, at, actor_id, kind, action, entity, entity_id, operation_id, detail, prev_hash, hash
     FROM audit_entry ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY pos LIMIT $${params.push(filter.limit)}`,
    params,
  );
  return rows.map(toEntry);
}

/** The usernames of the given accounts (staff, not the people in the registry). */
export async function actorNames(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; username: string }>(
    'SELECT id, username FROM app_user WHERE id = ANY ($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row.username]));
}

export interface ChainRow extends ChainFields {
  id: string;
  prevHash: string;
  hash: string;
}

interface ChainRowRaw {
  pos: string;
  id: string;
  at: string;
  actor_id: string | null;
  kind: string;
  action: string;
  entity: string;
  entity_id: string | null;
  operation_id: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** A page of the chain, with every hashed field as text the way the database's trigger renders it. */
export async function chainPage(db: Queryable, afterPos: number, limit: number): Promise<ChainRow[]> {
  const { rows } = await db.query<ChainRowRaw>(
    `SELECT pos::text AS pos, id::text AS id,
       to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
       actor_id::text AS actor_id, kind, action, entity, entity_id, operation_id::text AS operation_id,
       detail::text AS detail, prev_hash, hash
     FROM audit_entry WHERE audit_entry.pos > $1 ORDER BY audit_entry.pos LIMIT $2`,
    [afterPos, limit],
  );
  return rows.map((row) => ({
    pos: row.pos,
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    kind: row.kind,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    operationId: row.operation_id,
    detail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}

export async function chainHead(db: Queryable): Promise<{ pos: number; hash: string }> {
  const { rows } = await db.query<{ pos: number; hash: string }>(
    'SELECT pos, hash FROM audit_head WHERE id = 1',
  );
  return rows[0] ?? { pos: 0, hash: '' };
}

/** The first change entry (by position) whose operation is no longer in the operations log. */
export async function firstMissingOperation(
  db: Queryable,
): Promise<{ pos: number; id: string; operationId: string } | undefined> {
  const { rows } = await db.query<{ pos: number; id: string; operation_id: string }>(
    `SELECT a.pos, a.id, a.operation_id FROM audit_entry a
     WHERE a.operation_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM operation o WHERE o.id = a.operation_id)
     ORDER BY a.pos LIMIT 1`,
  );
  const row = rows[0];
  return row && { pos: row.pos, id: row.id, operationId: row.operation_id };
}

/** A chained entry's position, hash and time (as hashed, to the microsecond), if it is there. */
export async function chainEntry(
  db: Queryable,
  pos: number,
): Promise<{ pos: number; hash: string; at: string } | undefined> {
  const { rows } = await db.query<{ pos: number; hash: string; at: string }>(
    `SELECT pos, hash, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
     FROM audit_entry WHERE pos = $1`,
    [pos],
  );
  return rows[0];
}
