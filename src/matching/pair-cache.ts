// A hash table from a pair of small integers to a number, in typed arrays: duplicate detection
// looks up tens of millions of name-pair similarities, and a Map would allocate for each new
// double it stores and hash large keys slowly.
export class PairCache {
  private capacity: number;
  private first: Int32Array;
  private second: Int32Array;
  private values: Float64Array;
  private used = 0;

  /** `capacity` is rounded up to a power of two; the table empties itself when 3/4 full. */
  constructor(capacity = 1 << 20) {
    this.capacity = 2 ** Math.ceil(Math.log2(Math.max(16, capacity)));
    this.first = new Int32Array(this.capacity).fill(-1);
    this.second = new Int32Array(this.capacity);
    this.values = new Float64Array(this.capacity);
  }

  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    const mask = this.capacity - 1;
    let at = h & mask;
    while (this.first[at] !== -1 && (this.first[at] !== a || this.second[at] !== b)) at = (at + 1) & mask;
    return at;
  }

  /** The value stored for (a, b), or -1 (stored values are never negative). a and b are ≥ 0. */
  get(a: number, b: number): number {
    const at = this.slot(a, b);
    return this.first[at] === -1 ? -1 : this.values[at]!;
  }

  set(a: number, b: number, value: number): void {
    if (this.used >= (this.capacity * 3) / 4) {
      // Starting again costs recomputation of what is needed next, never a wrong answer.
      this.first.fill(-1);
      this.used = 0;
    }
    const at = this.slot(a, b);
    if (this.first[at] === -1) this.used++;
    this.first[at] = a;
    this.second[at] = b;
    this.values[at] = value;
  }
}
