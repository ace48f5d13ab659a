// The audit trail: what an entry says and how the chain of entries is checked. Pure: the hashing
// is the same one the database's audit_chain_pending() does (src/store/migrations/015_audit_chainer.sql).
import { createHash } from 'node:crypto';
import type { AuditKind } from './audit-kinds.ts';
import type { Permission } from './roles.ts';

export { type AuditKind, auditKinds } from './audit-kinds.ts';

/** One entry of the trail: ids and route names only, never a name or a searched word. */
export interface AuditEntry {
  pos: number;
  id: string;
  at: string;
  actorId: string | null;
  kind: AuditKind;
  action: string;
  entity: string;
  entityId: string | null;
  operationId: string | null;
  detail: Record<string, unknown> | null;
  prevHash: string;
  hash: string;
}

/** An entry's hashed fields as the database renders them to text (timestamps to the microsecond). */
export interface ChainFields {
  pos: string;
  at: string;
  actorId: string | null;
  kind: string;
  action: string;
  entity: string;
  entityId: string | null;
  operationId: string | null;
  detail: string | null;
}

export const genesisHash = '0'.repeat(64);

// Each field is its length in bytes and the field, so moving characters between fields changes the
// text; '~' stands for a missing value.
const field = (value: string | null): string =>
  value === null ? '~' : `${Buffer.byteLength(value, 'utf8')}:${value}`;

export function entryHash(prevHash: string, f: ChainFields): string {
  const text = [f.pos, f.at, f.actorId, f.kind, f.action, f.entity, f.entityId, f.operationId, f.detail]
    .map(field)
    .join('');
  return createHash('sha256')
    .update(prevHash + text, 'utf8')
    .digest('hex');
}

/**
 * Reads of personal data, whatever the route: a successful GET of a route declaring one of these
 * permissions is recorded. Routes that read only counts, the site's shape or pauses are not.
 */
export const personalReadPermissions: ReadonlySet<Permission> = new Set<Permission>([
  'people:read',
  'operations:read',
  'plans:read',
  'convoys:read',
  'alerts:read',
  'tracing:read',
  'children:read',
  'data:export',
  'tracing:exchange',
]);

/** Why the chain is broken at an entry. */
export type ChainBreak =
  | 'hash_mismatch'
  | 'previous_hash_mismatch'
  | 'position_gap'
  | 'head_mismatch'
  | 'operation_missing'
  | 'pending_malformed';

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  headPos: number;
  headHash: string;
  /** Entries recorded but not yet chained when the check ended (appended while it ran). */
  pending: number;
  /** The first entry that does not fit, and why. */
  broken?: { pos: number; id: string | null; reason: ChainBreak; message: string };
}
