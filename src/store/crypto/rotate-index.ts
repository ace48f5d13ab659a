import { randomBytes } from 'node:crypto';
import type { PersonName } from '../../domain/person.ts';
import type { Database } from '../database.ts';
import { FieldCipher, insertKey, isSealed, readKeyRows } from './keyring.ts';
import type { MasterKey } from './master-key.ts';
import { nameKeys } from './name-keys.ts';

// Rotation of the blind-index key without downtime. The index's entries are keyed hashes of name
// words, so a new key means every person's entries computed again. Searches keep working throughout
// because, while there are two index keys, a search looks up a word's entry under each (and a person
// matches under whichever key wrote their entries):
//   1. a new index key is added; new entries are written with it. Running servers read the keys
//      again every few seconds (sealed-store.ts), so after `settle` every one of them writes with
//      the new key and searches with both;
//   2. every person's entries are computed again with the new key from their opened names, a batch
//      per statement; a row whose names changed meanwhile was written by a server with the new key
//      already, or is read again;
//   3. the older index keys are deleted: nothing is found with them any more.
// Run again after an interruption, it finishes the rotation under way rather than starting another.

export interface IndexRotationReport {
  newKey: string;
  removed: string[];
  people: number;
  resumed: boolean;
}

export async function rotateBlindIndex(
  raw: Database,
  master: MasterKey,
  options: { batch: number; settle: () => Promise<void> },
): Promise<IndexRotationReport> {
  const { newKey, resumed } = await raw.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(724020)');
    const rows = (await readKeyRows(tx)).filter((r) => r.purpose === 'index');
    if (rows.length > 1) return { newKey: rows.at(-1)!.id, resumed: true };
    return { newKey: await insertKey(tx, master, 'index', randomBytes(32)), resumed: false };
  });
  await options.settle();
  const cipher = new FieldCipher(master, await readKeyRows(raw));
  let people = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // Read as stored (the names sealed, prefixed so no layer above opens them), opened here.
    const { rows } = await raw.query<{ id: string; names: string }>(
      `SELECT id::text AS id, '=' || (names #>> '{}') AS names FROM person WHERE id > $1 ORDER BY id LIMIT $2`,
      [after, options.batch],
    );
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    let pending = rows.map((row) => ({ id: row.id, sealed: row.names.slice(1) }));
    while (pending.length > 0) {
      const keys = pending.map(({ sealed }) =>
        nameKeys(cipher, (isSealed(sealed) ? cipher.open(sealed) : JSON.parse(sealed)) as PersonName[]),
      );
      // Only where the names are still those the entries were computed from.
      const { rows: written } = await raw.query<{ id: string }>(
        `UPDATE person p SET name_keys = ARRAY(SELECT jsonb_array_elements_text(u.keys))
         FROM jsonb_to_recordset($1::jsonb) AS u (id uuid, sealed text, keys jsonb)
         WHERE p.id = u.id AND p.names #>> '{}' = u.sealed
         RETURNING p.id::text AS id`,
        [JSON.stringify(pending.map((p, i) => ({ id: p.id, sealed: p.sealed, keys: keys[i] })))],
      );
      people += written.length;
      const done = new Set(written.map((w) => w.id));
      const changed = pending.filter((p) => !done.has(p.id)).map((p) => p.id);
      if (changed.length === 0) break;
      const { rows: again } = await raw.query<{ id: string; names: string }>(
        `SELECT id::text AS id, '=' || (names #>> '{}') AS names FROM person WHERE id = ANY ($1::uuid[])`,
        [changed],
      );
      pending = again.map((row) => ({ id: row.id, sealed: row.names.slice(1) }));
    }
  }
  const removed = await raw.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(724020)');
    const { rows } = await tx.query<{ id: string }>(
      "DELETE FROM encryption_key WHERE purpose = 'index' AND id <> $1 RETURNING id",
      [newKey],
    );
    return rows.map((r) => r.id);
  });
  return { newKey, removed, people, resumed };
}
