// A convoy's departure, cancellation and arrival. Departure locks the manifest; a flagged convoy
// departs only on an override with a reason, kept in the operations log beside the flags it
// overrode. Entries never boarded raise their alerts in the same transaction.
import { assertConvoyTransition, type Convoy } from '../domain/convoy.ts';
import type { ConvoyFlag } from '../domain/convoy-flags.ts';
import { CorridorError } from '../domain/errors.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import * as repo from '../store/repos/convoys.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import { raiseArrivalAlerts, raiseDepartureAlerts } from './alerts.ts';
import { flagsOf } from './convoy-flags.ts';
import { requireConvoy } from './convoy-lookup.ts';

export interface DepartInput {
  /** When it set out (default now); the flags are judged as at this instant. */
  departedAt?: string | undefined;
  override?: { reason: string } | undefined;
}

export interface Departure {
  convoy: Convoy;
  flags: ConvoyFlag[];
  override: { reason: string } | null;
  /** Manifest entries never boarded: each raised an alert. */
  alertsRaised: number;
}

const instant = (value: string | undefined): string =>
  value ? new Date(value).toISOString() : new Date().toISOString();

export function departConvoy(db: Database, actor: Actor, id: string, input: DepartInput): Promise<Departure> {
  return translating(() =>
    db.transaction(async (tx) => {
      const convoy = await requireConvoy(tx, id, true);
      assertConvoyTransition(convoy.code, convoy.status, 'departed');
      const at = instant(input.departedAt);
      const flags = await flagsOf(tx, convoy, new Date(at));
      const reason = input.override?.reason.trim();
      if (flags.length > 0 && !reason)
        throw new CorridorError(
          'conflict',
          `convoy ${convoy.code} is flagged: ${flags.map((f) => f.message).join('; ')}. Depart with an override and a reason to go anyway`,
          { flags },
        );
      const override = reason ? { reason } : null;
      await repo.setStatus(tx, convoy.id, { status: 'departed', at });
      await recordOperation(tx, actor, {
        entity: 'convoy',
        entityId: convoy.id,
        action: 'depart',
        before: { status: convoy.status },
        after: { status: 'departed', departedAt: at, manifestLockedAt: at, flags, override },
      });
      const alertsRaised = await raiseDepartureAlerts(tx, actor, convoy.id);
      return { convoy: (await repo.findConvoy(tx, convoy.id))!, flags, override, alertsRaised };
    }),
  );
}

export function cancelConvoy(db: Database, actor: Actor, id: string, reason: string): Promise<Convoy> {
  return translating(() =>
    db.transaction(async (tx) => {
      const convoy = await requireConvoy(tx, id, true);
      assertConvoyTransition(convoy.code, convoy.status, 'cancelled');
      const why = reason.trim();
      if (why.length < 3)
        throw new CorridorError(
          'validation_failed',
          'reason: say in a few words why the convoy is cancelled',
          {
            field: 'reason',
          },
        );
      const counts = await repo.manifestCounts(tx, [convoy.id]);
      const boarded = counts.filter((c) => c.status === 'boarded').reduce((n, c) => n + c.n, 0);
      // Nobody is left on a bus that is not going: those aboard must be seen off it first.
      if (boarded > 0)
        throw new CorridorError(
          'conflict',
          `${boarded} ${boarded === 1 ? 'person has' : 'people have'} boarded convoy ${convoy.code}: it cannot be cancelled with people aboard`,
          { boarded },
        );
      const at = new Date().toISOString();
      await repo.setStatus(tx, convoy.id, { status: 'cancelled', at, reason: why });
      await recordOperation(tx, actor, {
        entity: 'convoy',
        entityId: convoy.id,
        action: 'cancel',
        before: { status: convoy.status },
        after: { status: 'cancelled', cancelledAt: at, reason: why },
      });
      return (await repo.findConvoy(tx, convoy.id))!;
    }),
  );
}

/**
 * Records a departed convoy as arrived at its reception point, inside the caller's transaction
 * (the arrive route, or a road event that brings the last vehicle in).
 */
export async function recordArrival(
  tx: Queryable,
  actor: Actor,
  convoy: Convoy,
  arrivedAt: string,
): Promise<Convoy> {
  assertConvoyTransition(convoy.code, convoy.status, 'arrived');
  if (convoy.departedAt && Date.parse(arrivedAt) < Date.parse(convoy.departedAt))
    throw new CorridorError(
      'validation_failed',
      `arrivedAt: ${arrivedAt} is before the convoy departed (${convoy.departedAt})`,
      { field: 'arrivedAt' },
    );
  await repo.setStatus(tx, convoy.id, { status: 'arrived', at: arrivedAt });
  await recordOperation(tx, actor, {
    entity: 'convoy',
    entityId: convoy.id,
    action: 'arrive',
    before: { status: convoy.status },
    after: { status: 'arrived', arrivedAt },
  });
  await raiseArrivalAlerts(tx, actor, convoy.id);
  return (await repo.findConvoy(tx, convoy.id))!;
}

export function arriveConvoy(
  db: Database,
  actor: Actor,
  id: string,
  input: { arrivedAt?: string | undefined },
): Promise<Convoy> {
  return translating(() =>
    db.transaction(async (tx) =>
      recordArrival(tx, actor, await requireConvoy(tx, id, true), instant(input.arrivedAt)),
    ),
  );
}
