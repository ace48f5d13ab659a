import { CorridorError } from '../domain/errors.ts';
import { type Command, helpText, parseCommand } from './args.ts';
import { type CommandEntry, commandTable } from './command-table.ts';
import type { CliContext } from './context.ts';

const load = (entries: CommandEntry[]): Promise<Command[]> => Promise.all(entries.map((e) => e.load()));

async function overview(): Promise<string> {
  const commands = await load(commandTable);
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'corridor — coordinating the evacuation and rescue of civilians from a besieged site',
    '',
    'Usage: corridor COMMAND [options]   (corridor COMMAND --help for its options)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Storage: the embedded database in --data-dir (env CORRIDOR_DATA_DIR, default ./corridor-data),',
    'or PostgreSQL when DATABASE_URL is set.',
    '',
  ].join('\n');
}

/** Finds the command whose words (one or two) start argv. */
function findCommand(argv: string[]): { entry: CommandEntry; rest: string[] } | undefined {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const entry = commandTable.find((c) => c.name === name);
    if (entry) return { entry, rest: argv.slice(words) };
  }
  return undefined;
}

async function dispatch(argv: string[], cli: CliContext): Promise<number | undefined> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    cli.stdout.write(await overview());
    return argv.length === 0 ? 1 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = await load(commandTable.filter((c) => c.name.startsWith(`${argv[0]} `)));
    if (group.length > 0 && (argv.length === 1 || argv[1] === '--help')) {
      cli.stdout.write(`Commands:\n${group.map((c) => `  corridor ${c.name} — ${c.summary}`).join('\n')}\n`);
      return argv[1] === '--help' ? 0 : 1;
    }
    cli.stderr.write(`corridor: unknown command '${argv.join(' ')}'\n\n${await overview()}`);
    return 2;
  }
  const command = await found.entry.load();
  const { values, positionals } = parseCommand(command, found.rest);
  if (values.help) {
    cli.stdout.write(helpText(command));
    return 0;
  }
  return command.run(values, positionals, cli);
}

/**
 * Runs one command line (the arguments after `corridor`) and gives its exit status: 2 for a bad
 * request, 1 for any other failure, with the reason on stderr. Undefined when the command keeps
 * running (serve) and the process decides.
 */
export async function runCommandLine(argv: string[], cli: CliContext): Promise<number | undefined> {
  try {
    return await dispatch(argv, cli);
  } catch (error) {
    if (error instanceof CorridorError) {
      cli.stderr.write(`corridor: ${error.message}\n`);
      const problems = (error.details as { problems?: Array<{ path: string; reason: string }> } | undefined)
        ?.problems;
      if (problems && problems.length > 5)
        for (const p of problems) cli.stderr.write(`  ${p.path}: ${p.reason}\n`);
      return error.code === 'bad_request' ? 2 : 1;
    }
    cli.stderr.write(`corridor: unexpected error: ${(error as Error).message}\n`);
    return 1;
  }
}
