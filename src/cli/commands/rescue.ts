import { readFileSync } from 'node:fs';
import { CorridorError } from '../../domain/errors.ts';
import { solveSteinerWithDeadline } from '../../planning/rescue/index.ts';
import { DisconnectedTerminalsError } from '../../planning/rescue/reduce.ts';
import { parseStp, StpFormatError, stpProblem } from '../../planning/rescue/stp.ts';
import { checkSteinerTree } from '../../planning/rescue/tree.ts';
import type { Command } from '../args.ts';

// `corridor rescue steiner FILE`: the rescue planner's Steiner machinery on a SteinLib instance,
// the standard benchmark of the problem. The tree is checked here, on the graph as the file gives
// it — a tree, spanning every terminal, its cost summed again from the file's weights — and a
// tree that fails the check is an error, never an answer.

const round = (x: number): number => Math.round(x * 1e9) / 1e9;

export const rescueSteinerCommand: Command = {
  name: 'rescue steiner',
  summary: 'solve a Steiner tree problem from a SteinLib STP file (the rescue planner’s core)',
  usage: 'corridor rescue steiner FILE [--time-limit SECONDS] [--json]',
  positionals: 'FILE',
  options: {
    'time-limit': {
      type: 'string',
      placeholder: 'SECONDS',
      description: 'stop searching after this long and report the best tree and bound (default 10)',
    },
    json: {
      type: 'boolean',
      description: 'print {"cost","lowerBound","optimal","seconds","edges"} as JSON',
    },
  },
  async run(values, positionals, cli) {
    const started = performance.now();
    if (positionals.length !== 1) throw new CorridorError('bad_request', 'give exactly one STP file');
    const file = positionals[0]!;
    const limitText = typeof values['time-limit'] === 'string' ? values['time-limit'] : '10';
    const timeLimit = Number(limitText);
    if (!(Number.isFinite(timeLimit) && timeLimit > 0))
      throw new CorridorError(
        'bad_request',
        `--time-limit must be a positive number of seconds, not ${limitText}`,
      );
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new CorridorError(
        'bad_request',
        `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    let instance: ReturnType<typeof parseStp>;
    try {
      instance = parseStp(text);
    } catch (error) {
      if (error instanceof StpFormatError)
        throw new CorridorError('bad_request', `${file}: ${error.message}`);
      throw error;
    }
    const { problem, edgeOf } = stpProblem(instance);
    let solution: Awaited<ReturnType<typeof solveSteinerWithDeadline>>;
    try {
      solution = await solveSteinerWithDeadline(problem, { timeLimitSeconds: timeLimit });
    } catch (error) {
      if (
        error instanceof DisconnectedTerminalsError ||
        (error as Error).name === 'DisconnectedTerminalsError'
      )
        throw new CorridorError('bad_request', `${file}: ${(error as Error).message}`);
      throw error;
    }
    // Verification on the file's own graph.
    const check = checkSteinerTree(problem, solution.edges);
    const fileCost = solution.edges.reduce((sum, e) => sum + instance.weight[edgeOf[e]!]!, 0);
    if (!check.ok || Math.abs(fileCost - solution.cost) > 1e-6 * Math.max(1, fileCost))
      throw new CorridorError(
        'internal_error',
        `the solver's tree failed verification: ${check.problem ?? `cost ${solution.cost} ≠ ${fileCost}`}`,
      );
    const edges = solution.edges.map(
      (e) => [instance.tail[edgeOf[e]!]!, instance.head[edgeOf[e]!]!] as const,
    );
    const seconds = (performance.now() - started) / 1000;
    const lowerBound = Math.min(solution.lowerBound, fileCost);
    if (values.json) {
      cli.stdout.write(
        `${JSON.stringify({ cost: round(fileCost), lowerBound: round(lowerBound), optimal: solution.optimal, seconds: Math.round(seconds * 1000) / 1000, edges })}\n`,
      );
      return 0;
    }
    const gap = fileCost > 0 ? (100 * (fileCost - lowerBound)) / fileCost : 0;
    const lines = [
      `${instance.name ?? file}: ${instance.nodeCount} nodes, ${instance.tail.length} edges, ${instance.terminals.length} terminals`,
      `tree cost ${round(fileCost)} (${solution.edges.length} edges), found by ${solution.method}`,
      solution.optimal
        ? `optimal: the lower bound equals the cost (${solution.boundMethod})`
        : `lower bound ${round(lowerBound)} (${solution.boundMethod}), gap ${gap.toFixed(2)} %${solution.timedOut ? '; the time limit stopped the search' : ''}`,
      `reductions left ${solution.stats.reducedNodes} nodes, ${solution.stats.reducedEdges} edges, ${solution.stats.reducedTerminals} terminals`,
      `verified: a tree spanning every terminal; ${seconds.toFixed(2)} s`,
      `edges: ${edges
        .slice(0, 30)
        .map(([u, v]) => `${u}-${v}`)
        .join(' ')}${edges.length > 30 ? ` … (${edges.length - 30} more; --json lists all)` : ''}`,
    ];
    cli.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
