/** The fields an operation changed, from its before and after records. */
export function changedFields(before: unknown, after: unknown): string[] {
  // A record's creation changes every field: naming them all says nothing.
  if (typeof after !== 'object' || after === null || typeof before !== 'object' || before === null) return [];
  const old = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  const ignored = new Set(['version', 'updatedAt', 'createdAt', 'statusChangedAt']);
  return Object.keys(now).filter(
    (key) => !ignored.has(key) && JSON.stringify(old[key]) !== JSON.stringify(now[key]),
  );
}
