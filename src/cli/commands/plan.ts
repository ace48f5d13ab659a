import { readFile } from 'node:fs/promises';
import { CorridorError } from '../../domain/errors.ts';
import { readBep } from '../../planning/evacuation/bep/instance.ts';
import { checkRoutes, routeTime } from '../../planning/evacuation/bep/solution.ts';
import { solveBep } from '../../planning/evacuation/bep/solve.ts';
import type { Command } from '../args.ts';

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CorridorError(
      'bad_request',
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

export const planBepCommand: Command = {
  name: 'plan bep',
  summary: 'solve a Bus Evacuation Problem instance (public text format): minimise the makespan',
  usage: 'corridor plan bep FILE [--time-limit SECONDS] [--json]',
  positionals: 'FILE',
  options: {
    'time-limit': {
      type: 'string',
      placeholder: 'SECONDS',
      description: 'stop searching after this long (default 10)',
    },
    json: {
      type: 'boolean',
      description: 'print {"makespan","lowerBound","optimal","seconds","trips"} as JSON',
    },
  },
  async run(values, positionals, cli) {
    const file = positionals[0];
    if (!file || positionals.length > 1)
      throw new CorridorError('bad_request', 'give exactly one BEP instance file');
    const limit = values['time-limit'] === undefined ? 10 : Number(values['time-limit']);
    if (!(Number.isFinite(limit) && limit > 0))
      throw new CorridorError('bad_request', '--time-limit is a positive number of seconds');
    const inst = readBep(await readText(file));
    const result = await solveBep(inst, { timeLimitSeconds: limit });
    // Check again what is about to be printed: every bus-load moved, no shelter over capacity, and
    // the makespan recomputed from the trips themselves.
    const check = checkRoutes(inst, result.routes);
    if (check.problems.length > 0 || Math.abs(check.makespan - result.makespan) > 1e-9)
      throw new CorridorError(
        'internal_error',
        `the solution failed its check: ${check.problems.join('; ')}`,
      );
    const trips = result.routes.flatMap((route, b) => {
      let clock = 0;
      return route.map((t, k) => {
        const leave = clock;
        const drive =
          k === 0
            ? inst.depotTime[inst.busDepot[b]!]![t.point]!
            : inst.time[t.point]![route[k - 1]!.shelter]!;
        const atPoint = leave + drive;
        clock = atPoint + inst.time[t.point]![t.shelter]!;
        return {
          bus: b + 1,
          depot: inst.busDepot[b]! + 1,
          trip: k + 1,
          collectionPoint: t.point + 1,
          shelter: t.shelter + 1,
          leave,
          atCollectionPoint: atPoint,
          atShelter: clock,
          people: inst.capacity,
        };
      });
    });
    if (values.json) {
      cli.stdout.write(
        `${JSON.stringify({ makespan: result.makespan, lowerBound: result.lowerBound, optimal: result.optimal, seconds: result.seconds, trips })}\n`,
      );
      return 0;
    }
    const lines = [
      `makespan ${result.makespan} (lower bound ${result.lowerBound}${result.optimal ? ', optimal' : ''}; ${result.method}, ${result.seconds.toFixed(2)} s)`,
      ...result.routes.map(
        (route, b) =>
          `bus ${b + 1} (depot ${inst.busDepot[b]! + 1}, ${routeTime(inst, b, route)}): ${
            route.length === 0 ? 'stays' : route.map((t) => `CP${t.point + 1}→S${t.shelter + 1}`).join(' ')
          }`,
      ),
    ];
    cli.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
