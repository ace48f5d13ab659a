import { CorridorError } from './errors.ts';

export const personStatuses = [
  'sheltering',
  'ready',
  'assigned',
  'boarded',
  'arrived',
  'left_reception',
  'declined',
  'missing',
  'deceased',
  'held_at_screening',
  'stayed_behind',
  'merged',
] as const;

export type PersonStatus = (typeof personStatuses)[number];

// The evacuation lifecycle: the main line sheltering → ready → assigned → boarded → arrived →
// left reception, with side states. A person can step back (ready → sheltering when a window is
// cancelled, assigned → ready when a seat is lost), be held at screening while on the road, and be
// found again after being reported missing. Deceased and left reception are final.
const transitions: Record<PersonStatus, readonly PersonStatus[]> = {
  sheltering: ['ready', 'declined', 'missing', 'deceased', 'stayed_behind'],
  ready: ['assigned', 'sheltering', 'declined', 'missing', 'deceased', 'stayed_behind'],
  assigned: ['boarded', 'ready', 'declined', 'missing', 'deceased', 'stayed_behind'],
  boarded: ['arrived', 'held_at_screening', 'missing', 'deceased'],
  arrived: ['left_reception', 'deceased'],
  left_reception: [],
  declined: ['sheltering', 'ready', 'missing', 'deceased'],
  missing: ['sheltering', 'ready', 'boarded', 'arrived', 'held_at_screening', 'deceased'],
  deceased: [],
  held_at_screening: ['boarded', 'arrived', 'missing', 'deceased'],
  stayed_behind: ['sheltering', 'ready', 'missing', 'deceased'],
  // A second registration of someone registered already, merged into the first by a coordinator:
  // not a person of its own any more. Only undoing the merge brings it back, with its old status.
  merged: [],
};

export const allowedNextStatuses = (from: PersonStatus): readonly PersonStatus[] => transitions[from];

export const canTransition = (from: PersonStatus, to: PersonStatus): boolean =>
  transitions[from].includes(to);

export function assertTransition(from: PersonStatus, to: PersonStatus): void {
  if (!canTransition(from, to)) {
    const allowed = transitions[from];
    throw new CorridorError(
      'illegal_transition',
      `status cannot change from ${from} to ${to}; allowed next: ${allowed.length ? allowed.join(', ') : 'none (final)'}`,
      { from, to, allowed },
    );
  }
}
