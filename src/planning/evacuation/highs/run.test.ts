import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random.ts';
import { ModelBuilder, objectiveAt, worstViolation } from './model.ts';
import { solveWithHighs } from './run.ts';

describe('solveWithHighs', () => {
  it('solves a MILP in a worker and returns a point that satisfies the model', async () => {
    const b = new ModelBuilder('maximize');
    const chairs = b.addColumn(0, 1000, 30, true);
    const tables = b.addColumn(0, 1000, 50, true);
    b.addRow(Number.NEGATIVE_INFINITY, 40, [chairs, tables], [1, 2]);
    b.addRow(Number.NEGATIVE_INFINITY, 50, [chairs, tables], [2, 1]);
    const model = b.build();
    const result = await solveWithHighs({ model, timeLimitSeconds: 60 });
    expect(result.status).toBe('optimal');
    expect(Array.from(result.values!)).toEqual([20, 10]);
    expect(objectiveAt(model, result.values!)).toBe(1100);
    expect(worstViolation(model, result.values!)).toBe(0);
  });

  it('gives LP duals with which the LP optimum can be re-derived', async () => {
    const b = new ModelBuilder('maximize');
    const x = b.addColumn(0, Number.POSITIVE_INFINITY, 30, false);
    const y = b.addColumn(0, Number.POSITIVE_INFINITY, 50, false);
    b.addRow(Number.NEGATIVE_INFINITY, 40, [x, y], [1, 2]);
    b.addRow(Number.NEGATIVE_INFINITY, 50, [x, y], [2, 1]);
    const result = await solveWithHighs({ model: b.build(), timeLimitSeconds: 60 });
    const dual = Array.from(result.rowDual!, Math.abs);
    expect(40 * dual[0]! + 50 * dual[1]!).toBeCloseTo(result.objective!, 6);
  });

  it('terminates the worker at its deadline and still answers', async () => {
    // A market-split instance (Cornuéjols and Dawande): tiny, and far too hard for a few seconds.
    const random = seededRandom(42);
    const n = 40;
    const b = new ModelBuilder('minimize');
    const cols = Array.from({ length: n }, () => b.addColumn(0, 1, 0, true));
    for (let r = 0; r < 5; r++) {
      const a = cols.map(() => Math.floor(random() * 100));
      const rhs = Math.floor(a.reduce((s, v) => s + v, 0) / 2);
      b.addRow(rhs, rhs, cols, a);
    }
    const started = performance.now();
    const result = await solveWithHighs({ model: b.build(), timeLimitSeconds: 3600 }, { deadlineSeconds: 3 });
    expect(result.status).toBe('deadline');
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  it('terminates the worker when the caller aborts', async () => {
    const b = new ModelBuilder('minimize');
    const x = b.addColumn(0, 1, 1, true);
    b.addRow(1, 1, [x], [1]);
    const controller = new AbortController();
    controller.abort();
    const result = await solveWithHighs(
      { model: b.build(), timeLimitSeconds: 3600 },
      { signal: controller.signal },
    );
    expect(result.status).toBe('deadline');
  });
});
