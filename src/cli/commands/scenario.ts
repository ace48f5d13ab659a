import { once } from 'node:events';
import { createWriteStream, openSync, renameSync, rmSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { CorridorError } from '../../domain/errors.ts';
import { defaultShelterCount, generatorLimits, siteFileText } from '../../scenario/generate/site.ts';
import { type Command, requireOption } from '../args.ts';

function wholeNumber(values: Record<string, string | boolean | undefined>, name: string): number | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number))
    throw new CorridorError('bad_request', `--${name} must be a whole number, not '${String(value)}'`);
  return number;
}

/** Writes every chunk, waiting when the stream is full; a write error ends the loop and is thrown. */
async function writeAll(out: Writable, chunks: Iterable<string>): Promise<void> {
  let failure: Error | undefined;
  const onError = (error: Error) => {
    failure = error;
  };
  out.on('error', onError);
  try {
    for (const chunk of chunks) {
      if (failure) break;
      // once() rejects if the stream fails while we wait for it to drain.
      if (!out.write(chunk)) await once(out, 'drain');
    }
  } finally {
    out.off('error', onError);
  }
  if (failure) throw failure;
}

export const scenarioGenerateCommand: Command = {
  name: 'scenario generate',
  summary: 'generate a site of any size (shelters, passages, households, people) as a site file',
  usage: 'corridor scenario generate --people N [--shelters S] [--seed K] [--out FILE]',
  options: {
    people: {
      type: 'string',
      placeholder: 'N',
      description: `how many people to register (1 to ${generatorLimits.people.toLocaleString('en')})`,
    },
    shelters: {
      type: 'string',
      placeholder: 'S',
      description: 'how many shelters (default: one for every 60 people, at least 3)',
    },
    seed: {
      type: 'string',
      placeholder: 'K',
      description: 'the seed: the same seed and sizes always give the same file (default 1)',
    },
    out: { type: 'string', placeholder: 'FILE', description: 'write to FILE instead of standard output' },
  },
  async run(values, _positionals, cli) {
    requireOption(values, 'people');
    const people = wholeNumber(values, 'people')!;
    const shelters = wholeNumber(values, 'shelters') ?? defaultShelterCount(people);
    const seed = wholeNumber(values, 'seed') ?? 1;
    // Validates the sizes before anything is written.
    const chunks = siteFileText({ people, shelters, seed });
    const first = chunks.next();
    const all = function* () {
      if (!first.done) yield first.value;
      yield* chunks;
    };
    if (typeof values.out !== 'string') {
      try {
        await writeAll(cli.stdout, all());
      } catch (error) {
        // The reader went away (`… | head`): stop quietly, as other command-line tools do.
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
      }
      return 0;
    }
    // Written beside the target and renamed at the end, so a failed run leaves no half file.
    const partial = `${values.out}.partial`;
    let fd: number;
    try {
      fd = openSync(partial, 'w');
    } catch (error) {
      throw new CorridorError(
        'bad_request',
        `cannot write ${values.out}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      );
    }
    const out = createWriteStream(partial, { fd });
    try {
      await writeAll(out, all());
      out.end();
      await once(out, 'finish');
      renameSync(partial, values.out);
    } catch (error) {
      out.destroy();
      rmSync(partial, { force: true });
      throw error;
    }
    cli.stdout.write(`${JSON.stringify({ out: values.out, people, shelters, seed })}\n`);
    return 0;
  },
};
