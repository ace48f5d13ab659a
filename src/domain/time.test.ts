import { describe, expect, it } from 'vitest';
import { instantOf, offsetMinutes, showIn } from './time.ts';

describe('wall-clock times in a zone', () => {
  it('reads 08:00 Moscow time in May 2022 as 05:00 UTC', () => {
    expect(instantOf('2022-05-05T08:00', 'Europe/Moscow').toISOString()).toBe('2022-05-05T05:00:00.000Z');
  });

  it('follows Kyiv across its daylight-saving change while Moscow stays at +3', () => {
    const winter = instantOf('2022-03-26T08:00', 'Europe/Moscow');
    const summer = instantOf('2022-03-28T08:00', 'Europe/Moscow');
    expect(showIn(winter, 'Europe/Kyiv')).toEqual({
      local: '2022-03-26T07:00',
      zone: 'Europe/Kyiv',
      offset: '+02:00',
    });
    expect(showIn(summer, 'Europe/Kyiv')).toEqual({
      local: '2022-03-28T08:00',
      zone: 'Europe/Kyiv',
      offset: '+03:00',
    });
    expect(offsetMinutes(summer, 'Europe/Moscow')).toBe(180);
  });

  it('refuses a time skipped by the spring-forward change and takes the earlier of a repeated hour', () => {
    expect(() => instantOf('2022-03-27T03:30', 'Europe/Kyiv')).toThrow(/does not exist/);
    // 2022-10-30 03:30 happened twice in Kyiv: first at +03:00, then at +02:00.
    expect(instantOf('2022-10-30T03:30', 'Europe/Kyiv').toISOString()).toBe('2022-10-30T00:30:00.000Z');
  });

  it('refuses dates that are not on the calendar and unknown zones', () => {
    expect(() => instantOf('2022-02-30T08:00', 'Europe/Kyiv')).toThrow(/not a local date/);
    expect(() => instantOf('2022-05-05T08:00', 'Mars/Olympus')).toThrow(/not an IANA time zone/);
  });
});
