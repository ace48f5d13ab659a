import { CorridorError } from '../domain/errors.ts';
import { hasPermission, type Permission, type Role } from '../domain/roles.ts';
import type { Database, Queryable } from '../store/database.ts';
import type { Actor } from '../store/repos/operations.ts';
import * as repo from '../store/repos/sync.ts';
import { loadPulled, type PulledRecords } from '../store/repos/sync-pull.ts';
import { type SyncOperationKind, syncProtocol } from '../sync/protocol.ts';
import { requireSite } from './sites.ts';
import { applyOp, applyRegistrations, type SyncOp } from './sync-apply.ts';

// Push and pull of corridor-sync/1 (docs/sync-protocol.md). A device's operations of a push are
// applied in one transaction, together with the records that they were received, so a push cut off
// anywhere leaves every operation either wholly applied and recorded or not at all, and pushing
// again converges.

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
  const byOpId = new Map<string, OpResult>();
  for (const deviceId of deviceIds) {
    const run = ops.filter((op) => op.deviceId === deviceId).sort((a, b) => a.seq - b.seq);
    for (const result of await pushRun(db, actor, run)) byOpId.set(result.opId, result);
  }
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

// Deadlock and serialization failure: PostgreSQL undid the whole transaction, so trying it again
// is safe. Locking the records a run changes first (lockRecords) makes them rare.
const retryable = new Set(['40P01', '40001']);
const attempts = 5;

/**
 * Nearly every run applies whole, so it is first applied without savepoints (two round trips per
 * operation fewer). If the rules refuse one of its operations, that transaction is undone and the
 * run applied again, each operation under a savepoint, so that only the refused ones are left out:
 * the outcome is the same as if it had gone that way from the start.
 */
async function pushRun(db: Database, actor: Actor & { userId: string }, run: SyncOp[]): Promise<OpResult[]> {
  let careful = false;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => applyRun(db, tx, actor, run, careful));
    } catch (error) {
      if (!careful && error instanceof CorridorError) {
        careful = true;
        continue;
      }
      const code = (error as { code?: unknown } | null)?.code;
      if (attempt >= attempts || typeof code !== 'string' || !retryable.has(code)) throw error;
    }
  }
}

/**
 * One device's operations of a push, in its order (passage reports last), in one transaction holding
 * the device's row. Careful: each operation is applied under a savepoint, so one the rules refuse is
 * undone alone and recorded as rejected, and the others stand; otherwise a refusal is thrown. The
 * transaction commits all of them with their records, or none.
 */
async function applyRun(
  db: Database,
  tx: Queryable,
  actor: Actor & { userId: string },
  run: SyncOp[],
  careful: boolean,
): Promise<OpResult[]> {
  const device = await repo.lockDevice(tx, run[0]!.deviceId, actor.userId);
  const seen = await repo.findOps(
    tx,
    run.map((op) => op.opId),
  );
  // Which operations are received now: those that continue the device's sequence without a gap.
  const results = new Map<string, OpResult>();
  const received: SyncOp[] = [];
  const planned = new Set<string>();
  let lastSeq = device.lastSeq;
  for (const op of run) {
    // The same operation twice in one push is received once.
    if (planned.has(op.opId)) continue;
    planned.add(op.opId);
    const before = seen.get(op.opId);
    if (before) results.set(op.opId, stored(op.opId, before, true));
    else {
      const refused = outOfOrder(op, lastSeq);
      if (refused) results.set(op.opId, refused);
      else {
        received.push(op);
        lastSeq = op.seq;
      }
    }
  }
  if (received.length === 0) return [...results.values()];
  // Every team reports the same few passages, and a passage's row stays locked until the transaction
  // commits: its reports are applied last, their passages locked just before, so the other devices'
  // pushes wait for them only while this one ends. A passage report reads and writes nothing but
  // its passage, and no other operation reads passages, so this order gives the same result as the
  // device's own.
  const shared = received.filter((op) => op.kind === 'passage.report');
  const own = received.filter((op) => op.kind !== 'passage.report');
  const known = await repo.lockRecords(tx, own);
  // Recorded first, as applied: the field clocks and conflicts an operation writes refer to it.
  await repo.recordOps(tx, received);
  const corrected: Parameters<typeof repo.setOutcomes>[1] = [];
  const applied = (op: SyncOp, outcome: 'applied' | 'conflict'): void => {
    if (outcome === 'conflict') corrected.push({ opId: op.opId, outcome, error: null });
    results.set(op.opId, { opId: op.opId, outcome, duplicate: false });
  };
  const ordered = [...own, ...shared];
  for (let i = 0; i < ordered.length; i++) {
    const op = ordered[i]!;
    if (op === shared[0]) await repo.lockRecords(tx, shared);
    if (!careful) {
      // Registrations in a row are written by one statement (a refusal makes the push careful).
      const stretch = registrationsFrom(ordered, i);
      if (stretch.length > 1) {
        await applyRegistrations(db, tx, actor, stretch);
        for (const registered of stretch) applied(registered, 'applied');
        i += stretch.length - 1;
        continue;
      }
      applied(op, await applyOp(db, tx, actor, op, known));
      continue;
    }
    await tx.query('SAVEPOINT sync_op');
    try {
      const outcome = await applyOp(db, tx, actor, op);
      await tx.query('RELEASE SAVEPOINT sync_op');
      applied(op, outcome);
    } catch (error) {
      if (!(error instanceof CorridorError)) throw error;
      // Refused by the rules (a bad reference, an illegal value): nothing of it stays written. It
      // is recorded as rejected so the device's sequence moves on and a repeat gets the same answer.
      await tx.query('ROLLBACK TO SAVEPOINT sync_op');
      await tx.query('RELEASE SAVEPOINT sync_op');
      const refusal = { code: error.code, message: error.message };
      corrected.push({ opId: op.opId, outcome: 'rejected', error: refusal });
      results.set(op.opId, { opId: op.opId, outcome: 'rejected', duplicate: false, error: refusal });
    }
  }
  await repo.setOutcomes(tx, corrected);
  return [...results.values()];
}

type Registration = Extract<SyncOp, { kind: 'person.register' }>;

/** The registrations in a row from the ith operation (none if it is not one). */
function registrationsFrom(ops: SyncOp[], i: number): Registration[] {
  const stretch: Registration[] = [];
  for (let j = i; j < ops.length; j++) {
    const op = ops[j]!;
    if (op.kind !== 'person.register') break;
    stretch.push(op);
  }
  return stretch;
}

const stored = (
  opId: string,
  seen: { outcome: repo.StoredOutcome; error: { code: string; message: string } | null },
  duplicate: boolean,
): OpResult => ({ opId, outcome: seen.outcome, duplicate, ...(seen.error ? { error: seen.error } : {}) });

/** An operation after a gap in its device's sequence waits for the device to send the missing ones. */
function outOfOrder(op: SyncOp, lastSeq: number): OpResult | undefined {
  const expectedSeq = lastSeq + 1;
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
