import { CorridorError } from '../domain/errors.ts';
import type { Database } from '../store/database.ts';
import { systemActor } from '../store/repos/operations.ts';
import { countUsers, type User } from '../store/repos/users.ts';
import { createUser } from './accounts.ts';

export const isInitialised = async (db: Database): Promise<boolean> => (await countUsers(db)) > 0;

/** Creates the first admin of a new database. Refuses on a database that already has users. */
export async function initialise(db: Database, admin: { username: string; password: string }): Promise<User> {
  if (await isInitialised(db))
    throw new CorridorError(
      'conflict',
      'this database is already initialised; add users with `corridor users add`',
    );
  return createUser(db, systemActor, { username: admin.username, role: 'admin', password: admin.password });
}
