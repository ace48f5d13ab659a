import type { Queryable } from '../database.ts';

/**
 * The tables a backup holds (all of the public schema but the migrations' own record), parents
 * before children where the foreign keys allow an order.
 */
export async function tablesInKeyOrder(db: Queryable): Promise<string[]> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_version' ORDER BY 1`,
  );
  const { rows: links } = await db.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND c.oid <> p.oid`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const { child, parent } of links) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < parents.size) {
    const waiting = [...parents].filter(([name]) => !placed.has(name));
    const free = waiting.filter(([, ps]) => [...ps].every((p) => placed.has(p)));
    // A cycle (a child's case and the verification that closed it) has no such order; the restore
    // checks foreign keys only once every row is in, so any order of what is left will do.
    const ready = free.length > 0 ? free : waiting;
    for (const [name] of ready) {
      ordered.push(name);
      placed.add(name);
    }
  }
  return ordered;
}

/** Columns filled from a sequence (the operations log's seq), to move on past restored rows. */
export async function sequenceColumns(db: Queryable): Promise<Array<{ table: string; column: string }>> {
  const { rows } = await db.query<{ table: string; column: string }>(
    `SELECT table_name AS table, column_name AS column FROM information_schema.columns
     WHERE table_schema = 'public' AND column_default LIKE 'nextval(%' ORDER BY 1, 2`,
  );
  return rows;
}

/** The foreign keys between public tables, as their definitions, to drop and add again. */
export async function foreignKeys(
  db: Queryable,
): Promise<Array<{ table: string; name: string; definition: string }>> {
  const { rows } = await db.query<{ table: string; name: string; definition: string }>(
    `SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS definition FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' ORDER BY 1, 2`,
  );
  return rows;
}
