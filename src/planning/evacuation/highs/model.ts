// A linear or mixed-integer model as plain data (rows in compressed sparse row form), so it can be
// built anywhere, copied to a solver worker and checked against the solver's answer afterwards.

export interface LinearModel {
  sense: 'minimize' | 'maximize';
  offset: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 for an integer column, 0 for a continuous one; null for a pure LP. */
  integrality: Int32Array | null;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** Row i holds entries rowStarts[i] … rowStarts[i+1]-1 of colIndex/values. */
  rowStarts: Int32Array;
  colIndex: Int32Array;
  values: Float64Array;
}

/** Collects columns and rows one at a time and packs them into a LinearModel. */
export class ModelBuilder {
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly integer: number[] = [];
  private readonly rowLo: number[] = [];
  private readonly rowHi: number[] = [];
  private readonly starts: number[] = [0];
  private readonly index: number[] = [];
  private readonly coef: number[] = [];
  offset = 0;

  constructor(readonly sense: 'minimize' | 'maximize') {}

  get numCols(): number {
    return this.cost.length;
  }

  get numRows(): number {
    return this.rowLo.length;
  }

  addColumn(lower: number, upper: number, cost: number, integer: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  /** Adds lower ≤ Σ values[k]·x[columns[k]] ≤ upper; repeated columns are summed. */
  addRow(lower: number, upper: number, columns: readonly number[], values: readonly number[]): number {
    const merged = new Map<number, number>();
    columns.forEach((c, k) => {
      merged.set(c, (merged.get(c) ?? 0) + values[k]!);
    });
    for (const [c, v] of [...merged].sort((a, b) => a[0] - b[0])) {
      if (v === 0) continue;
      this.index.push(c);
      this.coef.push(v);
    }
    this.starts.push(this.index.length);
    this.rowLo.push(lower);
    this.rowHi.push(upper);
    return this.rowLo.length - 1;
  }

  build(): LinearModel {
    const hasInteger = this.integer.some((v) => v === 1);
    return {
      sense: this.sense,
      offset: this.offset,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      integrality: hasInteger ? Int32Array.from(this.integer) : null,
      rowLower: Float64Array.from(this.rowLo),
      rowUpper: Float64Array.from(this.rowHi),
      rowStarts: Int32Array.from(this.starts),
      colIndex: Int32Array.from(this.index),
      values: Float64Array.from(this.coef),
    };
  }
}

/** The objective of a model at a point, recomputed here rather than taken from the solver. */
export function objectiveAt(model: LinearModel, x: ArrayLike<number>): number {
  let total = model.offset;
  for (let j = 0; j < model.colCost.length; j++) total += model.colCost[j]! * x[j]!;
  return total;
}

/** The largest violation of a bound, row or integrality at a point (0 when feasible). */
export function worstViolation(model: LinearModel, x: ArrayLike<number>): number {
  let worst = 0;
  for (let j = 0; j < model.colCost.length; j++) {
    const v = x[j]!;
    worst = Math.max(worst, model.colLower[j]! - v, v - model.colUpper[j]!);
    if (model.integrality?.[j] === 1) worst = Math.max(worst, Math.abs(v - Math.round(v)));
  }
  for (let i = 0; i < model.rowLower.length; i++) {
    let activity = 0;
    for (let k = model.rowStarts[i]!; k < model.rowStarts[i + 1]!; k++)
      activity += model.values[k]! * x[model.colIndex[k]!]!;
    worst = Math.max(worst, model.rowLower[i]! - activity, activity - model.rowUpper[i]!);
  }
  return worst;
}
