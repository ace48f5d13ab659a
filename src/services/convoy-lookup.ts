import type { Convoy } from '../domain/convoy.ts';
import { notFound } from '../domain/errors.ts';
import type { Queryable } from '../store/database.ts';
import { findConvoy } from '../store/repos/convoys.ts';

/** The convoy, or a 404 naming its id; locked until the transaction ends when asked. */
export async function requireConvoy(db: Queryable, id: string, forUpdate = false): Promise<Convoy> {
  const convoy = await findConvoy(db, id, forUpdate);
  if (!convoy) throw notFound('convoy', id);
  return convoy;
}
