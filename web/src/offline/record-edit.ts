import { newId } from '../../../src/domain/ids.ts';
import type { SyncEngine } from './sync-engine.ts';

/** What a field form saved: a new record with every field, or an existing one's changed fields. */
export type Edit =
  | { kind: 'person.register' | 'household.create'; fields: Record<string, unknown> }
  | { kind: 'person.update' | 'household.update'; entityId: string; changes: Record<string, unknown> };

/**
 * Queues a field form's save on the device. A new record gets a fresh id and names its site in the
 * payload; an edit sends only the fields that changed (each merges by its own clock on the server),
 * and an edit that changed nothing queues nothing.
 */
export async function recordEdit(engine: SyncEngine, siteId: string, edit: Edit): Promise<void> {
  if ('changes' in edit) {
    if (Object.keys(edit.changes).length > 0)
      await engine.record({ siteId, kind: edit.kind, entityId: edit.entityId, payload: edit.changes });
    return;
  }
  await engine.record({ siteId, kind: edit.kind, entityId: newId(), payload: { siteId, ...edit.fields } });
}
