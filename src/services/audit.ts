// Checking the audit chain and reading it for auditors.
import { type AuditEntry, type ChainVerdict, entryHash, genesisHash } from '../domain/audit.ts';
import type { Queryable } from '../store/database.ts';
import {
  type AuditFilter,
  actorNames,
  chainHead,
  chainPage,
  firstMissingOperation,
  listAudit,
  pendingState,
} from '../store/repos/audit.ts';
import { chainPending } from './audit-chainer.ts';

const page = 5000;

/**
 * Chains the entries still pending, then recomputes every entry's hash from its fields and the
 * entry before it, in order, and compares the last with the chain's head: an entry edited, deleted,
 * inserted or moved is named by position. Then checks that each change entry's operation is still
 * in the operations log, and that the entries pending by then (appended while the check ran) are
 * well formed: none already in the chain, none naming an operation that is gone.
 */
export async function verifyAudit(db: Queryable): Promise<ChainVerdict> {
  await chainPending(db);
  const head = await chainHead(db);
  let prevHash = genesisHash;
  let expectedPos = 1;
  let entries = 0;
  let pending = 0;
  const verdict = (broken?: ChainVerdict['broken']): ChainVerdict => ({
    ok: broken === undefined,
    entries,
    headPos: head.pos,
    headHash: head.hash,
    pending,
    ...(broken ? { broken } : {}),
  });
  for (let after = 0; ; ) {
    const rows = await chainPage(db, after, page);
    for (const row of rows) {
      const pos = Number(row.pos);
      if (pos !== expectedPos)
        return verdict({
          pos: expectedPos,
          id: null,
          reason: 'position_gap',
          message: `entry ${expectedPos} is missing (the next entry is ${pos})`,
        });
      if (row.prevHash !== prevHash)
        return verdict({
          pos,
          id: row.id,
          reason: 'previous_hash_mismatch',
          message: `entry ${pos} does not follow entry ${pos - 1}: it carries another previous hash`,
        });
      if (entryHash(prevHash, row) !== row.hash)
        return verdict({
          pos,
          id: row.id,
          reason: 'hash_mismatch',
          message: `entry ${pos} was changed after it was written: its fields no longer give its hash`,
        });
      prevHash = row.hash;
      expectedPos = pos + 1;
      entries += 1;
    }
    if (rows.length < page) break;
    after = Number(rows.at(-1)!.pos);
  }
  if (head.pos !== expectedPos - 1 || head.hash !== prevHash)
    return verdict({
      pos: head.pos,
      id: null,
      reason: 'head_mismatch',
      message:
        head.pos > expectedPos - 1
          ? `entry ${expectedPos} is missing: the chain's head is entry ${head.pos} but the trail ends at ${expectedPos - 1}`
          : `the chain's head (entry ${head.pos}) does not match the last entry (${expectedPos - 1})`,
    });
  const missing = await firstMissingOperation(db);
  if (missing)
    return verdict({
      pos: missing.pos,
      id: missing.id,
      reason: 'operation_missing',
      message: `entry ${missing.pos} records operation ${missing.operationId}, which is no longer in the operations log`,
    });
  const state = await pendingState(db);
  pending = state.pending;
  if (state.malformed)
    return verdict({
      pos: head.pos,
      id: state.malformed.id,
      reason: 'pending_malformed',
      message:
        state.malformed.reason === 'already_chained'
          ? `pending entry ${state.malformed.id} is already in the chain (a replayed entry)`
          : `pending entry ${state.malformed.id} records an operation that is no longer in the operations log`,
    });
  return verdict();
}

export interface AuditRow extends AuditEntry {
  /** The staff account that read or changed (null: the system or the command line). */
  actor: string | null;
}

/** A page of the trail for an auditor, with the usernames of the staff who acted. */
export async function auditPage(db: Queryable, filter: AuditFilter): Promise<AuditRow[]> {
  const entries = await listAudit(db, filter);
  const names = await actorNames(db, [...new Set(entries.flatMap((e) => (e.actorId ? [e.actorId] : [])))]);
  return entries.map((entry) => ({
    ...entry,
    actor: entry.actorId ? (names.get(entry.actorId) ?? null) : null,
  }));
}

/** Every entry the filter selects, page by page (the export of the trail). */
export async function* auditEntries(
  db: Queryable,
  filter: Omit<AuditFilter, 'limit'>,
): AsyncGenerator<AuditRow> {
  let afterPos = filter.afterPos;
  for (;;) {
    const rows = await auditPage(db, { ...filter, afterPos, limit: page });
    yield* rows;
    if (rows.length < page) return;
    afterPos = rows.at(-1)!.pos;
  }
}

export const auditCsvColumns = [
  'pos',
  'at',
  'actor_id',
  'actor',
  'kind',
  'action',
  'entity',
  'entity_id',
  'operation_id',
  'detail',
  'prev_hash',
  'hash',
] as const;

const csvCell = (value: unknown): string => {
  const text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const auditCsvLine = (row: AuditRow): string =>
  `${[
    row.pos,
    row.at,
    row.actorId,
    row.actor,
    row.kind,
    row.action,
    row.entity,
    row.entityId,
    row.operationId,
    row.detail,
    row.prevHash,
    row.hash,
  ]
    .map(csvCell)
    .join(',')}\n`;
