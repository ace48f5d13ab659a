import { LocalStore } from './local-store.ts';

/**
 * On logout the device forgets the site's people it copied, unless operations are still unsent:
 * those are never dropped before the server has them (the queue page says so), and the store is
 * removed at a later logout once they have been sent.
 */
export async function forgetLocalStore(userId: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const store = await LocalStore.open(userId);
  const unsent = (await store.ops()).some((op) => op.state === 'waiting');
  store.close();
  if (!unsent) await LocalStore.remove(userId);
}
