import { describe, expect, it } from 'vitest';
import { CorridorError } from './errors.ts';
import { allowedNextStatuses, assertTransition, canTransition, personStatuses } from './lifecycle.ts';

describe('person lifecycle', () => {
  it('follows the main line from sheltering to left reception', () => {
    const line = ['sheltering', 'ready', 'assigned', 'boarded', 'arrived', 'left_reception'] as const;
    for (let i = 0; i + 1 < line.length; i++) expect(canTransition(line[i]!, line[i + 1]!)).toBe(true);
  });

  it('refuses skipping ahead and leaving final states', () => {
    expect(canTransition('sheltering', 'boarded')).toBe(false);
    expect(canTransition('arrived', 'sheltering')).toBe(false);
    expect(allowedNextStatuses('deceased')).toEqual([]);
    expect(allowedNextStatuses('left_reception')).toEqual([]);
  });

  it('explains an illegal transition with the allowed next states', () => {
    try {
      assertTransition('arrived', 'sheltering');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CorridorError);
      expect((error as CorridorError).code).toBe('illegal_transition');
      expect((error as CorridorError).message).toContain('left_reception');
    }
  });

  it('never allows a transition to the same state or to an unknown one', () => {
    for (const status of personStatuses) {
      expect(canTransition(status, status)).toBe(false);
      for (const next of allowedNextStatuses(status)) expect(personStatuses).toContain(next);
    }
  });
});
