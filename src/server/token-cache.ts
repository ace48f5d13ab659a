import type { User } from '../store/repos/users.ts';

/**
 * API tokens recently found valid, so that a script sending hundreds of requests a second costs one
 * token lookup every few seconds instead of one per request. Only positive answers are kept, so a
 * new token works at once. The price is bounded: a token revoked, or a user disabled or given another
 * role, by another server instance or by the CLI keeps its old rights for at most `ttlMs`. Changes
 * made through this instance clear the cache at once (see installAuth). Session cookies are not
 * cached: a logout must end the session on every instance immediately.
 */
export class TokenCache {
  private readonly entries = new Map<string, { user: User; until: number }>();
  /** Bumped by clear(): a lookup that began before a clear must not refill the cache with what it read. */
  private generation = 0;

  constructor(
    readonly ttlMs = 2000,
    private readonly now: () => number = Date.now,
    private readonly capacity = 10_000,
  ) {}

  get(tokenHash: string): User | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.user;
    this.entries.delete(tokenHash);
    return undefined;
  }

  /** A mark to pass to set() for a lookup about to start. */
  mark(): number {
    return this.generation;
  }

  set(tokenHash: string, user: User, mark: number): void {
    if (mark !== this.generation) return;
    // Only valid tokens get here, so the map stays small; the bound is a guard, not a policy.
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(tokenHash, { user, until: this.now() + this.ttlMs });
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
