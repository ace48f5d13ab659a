import { CorridorError } from '../domain/errors.ts';
import { type Command, helpText, parseCommand } from './args.ts';
import {
  convoysCreateCommand,
  convoysNotificationExportCommand,
  convoysNotifyCommand,
} from './commands/convoys.ts';
import { exportHxlCommand } from './commands/export-hxl.ts';
import { auditExportCommand, auditVerifyCommand, profilesListCommand } from './commands/audit.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { initCommand } from './commands/init.ts';
import { keysRotateCommand } from './commands/keys.ts';
import { exportCommand, importCommand } from './commands/interchange.ts';
import { pfifExportCommand, pfifImportCommand } from './commands/pfif.ts';
import { planBepCommand } from './commands/plan.ts';
import { planAcceptCommand, planEvacuationCommand, planShowCommand } from './commands/plans.ts';
import { rescueSteinerCommand } from './commands/rescue.ts';
import { retentionApplyCommand } from './commands/retention.ts';
import { rescueAcceptCommand, rescuePlanCommand, rescueProgressCommand } from './commands/rescue-plans.ts';
import { scenarioGenerateCommand } from './commands/scenario.ts';
import { serveCommand } from './commands/serve.ts';
import { sitrepCommand } from './commands/sitrep.ts';
import { timelineCommand } from './commands/timeline.ts';
import { tokensCreateCommand, usersAddCommand, usersListCommand } from './commands/users.ts';

const commands: Command[] = [
  initCommand,
  serveCommand,
  usersAddCommand,
  usersListCommand,
  tokensCreateCommand,
  importCommand,
  exportCommand,
  pfifExportCommand,
  pfifImportCommand,
  scenarioGenerateCommand,
  timelineCommand,
  planBepCommand,
  planEvacuationCommand,
  planAcceptCommand,
  planShowCommand,
  rescueSteinerCommand,
  rescuePlanCommand,
  rescueAcceptCommand,
  rescueProgressCommand,
  convoysCreateCommand,
  convoysNotifyCommand,
  convoysNotificationExportCommand,
  exportHxlCommand,
  retentionApplyCommand,
  sitrepCommand,
  auditVerifyCommand,
  auditExportCommand,
  profilesListCommand,
  backupCommand,
  restoreCommand,
  keysRotateCommand,
];

function overview(): string {
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
function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const command = commands.find((c) => c.name === name);
    if (command) return { command, rest: argv.slice(words) };
  }
  return undefined;
}

async function main(argv: string[]): Promise<number | undefined> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    process.stdout.write(overview());
    return argv.length === 0 ? 1 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = commands.filter((c) => c.name.startsWith(`${argv[0]} `));
    if (group.length > 0 && (argv.length === 1 || argv[1] === '--help')) {
      process.stdout.write(
        `Commands:\n${group.map((c) => `  corridor ${c.name} — ${c.summary}`).join('\n')}\n`,
      );
      return argv[1] === '--help' ? 0 : 1;
    }
    process.stderr.write(`corridor: unknown command '${argv.join(' ')}'\n\n${overview()}`);
    return 2;
  }
  const { values, positionals } = parseCommand(found.command, found.rest);
  if (values.help) {
    process.stdout.write(helpText(found.command));
    return 0;
  }
  return found.command.run(values, positionals);
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
