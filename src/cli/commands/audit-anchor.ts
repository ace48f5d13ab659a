// `corridor audit anchor` writes the chain's head, MACed, for the operator to keep off-site; the
// anchors are checked by `corridor audit verify --anchor` (src/services/audit-anchor.ts says why).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorridorError } from '../../domain/errors.ts';
import { type AnchorCheck, checkAnchor, makeAnchor, parseAnchor } from '../../services/audit-anchor.ts';
import type { Queryable } from '../../store/database.ts';
import type { Command } from '../args.ts';
import { dataDirOption, withStore } from '../store.ts';

export const auditAnchorCommand: Command = {
  name: 'audit anchor',
  summary: "write the audit chain's head, with a MAC only the master key makes, to keep off-site",
  usage: 'corridor audit anchor [--out FILE] [--data-dir DIR]',
  options: {
    ...dataDirOption,
    out: {
      type: 'string',
      placeholder: 'FILE',
      description: 'write the anchor to FILE (refused if it exists) instead of standard output',
    },
  },
  async run(values, _positionals, cli) {
    const text = await withStore(
      cli,
      values,
      async (db) => `${JSON.stringify(await makeAnchor(db), null, 2)}\n`,
    );
    if (typeof values.out !== 'string') {
      cli.stdout.write(text);
      return 0;
    }
    try {
      writeFileSync(values.out, text, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      throw new CorridorError('bad_request', `cannot write ${values.out}: ${(error as Error).message}`);
    }
    const anchor = JSON.parse(text) as { pos: number; hash: string };
    cli.stderr.write(`anchored entry ${anchor.pos} (hash ${anchor.hash}) in ${values.out}\n`);
    return 0;
  },
};

/**
 * Reads the anchors at path — one anchor file, or every *.json file of a directory — and checks each
 * against the chain. An unreadable or malformed file is refused before anything is checked.
 */
export async function checkAnchorPath(db: Queryable, path: string): Promise<AnchorCheck[]> {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.endsWith('.json'))
          .sort()
          .map((name) => join(path, name))
      : [path];
  } catch (error) {
    throw new CorridorError('bad_request', `cannot read the anchor ${path}: ${(error as Error).message}`);
  }
  if (files.length === 0) throw new CorridorError('bad_request', `${path} holds no anchor (*.json) files`);
  const anchors = files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new CorridorError('bad_request', `cannot read the anchor ${file}: ${(error as Error).message}`);
    }
    return { file, anchor: parseAnchor(text, file) };
  });
  const checks: AnchorCheck[] = [];
  for (const { file, anchor } of anchors) checks.push(await checkAnchor(db, anchor, file));
  return checks;
}
