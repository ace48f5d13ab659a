// The kinds of audit entry, apart from the chain's hashing (node:crypto) so the web app's audit
// screen can list them without pulling server code into the browser.
export const auditKinds = ['read', 'change', 'export'] as const;
export type AuditKind = (typeof auditKinds)[number];
