import type { Queryable } from '../store/database.ts';
import {
  type Actor,
  type FieldStamp,
  type OperationRecord,
  recordOperation,
} from '../store/repos/operations.ts';
import { latestHlc } from '../store/repos/sync.ts';
import { formatHlc, parseHlc, receive, tick } from '../sync/hlc.ts';

// The clock of a field's last write, for every path that writes it. A synced operation brings its
// own; an edit through a web form or a REST route is stamped with the server's clock, taken after
// everything the server has seen, so a later offline write with an older clock does not overwrite
// it, and a device that pulled after it stamps its next change later still.

/** The server's own device id in its clocks (the nil UUID: no device mints it). */
export const serverDevice = '00000000-0000-0000-0000-000000000000';

/** The clock of a write: its hybrid logical clock and the synced operation, if any, that made it. */
export type FieldClock = Omit<FieldStamp, 'fields'>;

/** The server's clock now: later than every clock it has seen and issued. */
export async function serverClock(db: Queryable, now = Date.now()): Promise<FieldClock> {
  const latest = await latestHlc(db);
  const hlc = latest ? receive(null, parseHlc(latest), serverDevice, now) : tick(null, serverDevice, now);
  return { hlc: formatHlc(hlc), opId: null };
}

/**
 * Logs a change with the clock of the fields it wrote, in one statement: the synced operation's
 * clock, or the server's for an edit through a route.
 */
export async function recordStampedOperation(
  tx: Queryable,
  actor: Actor,
  op: OperationRecord,
  fields: string[],
  clock: FieldClock | undefined,
): Promise<void> {
  const stamp = fields.length === 0 ? undefined : (clock ?? (await serverClock(tx)));
  await recordOperation(tx, actor, op, stamp && { fields, ...stamp });
}

/**
 * How a synced operation writes: with its own clock (an edit through a route is stamped with the
 * server's), and with the record as the caller read it after locking it in the same transaction,
 * so the service does not read it again.
 */
export interface SyncedWrite<T> {
  clock?: FieldClock | undefined;
  locked?: T | undefined;
}
