// Runs one HiGHS solve in a worker thread; run.ts owns the thread and its hard deadline.
// One HiGHS instance per worker: the thread ends after one solve, which frees its WebAssembly memory.
import { parentPort, workerData } from 'node:worker_threads';
import type { Highs, HighsCallbackMap, InitOptions } from 'highs';
import * as highsModule from 'highs';
import type { SolveRequest, SolveStatus, WorkerMessage } from './messages.ts';

// The package's types describe its CommonJS build, but Node loads its ES module build, whose
// default export is the loader itself.
const loadHighs = highsModule.default as unknown as (options?: InitOptions) => Promise<Highs>;
const request = (workerData as { request: SolveRequest }).request;
const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);

try {
  const highs = await loadHighs();
  const m = request.model;
  const numCols = m.colCost.length;
  const numRows = m.rowLower.length;
  const model = highs.createModel({
    numCols,
    numRows,
    sense:
      m.sense === 'maximize'
        ? highs.constants.objectiveSense.maximize
        : highs.constants.objectiveSense.minimize,
    offset: m.offset,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: m.rowLower,
    rowUpper: m.rowUpper,
    matrix: { format: 'csr', numRows, numCols, starts: m.rowStarts, indices: m.colIndex, values: m.values },
    ...(m.integrality ? { integrality: m.integrality } : {}),
  });
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.01, request.timeLimitSeconds),
      ...(request.relativeGap !== undefined ? { mip_rel_gap: request.relativeGap } : {}),
    });
    if (request.start && m.integrality) model.setSolution({ colValue: request.start });
    const isMip = m.integrality !== null;
    const codes = highs.constants.modelStatus;
    const statusOf = (code: number): SolveStatus =>
      code === codes.optimal
        ? 'optimal'
        : code === codes.infeasible
          ? 'infeasible'
          : code === codes.unbounded || code === codes.unboundedOrInfeasible
            ? 'unbounded'
            : code === codes.timeLimit
              ? 'time_limit'
              : 'other';
    const callbacks: HighsCallbackMap | undefined = isMip
      ? {
          [highs.constants.callbackType.mipImprovingSolution](event) {
            const values = event.data.mip_solution;
            const objective = event.data.objective_function_value;
            if (values && objective !== undefined) post({ kind: 'incumbent', values, objective });
          },
        }
      : undefined;
    const hasPrimal = () => Number(model.info.get('primal_solution_status')) === 2;
    const stages: Array<{ status: SolveStatus; objective: number | null }> = [];
    let status = statusOf(model.run(callbacks).modelStatus);
    let solution = hasPrimal() ? model.getSolution() : null;
    stages.push({ status, objective: solution ? model.getObjectiveValue() : null });
    const dualBound = isMip ? Number(model.info.get('mip_dual_bound')) : null;
    const firstObjective = solution ? model.getObjectiveValue() : null;
    let cost = m.colCost;
    let sense = m.sense;
    for (const stage of request.stages ?? []) {
      if (status !== 'optimal' || !solution) break;
      // Hold the objective just optimised at its optimum, then optimise the next one from there.
      const optimum = model.getObjectiveValue() - m.offset;
      const tolerance = stage.absoluteTolerance + stage.relativeTolerance * Math.abs(optimum);
      const indices: number[] = [];
      const values: number[] = [];
      cost.forEach((c, j) => {
        if (c !== 0) {
          indices.push(j);
          values.push(c);
        }
      });
      if (sense === 'maximize') model.addRow(optimum - tolerance, highs.infinity, { indices, values });
      else model.addRow(-highs.infinity, optimum + tolerance, { indices, values });
      model.changeColsCost({ kind: 'range', from: 0, to: numCols - 1 }, stage.colCost);
      model.changeObjectiveSense(
        stage.sense === 'maximize'
          ? highs.constants.objectiveSense.maximize
          : highs.constants.objectiveSense.minimize,
      );
      model.setSolution({ colValue: solution.colValue });
      cost = stage.colCost;
      sense = stage.sense;
      status = statusOf(model.run(callbacks).modelStatus);
      const next = hasPrimal() ? model.getSolution() : null;
      if (next) solution = next;
      stages.push({ status, objective: next ? model.getObjectiveValue() : null });
    }
    post({
      kind: 'done',
      result: {
        status: stages.every((s) => s.status === 'optimal')
          ? 'optimal'
          : (stages.find((s) => s.status !== 'optimal')?.status ?? status),
        values: solution ? solution.colValue : null,
        objective: firstObjective,
        solverBound: isMip
          ? Number.isFinite(dualBound)
            ? dualBound
            : null
          : stages[0]!.status === 'optimal'
            ? firstObjective
            : null,
        rowDual: !isMip && stages[0]!.status === 'optimal' && solution ? solution.rowDual : null,
        stages,
      },
    });
  } finally {
    model.dispose();
  }
} catch (error) {
  post({
    kind: 'done',
    result: {
      status: 'error',
      values: null,
      objective: null,
      solverBound: null,
      rowDual: null,
      stages: [],
      message: error instanceof Error ? error.message : String(error),
    },
  });
}
