import { CorridorError } from '../domain/errors.ts';
import { hasPermission, type Permission, type Role } from '../domain/roles.ts';
import type { Database } from '../store/database.ts';
import type { Actor } from '../store/repos/operations.ts';
import * as repo from '../store/repos/sync.ts';
import { loadPulled, type PulledRecords } from '../store/repos/sync-pull.ts';
import { type SyncOperationKind, syncProtocol } from '../sync/protocol.ts';
import { requireSite } from './sites.ts';
import { applyOp, type SyncOp } from './sync-apply.ts';

// Push and pull of corridor-sync/1 (docs/sync-protocol.md). Each operation is applied in its own
// transaction together with the record that it was received, so a push cut off anywhere leaves
// every operation either wholly applied and recorded or not at all, and pushing again converges.

export interface OpResult {
  opId: string;
  outcome: 'applied' | 'conflict' | 'rejected' | 'gap';
  duplicate: boolean;
  expectedSeq?: number;
  error?: { code: string; message: string };
}

const permissionOf: Record<SyncOperationKind, Permission> = {
  'person.register': 'people:write',
  'person.update': 'people:write',
  'person.status': 'people:status',
  'passage.report': 'passage:report',
  'headcount.report': 'headcount:write',
  'household.create': 'people:write',
  'household.update': 'people:write',
};

export async function push(
  db: Database,
  actor: Actor & { userId: string },
  role: Role,
  ops: SyncOp[],
): Promise<{
  protocol: typeof syncProtocol;
  results: OpResult[];
  devices: { deviceId: string; lastSeq: number }[];
  hlc: string | null;
}> {
  for (const op of ops)
    if (!hasPermission(role, permissionOf[op.kind as SyncOperationKind]))
      throw new CorridorError('forbidden', `operation ${op.opId}: your role may not ${op.kind}`, {
        opId: op.opId,
      });
  const deviceIds = [...new Set(ops.map((op) => op.deviceId))];
  // Bound before anything is applied, atomically: a device first pushed by two accounts at once
  // belongs to one of them, and the other's push is refused whole.
  for (const deviceId of deviceIds)
    if ((await repo.bindDevice(db, deviceId, actor.userId)) !== actor.userId)
      throw repo.deviceOfAnother(deviceId);
  // A device's operations are applied in its own order, whatever order they arrived in.
  const ordered = [...ops].sort((a, b) => (a.deviceId === b.deviceId ? a.seq - b.seq : 0));
  const byOpId = new Map<string, OpResult>();
  for (const op of ordered) byOpId.set(op.opId, await pushOne(db, actor, op));
  const devices = [];
  for (const deviceId of deviceIds)
    devices.push({ deviceId, lastSeq: (await repo.findDevice(db, deviceId))?.lastSeq ?? 0 });
  return {
    protocol: syncProtocol,
    results: ops.map((op) => byOpId.get(op.opId)!),
    devices,
    hlc: await repo.latestHlc(db),
  };
}

async function pushOne(db: Database, actor: Actor & { userId: string }, op: SyncOp): Promise<OpResult> {
  try {
    return await db.transaction(async (tx) => {
      const device = await repo.lockDevice(tx, op.deviceId, actor.userId);
      const seen = await repo.findOp(tx, op.opId);
      if (seen) return stored(op.opId, seen, true);
      const refused = outOfOrder(op, device);
      if (refused) return refused;
      await repo.recordOp(tx, op, 'applied', null);
      const outcome = await applyOp(db, tx, actor, op);
      if (outcome === 'conflict') await repo.setOutcome(tx, op.opId, outcome);
      return { opId: op.opId, outcome, duplicate: false };
    });
  } catch (error) {
    if (!(error instanceof CorridorError)) throw error;
    // Refused by the rules (a bad reference, an illegal value): nothing of it was written. It is
    // recorded as rejected so the device's sequence moves on and a repeat gets the same answer.
    const refusal = { code: error.code, message: error.message };
    return db.transaction(async (tx) => {
      const device = await repo.lockDevice(tx, op.deviceId, actor.userId);
      const seen = await repo.findOp(tx, op.opId);
      if (seen) return stored(op.opId, seen, true);
      const refused = outOfOrder(op, device);
      if (refused) return refused;
      await repo.recordOp(tx, op, 'rejected', refusal);
      return { opId: op.opId, outcome: 'rejected' as const, duplicate: false, error: refusal };
    });
  }
}

const stored = (
  opId: string,
  seen: { outcome: repo.StoredOutcome; error: { code: string; message: string } | null },
  duplicate: boolean,
): OpResult => ({ opId, outcome: seen.outcome, duplicate, ...(seen.error ? { error: seen.error } : {}) });

/** An operation after a gap in its device's sequence waits for the device to send the missing ones. */
function outOfOrder(op: SyncOp, device: repo.Device): OpResult | undefined {
  const expectedSeq = device.lastSeq + 1;
  if (op.seq === expectedSeq) return undefined;
  if (op.seq > expectedSeq) return { opId: op.opId, outcome: 'gap', duplicate: false, expectedSeq };
  return {
    opId: op.opId,
    outcome: 'rejected',
    duplicate: false,
    expectedSeq,
    error: {
      code: 'conflict',
      message: `seq ${op.seq} of device ${op.deviceId} was used by another operation`,
    },
  };
}

/** What changed at a site since the device's checkpoint: each changed record as it is now. */
export async function pull(
  db: Database,
  query: { siteId: string; since: number; limit: number },
): Promise<
  {
    protocol: typeof syncProtocol;
    checkpoint: number;
    more: boolean;
    hlc: string | null;
  } & PulledRecords
> {
  await requireSite(db, query.siteId);
  const { changes, checkpoint, more } = await repo.changedSince(db, query.since, query.limit);
  const ids = (entity: string) => [
    ...new Set(changes.filter((c) => c.entity === entity).map((c) => c.entityId)),
  ];
  const records = await loadPulled(db, query.siteId, {
    people: ids('person'),
    households: ids('household'),
    passages: ids('passage'),
    headcounts: ids('headcount'),
  });
  return { protocol: syncProtocol, checkpoint, more, hlc: await repo.latestHlc(db), ...records };
}
