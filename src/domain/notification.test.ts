import { describe, expect, it } from 'vitest';
import { nameFieldsIn, passengerCounts } from './notification.ts';

describe('what a notification may say', () => {
  it('finds every key that names or lists people, however it is spelt or nested', () => {
    expect(nameFieldsIn({ channel: 'email', partyIds: ['a'] })).toEqual([]);
    expect(
      nameFieldsIn({
        Passengers: [{ x: 1 }],
        note: { full_name: 'x', list: [{ person_ids: [] }] },
        given: 'x',
      }),
    ).toEqual(['/Passengers', '/note/full_name', '/note/list/0/person_ids', '/given']);
    expect(nameFieldsIn(null)).toEqual([]);
  });

  it('counts passengers by category: ages add up to the total, medical needs cut across', () => {
    const counts = passengerCounts([
      { ageBand: '5-11', vulnerabilities: ['child'], triage: null },
      { ageBand: '18-59', vulnerabilities: ['wounded', 'needs_stretcher'], triage: 'T1' },
      { ageBand: '60+', vulnerabilities: ['needs_wheelchair', 'wounded'], triage: 'T2' },
      { ageBand: null, vulnerabilities: ['elderly'], triage: null },
      { ageBand: null, vulnerabilities: ['pregnant'], triage: null },
    ]);
    expect(counts).toEqual({
      total: 5,
      children: 1,
      adults: 1,
      elderly: 2,
      ageNotRecorded: 1,
      t1Wounded: 1,
      otherWounded: 1,
      stretcherCases: 1,
      wheelchairUsers: 1,
      pregnant: 1,
    });
  });
});
