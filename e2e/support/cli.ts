import { Writable } from 'node:stream';
import type { CliContext } from '../../src/cli/context.ts';
import { runCommandLine } from '../../src/cli/run.ts';
import { openMigrated, resolveStoreOptions } from '../../src/store/open.ts';

// `corridor` commands run in this process: the same command lines, parsing and commands as
// bin/corridor.js. A spawned command costs tsx's start and seconds of CPU to open the embedded data
// directory; here the directory is opened once for all the commands, and closed after them so that
// a server can open it.

class Collected extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs fn with a function that runs one command line on the data directory and gives its output. */
export async function withCorridorCommands<T>(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  fn: (corridor: (args: string[]) => Promise<string>) => Promise<T>,
): Promise<T> {
  const db = await openMigrated(resolveStoreOptions({ dataDir }, env));
  // Each command closes what it opened: the directory stays open for the next one.
  const openDatabase: CliContext['openDatabase'] = async () => ({
    backend: db.backend,
    query: (sql, params) => db.query(sql, params),
    transaction: (run) => db.transaction(run),
    exec: (sql) => db.exec(sql),
    close: async () => {},
  });
  try {
    return await fn(async (args) => {
      const stdout = new Collected();
      const stderr = new Collected();
      const code = await runCommandLine([...args, '--data-dir', dataDir], {
        stdout,
        stderr,
        env,
        openDatabase,
      });
      if (code !== 0) throw new Error(`corridor ${args.join(' ')} exited with ${code}: ${stderr.text}`);
      return stdout.text.trim();
    });
  } finally {
    await db.close();
  }
}
