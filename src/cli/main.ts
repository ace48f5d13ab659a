import { processContext } from './context.ts';
import { runCommandLine } from './run.ts';

// The `corridor` process: its arguments, its own output and environment (src/cli/run.ts does the rest).
const code = await runCommandLine(process.argv.slice(2), processContext());
if (code !== undefined) process.exitCode = code;
