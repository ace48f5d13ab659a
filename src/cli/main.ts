import { CorridorError } from '../domain/errors.ts';
import { type Command, helpText, parseCommand } from './args.ts';
import { type CommandEntry, commandTable } from './command-table.ts';

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

async function main(argv: string[]): Promise<number | undefined> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    process.stdout.write(await overview());
    return argv.length === 0 ? 1 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = await load(commandTable.filter((c) => c.name.startsWith(`${argv[0]} `)));
    if (group.length > 0 && (argv.length === 1 || argv[1] === '--help')) {
      process.stdout.write(
        `Commands:\n${group.map((c) => `  corridor ${c.name} — ${c.summary}`).join('\n')}\n`,
      );
      return argv[1] === '--help' ? 0 : 1;
    }
    process.stderr.write(`corridor: unknown command '${argv.join(' ')}'\n\n${await overview()}`);
    return 2;
  }
  const command = await found.entry.load();
  const { values, positionals } = parseCommand(command, found.rest);
  if (values.help) {
    process.stdout.write(helpText(command));
    return 0;
  }
  return command.run(values, positionals);
}

try {
  const code = await main(process.argv.slice(2));
  if (code !== undefined) process.exitCode = code;
} catch (error) {
  if (error instanceof CorridorError) {
    process.stderr.write(`corridor: ${error.message}\n`);
    const problems = (error.details as { problems?: Array<{ path: string; reason: string }> } | undefined)
      ?.problems;
    if (problems && problems.length > 5)
      for (const p of problems) process.stderr.write(`  ${p.path}: ${p.reason}\n`);
    process.exitCode = error.code === 'bad_request' ? 2 : 1;
  } else {
    process.stderr.write(`corridor: unexpected error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
