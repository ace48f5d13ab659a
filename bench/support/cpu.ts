// CPU time spent by the processes doing the work, read from /proc. On a shared machine a rate
// depends on what else runs; the CPU time a registration costs does much less, so it is reported too.
import { readFileSync } from 'node:fs';
import pg from 'pg';

// /proc reports process time in USER_HZ ticks, which Linux fixes at 100 per second.
const ticksPerSecond = 100;

/** User + system CPU seconds of a process so far, or undefined where /proc is not available. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** A meter over a set of processes: call stop() for the CPU seconds they used since start. */
export interface CpuMeter {
  stop(): Promise<number | undefined>;
}

/** CPU of fixed processes (the server) plus, for PostgreSQL, every backend connected to the database. */
export async function startCpuMeter(pids: number[], databaseUrl?: string): Promise<CpuMeter> {
  const backends = async (): Promise<number[]> => {
    if (!databaseUrl) return [];
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      return rows.map((row) => row.pid);
    } finally {
      await client.end();
    }
  };
  const start = new Map<number, number>();
  for (const pid of [...pids, ...(await backends())]) {
    const seconds = processCpuSeconds(pid);
    if (seconds === undefined) return { stop: async () => undefined };
    start.set(pid, seconds);
  }
  return {
    async stop() {
      let total = 0;
      // Backends that connected during the phase count from zero: all their work was in it.
      for (const pid of new Set([...start.keys(), ...pids, ...(await backends())]))
        total += (processCpuSeconds(pid) ?? start.get(pid) ?? 0) - (start.get(pid) ?? 0);
      return total;
    },
  };
}
