// The plain Bus Evacuation Problem (Bish 2011; Goerigk, Grün and Heßler 2013): buses start at
// depots, shuttle between collection points and shelters carrying one full bus-load per trip, and
// end at a shelter; all demand must reach shelters within their capacity; the makespan — the
// longest bus route — is minimised. Travel between collection points and shelters is symmetric.
import { CorridorError } from '../../../domain/errors.ts';

export interface BepInstance {
  capacity: number;
  /** Depot (0-based) of each bus. */
  busDepot: number[];
  /** People waiting at each collection point, and the trips that makes. */
  demand: number[];
  trips: number[];
  /** People and full bus-loads each shelter takes. */
  shelterCapacity: number[];
  shelterTrips: number[];
  /** depotTime[d][i]: depot d → collection point i. */
  depotTime: number[][];
  /** time[i][j]: collection point i ↔ shelter j. */
  time: number[][];
}

/** Reads the public text format; every malformed part is reported with its line. */
export function readBep(text: string): BepInstance {
  const lines = text
    .split(/\r?\n/)
    .map((line, i) => ({ n: i + 1, fields: line.trim().split(/\s+/).filter(Boolean) }))
    .filter((l) => l.fields.length > 0);
  let at = 0;
  const next = (what: string) => {
    const line = lines[at++];
    if (!line) throw new CorridorError('bad_request', `the BEP file ends before ${what}`);
    const numbers = line.fields.map(Number);
    const bad = line.fields.findIndex(
      (f, k) => !Number.isFinite(numbers[k]) || !/^[-+]?[\d.]+(e[-+]?\d+)?$/i.test(f),
    );
    if (bad >= 0)
      throw new CorridorError(
        'bad_request',
        `line ${line.n}: '${line.fields[bad]}' is not a number (${what})`,
      );
    return { n: line.n, numbers };
  };
  const count = (value: number | undefined, line: number, what: string) => {
    if (value === undefined || !Number.isInteger(value) || value < 0)
      throw new CorridorError('bad_request', `line ${line}: ${what} is a whole number ≥ 0`);
    return value;
  };
  const listOf = (line: { n: number; numbers: number[] }, from: number, length: number, what: string) => {
    if (line.numbers.length !== from + length)
      throw new CorridorError(
        'bad_request',
        `line ${line.n}: expected ${length} ${what}, found ${line.numbers.length - from}`,
      );
    return line.numbers.slice(from);
  };

  const l1 = next('the number of buses and their capacity');
  const buses = count(l1.numbers[0], l1.n, 'the number of buses');
  const capacity = l1.numbers[1];
  if (l1.numbers.length !== 2 || capacity === undefined || !(capacity > 0))
    throw new CorridorError(
      'bad_request',
      `line ${l1.n}: expected the number of buses and a bus capacity > 0`,
    );
  const l2 = next('the depots');
  const depots = count(l2.numbers[0], l2.n, 'the number of depots');
  const perDepot = listOf(l2, 1, depots, 'bus counts (one per depot)').map((v) =>
    count(v, l2.n, 'a bus count'),
  );
  if (perDepot.reduce((a, b) => a + b, 0) !== buses)
    throw new CorridorError(
      'bad_request',
      `line ${l2.n}: the buses per depot add up to ${perDepot.reduce((a, b) => a + b, 0)}, not ${buses}`,
    );
  const l3 = next('the collection points');
  const points = count(l3.numbers[0], l3.n, 'the number of collection points');
  const demand = listOf(l3, 2, points, 'demands').map((v) => count(v, l3.n, 'a demand'));
  if (demand.reduce((a, b) => a + b, 0) !== l3.numbers[1])
    throw new CorridorError(
      'bad_request',
      `line ${l3.n}: the demands add up to ${demand.reduce((a, b) => a + b, 0)}, not ${l3.numbers[1]}`,
    );
  const l4 = next('the shelters');
  const shelters = count(l4.numbers[0], l4.n, 'the number of shelters');
  const shelterCapacity = listOf(l4, 2, shelters, 'capacities').map((v) => count(v, l4.n, 'a capacity'));
  if (shelterCapacity.reduce((a, b) => a + b, 0) !== l4.numbers[1])
    throw new CorridorError(
      'bad_request',
      `line ${l4.n}: the capacities add up to ${shelterCapacity.reduce((a, b) => a + b, 0)}, not ${l4.numbers[1]}`,
    );

  const row = (index: number, length: number, what: string) => {
    const line = next(what);
    if (line.numbers[0] !== index)
      throw new CorridorError('bad_request', `line ${line.n}: expected the row of ${what}`);
    const values = listOf(line, 1, length, 'travel times');
    if (values.some((v) => !(v >= 0)))
      throw new CorridorError('bad_request', `line ${line.n}: travel times are ≥ 0`);
    return values;
  };
  const depotTime = perDepot.map((_, d) => row(d + 1, points, `depot ${d + 1}`));
  const time = demand.map((_, i) => row(i + 1, shelters, `collection point ${i + 1}`));
  if (at < lines.length)
    throw new CorridorError('bad_request', `line ${lines[at]!.n}: unexpected data after the last row`);

  demand.forEach((d, i) => {
    if (d % capacity !== 0)
      throw new CorridorError(
        'bad_request',
        `collection point ${i + 1}: demand ${d} is not a multiple of the bus capacity ${capacity}`,
      );
  });
  const trips = demand.map((d) => d / capacity);
  const shelterTrips = shelterCapacity.map((c) => Math.floor(c / capacity));
  if (trips.reduce((a, b) => a + b, 0) > shelterTrips.reduce((a, b) => a + b, 0))
    throw new CorridorError(
      'bad_request',
      'the shelters cannot take every bus-load: the instance has no solution',
    );
  if (buses === 0 && trips.some((t) => t > 0))
    throw new CorridorError('bad_request', 'people wait but there is no bus');
  const busDepot = perDepot.flatMap((n, d) => Array.from({ length: n }, () => d));
  return { capacity, busDepot, demand, trips, shelterCapacity, shelterTrips, depotTime, time };
}
