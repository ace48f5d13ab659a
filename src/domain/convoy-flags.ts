// What stands against a convoy setting out: a movement whose pause window is not agreed, that a
// party objected to, or that a party was never told of is flagged before departure. A flagged
// convoy departs only on an explicit override with a reason, which is recorded.

import type { PartyState } from './notification.ts';
import type { PauseState } from './pause.ts';

export const flagCodes = ['window_not_agreed', 'party_objected', 'not_notified'] as const;
export type FlagCode = (typeof flagCodes)[number];

export interface ConvoyFlag {
  code: FlagCode;
  message: string;
  partyId?: string;
}

/** Pause states in which vehicles may move: agreed by another party than the announcer, or begun. */
const movingStates: readonly PauseState[] = ['agreed', 'active'];

export interface FlagInput {
  window: { name: string; state: PauseState; because: string } | null;
  parties: ReadonlyArray<{ id: string; name: string; state: PartyState; version: number | null }>;
}

export function convoyFlags({ window, parties }: FlagInput): ConvoyFlag[] {
  const flags: ConvoyFlag[] = [];
  if (!window) flags.push({ code: 'window_not_agreed', message: 'the convoy relies on no pause window' });
  else if (!movingStates.includes(window.state))
    flags.push({
      code: 'window_not_agreed',
      message: `pause window ${window.name} is ${window.state.replaceAll('_', ' ')}: ${window.because}`,
    });
  for (const p of parties) {
    if (p.state === 'objected')
      flags.push({
        code: 'party_objected',
        message: `${p.name} objected to notification version ${p.version}`,
        partyId: p.id,
      });
    else if (p.state === 'not_notified')
      flags.push({ code: 'not_notified', message: `${p.name} has not been notified`, partyId: p.id });
  }
  return flags;
}
