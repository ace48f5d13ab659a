import { parseArgs } from 'node:util';
import { CorridorError } from '../domain/errors.ts';
import type { CliContext } from './context.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  placeholder?: string;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  positionals?: string;
  run(
    values: Record<string, string | boolean | undefined>,
    positionals: string[],
    cli: CliContext,
  ): Promise<number | undefined>;
}

/** The help text of one command, made from the same options the parser uses. */
export function helpText(command: Command): string {
  const lines = [
    `corridor ${command.name} — ${command.summary}`,
    '',
    `Usage: ${command.usage}`,
    '',
    'Options:',
  ];
  const entries = Object.entries(command.options);
  const width = Math.max(
    12,
    ...entries.map(([name, spec]) => name.length + (spec.placeholder?.length ?? 0) + 3),
  );
  for (const [name, spec] of entries) {
    const left = `--${name}${spec.placeholder ? ` ${spec.placeholder}` : ''}`;
    lines.push(`  ${left.padEnd(width + 2)}${spec.description}`);
  }
  lines.push(`  ${'--help'.padEnd(width + 2)}show this help`);
  return `${lines.join('\n')}\n`;
}

export function parseCommand(command: Command, argv: string[]) {
  const options = Object.fromEntries(
    Object.entries(command.options).map(([name, spec]) => [name, { type: spec.type }]),
  ) as Record<string, { type: 'string' | 'boolean' }>;
  options.help = { type: 'boolean' };
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options,
      allowPositionals: Boolean(command.positionals),
      strict: true,
    });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    throw new CorridorError('bad_request', `${(error as Error).message}\n\n${helpText(command)}`);
  }
}

export function requireOption(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.length === 0)
    throw new CorridorError('bad_request', `--${name} is required`);
  return value;
}
