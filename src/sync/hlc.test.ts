import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, parseHlc, receive, tick } from './hlc.ts';

const a = '0190a0b0-0000-7000-8000-00000000000a';
const b = '0190a0b0-0000-7000-8000-00000000000b';
const hour = 3_600_000;

describe('hybrid logical clock', () => {
  it('formats as text that sorts as the clock does, and reads back', () => {
    const early = { wall: 1_700_000_000_000, counter: 15, device: a };
    const late = { wall: 1_700_000_000_000, counter: 16, device: a };
    expect(compareHlc(formatHlc(early), formatHlc(late))).toBe(-1);
    expect(parseHlc(formatHlc(late))).toEqual(late);
    expect(() => parseHlc('yesterday')).toThrow();
  });

  it('counts events within one millisecond and never goes back with the wall clock', () => {
    const first = tick(null, a, 1000);
    const second = tick(first, a, 1000);
    const third = tick(second, a, 500);
    expect([first.counter, second.counter, third.counter]).toEqual([0, 1, 2]);
    expect(third.wall).toBe(1000);
    expect(tick(third, a, 2000)).toEqual({ wall: 2000, counter: 0, device: a });
  });

  it('stamps a change made after seeing a clock hours ahead later than that clock', () => {
    const now = 1_700_000_000_000;
    const ahead = tick(null, b, now + 5 * hour);
    const seen = receive(tick(null, a, now), ahead, a, now);
    const next = tick(seen, a, now + 1);
    expect(compareHlc(formatHlc(next), formatHlc(ahead))).toBe(1);
  });
});
