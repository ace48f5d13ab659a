/**
 * A small seeded pseudo-random generator (Marsaglia's xorshift, 32-bit state), so the scenario's
 * invented details (which name, which day of the year someone was born) are the same on every build.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    // xorshift never leaves the all-zero state, so a zero seed is moved off it.
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** A number in [0, 1). */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.state = x;
    return x / 0x1_0000_0000;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
}
