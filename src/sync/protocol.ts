// The wire format's name and version (docs/sync-protocol.md keeps its changelog). A client speaking
// another version is refused by schema validation, never half understood.
export const syncProtocol = 'corridor-sync/1' as const;

export const syncOperationKinds = [
  'person.register',
  'person.update',
  'person.status',
  'passage.report',
  'headcount.report',
  'household.create',
  'household.update',
] as const;
export type SyncOperationKind = (typeof syncOperationKinds)[number];
