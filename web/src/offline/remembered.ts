// The few answers the app needs before any screen (who is logged in, which sites there are) are
// remembered in localStorage, so that the app opens with no network after one online visit. Only a
// failure to reach the server falls back to them; an answer the server gave (401) is taken as said.

const keys = { session: 'corridor.offline.session', sites: 'corridor.offline.sites' } as const;
type Remembered = keyof typeof keys;

/** fetch() rejects with a TypeError when there is no network; the API's own errors are ApiErrors. */
const unreachable = (error: unknown): boolean => error instanceof TypeError;

export async function remembered<T>(what: Remembered, read: () => Promise<T>): Promise<T> {
  try {
    const value = await read();
    if (value === null) localStorage.removeItem(keys[what]);
    else localStorage.setItem(keys[what], JSON.stringify(value));
    return value;
  } catch (error) {
    const saved = unreachable(error) ? localStorage.getItem(keys[what]) : null;
    if (saved !== null) return JSON.parse(saved) as T;
    throw error;
  }
}

/** Remembers an answer obtained another way (the user a login returned). */
export function remember<T>(what: Remembered, value: T): void {
  localStorage.setItem(keys[what], JSON.stringify(value));
}

export function forgetRemembered(): void {
  for (const key of Object.values(keys)) localStorage.removeItem(key);
}
