import type { Queryable } from '../store/database.ts';
import { appendAudit } from '../store/repos/audit.ts';

/**
 * A command that prints personal data records the read in the audit trail, as the server's hook
 * does for routes: the command's name and the id it was given, no actor account (the command line
 * runs as whoever holds the database's credentials).
 */
export const recordCliRead = (db: Queryable, command: string, entityId: string): Promise<void> =>
  appendAudit(db, {
    actorId: null,
    kind: 'read',
    action: 'read',
    entity: `corridor ${command}`,
    entityId,
    detail: { via: 'cli' },
  });
