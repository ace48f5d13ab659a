import type { Command } from './args.ts';

/**
 * Every command by name, with how to load it. A command's module is imported only when that command
 * runs: `corridor tokens create` then loads the accounts code, not the web server, the planners and
 * the PDF writer, which took seconds of every short command (and of every test that runs one).
 */
export interface CommandEntry {
  name: string;
  load(): Promise<Command>;
}

const entry = (name: string, load: () => Promise<Command>): CommandEntry => ({ name, load });

export const commandTable: CommandEntry[] = [
  entry('init', async () => (await import('./commands/init.ts')).initCommand),
  entry('serve', async () => (await import('./commands/serve.ts')).serveCommand),
  entry('users add', async () => (await import('./commands/users.ts')).usersAddCommand),
  entry('users list', async () => (await import('./commands/users.ts')).usersListCommand),
  entry('tokens create', async () => (await import('./commands/users.ts')).tokensCreateCommand),
  entry('import', async () => (await import('./commands/interchange.ts')).importCommand),
  entry('export', async () => (await import('./commands/interchange.ts')).exportCommand),
  entry('pfif export', async () => (await import('./commands/pfif.ts')).pfifExportCommand),
  entry('pfif import', async () => (await import('./commands/pfif.ts')).pfifImportCommand),
  entry('scenario generate', async () => (await import('./commands/scenario.ts')).scenarioGenerateCommand),
  entry('timeline', async () => (await import('./commands/timeline.ts')).timelineCommand),
  entry('plan bep', async () => (await import('./commands/plan.ts')).planBepCommand),
  entry('plan evacuation', async () => (await import('./commands/plans.ts')).planEvacuationCommand),
  entry('plan accept', async () => (await import('./commands/plans.ts')).planAcceptCommand),
  entry('plan show', async () => (await import('./commands/plans.ts')).planShowCommand),
  entry('rescue steiner', async () => (await import('./commands/rescue.ts')).rescueSteinerCommand),
  entry('rescue plan', async () => (await import('./commands/rescue-plans.ts')).rescuePlanCommand),
  entry('rescue accept', async () => (await import('./commands/rescue-plans.ts')).rescueAcceptCommand),
  entry('rescue progress', async () => (await import('./commands/rescue-plans.ts')).rescueProgressCommand),
  entry('convoys create', async () => (await import('./commands/convoys.ts')).convoysCreateCommand),
  entry('convoys notify', async () => (await import('./commands/convoys.ts')).convoysNotifyCommand),
  entry(
    'convoys notification-export',
    async () => (await import('./commands/convoys.ts')).convoysNotificationExportCommand,
  ),
  entry('export-hxl', async () => (await import('./commands/export-hxl.ts')).exportHxlCommand),
  entry('sitrep', async () => (await import('./commands/sitrep.ts')).sitrepCommand),
  entry('retention apply', async () => (await import('./commands/retention.ts')).retentionApplyCommand),
  entry('audit verify', async () => (await import('./commands/audit.ts')).auditVerifyCommand),
  entry('audit export', async () => (await import('./commands/audit.ts')).auditExportCommand),
  entry('audit anchor', async () => (await import('./commands/audit-anchor.ts')).auditAnchorCommand),
  entry('profiles list', async () => (await import('./commands/audit.ts')).profilesListCommand),
  entry('backup', async () => (await import('./commands/backup.ts')).backupCommand),
  entry('restore', async () => (await import('./commands/backup.ts')).restoreCommand),
  entry('keys rotate', async () => (await import('./commands/keys.ts')).keysRotateCommand),
  entry('bundle enrol', async () => (await import('./commands/bundle.ts')).bundleEnrolCommand),
  entry('bundle export', async () => (await import('./commands/bundle.ts')).bundleExportCommand),
  entry('bundle import', async () => (await import('./commands/bundle.ts')).bundleImportCommand),
  entry(
    'import-submissions',
    async () => (await import('./commands/import-submissions.ts')).importSubmissionsCommand,
  ),
  entry('keys rotate-index', async () => (await import('./commands/keys-index.ts')).keysRotateIndexCommand),
];
