import { describe, expect, it } from 'vitest';
import { evacuationPerson } from './priority.ts';

const person = (over: Partial<Parameters<typeof evacuationPerson>[0]>) => ({
  id: 'p',
  vulnerabilities: [],
  triage: null,
  ageBand: '18-59' as const,
  ...over,
});

describe('evacuationPerson', () => {
  it.each([
    [{ vulnerabilities: ['wounded', 'needs_stretcher'], triage: 'T1' }, 't1_wounded', 'stretcher', false],
    [{ vulnerabilities: ['wounded'], triage: 'T2' }, 'other', null, false],
    [{ vulnerabilities: ['unaccompanied_child'], ageBand: '5-11' }, 'unaccompanied_child', null, true],
    [{ ageBand: '12-17' }, 'child', null, true],
    [{ vulnerabilities: ['pregnant'] }, 'pregnant', null, false],
    [{ ageBand: '60+', vulnerabilities: ['needs_wheelchair'] }, 'elderly', 'wheelchair', false],
    [{}, 'other', null, false],
  ] as const)('maps %j to its class, place and age', (over, priority, needs, child) => {
    expect(evacuationPerson(person(over))).toEqual({ id: 'p', priority, needs, child });
  });
});
