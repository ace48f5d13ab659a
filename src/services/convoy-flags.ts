// The flags of a planned convoy, from the derived state of its pause window at an instant and
// where each party stands on its notification (rules in domain/convoy-flags.ts).
import type { Convoy } from '../domain/convoy.ts';
import { type ConvoyFlag, convoyFlags } from '../domain/convoy-flags.ts';
import type { Queryable } from '../store/database.ts';
import { type PartyStatus, partyStatuses } from './notifications.ts';
import { pauseView } from './pauses.ts';

export async function flagsOf(
  db: Queryable,
  convoy: Convoy,
  at: Date,
  statuses?: readonly PartyStatus[],
): Promise<ConvoyFlag[]> {
  const window = convoy.pauseWindowId ? await pauseView(db, convoy.pauseWindowId, at) : null;
  const parties = statuses ?? (await partyStatuses(db, convoy));
  return convoyFlags({
    window: window
      ? { name: window.name, state: window.derived.state, because: window.derived.because }
      : null,
    parties: parties.map((p) => ({
      id: p.party.id,
      name: p.party.name,
      state: p.state,
      version: p.notification?.version ?? null,
    })),
  });
}
