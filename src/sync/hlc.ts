// A hybrid logical clock (Kulkarni et al.): wall-clock milliseconds, a counter for events within
// one millisecond or while the wall clock lags what has been seen, and the device as a tie-break.
// A device that has seen a later clock (in a pull) stamps its next change later still, so a change
// made after seeing another wins over it even when the device's own clock is hours behind.

export interface Hlc {
  wall: number;
  counter: number;
  device: string;
}

const maxCounter = 0xffff;

/** Fixed-width text that sorts as the clock does: 15 digits, 4 hex digits, the device id. */
export const formatHlc = (hlc: Hlc): string =>
  `${hlc.wall.toString().padStart(15, '0')}-${hlc.counter.toString(16).padStart(4, '0')}-${hlc.device}`;

export const hlcPattern =
  '^[0-9]{15}-[0-9a-f]{4}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const hlcRegExp = new RegExp(hlcPattern);

export function parseHlc(text: string): Hlc {
  if (!hlcRegExp.test(text)) throw new Error(`not a hybrid logical clock: ${text}`);
  return {
    wall: Number(text.slice(0, 15)),
    counter: Number.parseInt(text.slice(16, 20), 16),
    device: text.slice(21),
  };
}

export const compareHlc = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The clock for a new local event, given the last clock issued or seen and the wall clock now. */
export function tick(last: Hlc | null, device: string, now: number): Hlc {
  if (!last || now > last.wall) return { wall: now, counter: 0, device };
  return bump(last.wall, last.counter, device);
}

/** The clock after receiving a remote one: later than both it and anything issued before. */
export function receive(last: Hlc | null, remote: Hlc, device: string, now: number): Hlc {
  const wall = Math.max(now, last?.wall ?? 0, remote.wall);
  if (wall === now && wall > (last?.wall ?? 0) && wall > remote.wall) return { wall, counter: 0, device };
  const counter = Math.max(
    last && last.wall === wall ? last.counter : -1,
    remote.wall === wall ? remote.counter : -1,
  );
  return bump(wall, counter, device);
}

function bump(wall: number, counter: number, device: string): Hlc {
  // The counter overflows only after 65,536 events in one millisecond: move to the next one.
  return counter >= maxCounter
    ? { wall: wall + 1, counter: 0, device }
    : { wall, counter: counter + 1, device };
}
