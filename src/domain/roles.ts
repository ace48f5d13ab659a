export const roles = ['admin', 'coordinator', 'field', 'reception', 'observer', 'auditor'] as const;
export type Role = (typeof roles)[number];

// Every route declares one of these. 'public' routes need no session; 'authenticated' needs any
// session. The others are granted to roles below.
export const permissions = [
  'public',
  'authenticated',
  'users:manage',
  'site:read',
  'site:write',
  'passage:report',
  'people:read',
  'people:write',
  'people:status',
  'headcount:read',
  'headcount:write',
  'operations:read',
  'aggregates:read',
  'data:export',
  'data:import',
  'pauses:read',
  'pauses:write',
  'claims:read',
  'claims:write',
  'claims:verify',
  'logistics:read',
  'logistics:write',
  'plans:read',
  'plans:write',
  'rescue:read',
  'rescue:write',
  'rescue:progress',
  'convoys:read',
  'convoys:write',
  'convoys:board',
  'convoys:report',
  'reception:check_in',
  'alerts:read',
  'alerts:resolve',
  'people:merge',
  'tracing:read',
  'tracing:write',
  'tracing:request',
  'tracing:consent',
  'tracing:exchange',
  'children:read',
  'children:write',
  'children:handover',
  'audit:read',
  'disclosure:read',
  'disclosure:manage',
  'sync:push',
  'sync:pull',
  'sync:conflicts',
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  admin: [
    'users:manage',
    'site:read',
    'people:read',
    'headcount:read',
    'operations:read',
    'aggregates:read',
    'data:export',
    'data:import',
    'pauses:read',
    'claims:read',
    'logistics:read',
    'plans:read',
    'rescue:read',
    'convoys:read',
    'alerts:read',
    'audit:read',
    'disclosure:read',
  ],
  coordinator: [
    'site:read',
    'site:write',
    'passage:report',
    'people:read',
    'people:write',
    'people:status',
    'headcount:read',
    'headcount:write',
    'operations:read',
    'aggregates:read',
    'data:export',
    'data:import',
    'pauses:read',
    'pauses:write',
    'claims:read',
    'claims:write',
    'claims:verify',
    'logistics:read',
    'logistics:write',
    'plans:read',
    'plans:write',
    'rescue:read',
    'rescue:write',
    'rescue:progress',
    'convoys:read',
    'convoys:write',
    'convoys:board',
    'convoys:report',
    'reception:check_in',
    'alerts:read',
    'alerts:resolve',
    'people:merge',
    'tracing:read',
    'tracing:write',
    'tracing:request',
    'tracing:consent',
    'tracing:exchange',
    'children:read',
    'children:write',
    'children:handover',
    // The cell decides what each party may receive.
    'disclosure:read',
    'disclosure:manage',
    // The cell syncs like a field team and sees every write that lost in a merge.
    'sync:push',
    'sync:pull',
    'sync:conflicts',
  ],
  field: [
    'site:read',
    'passage:report',
    'people:read',
    'people:write',
    'people:status',
    'headcount:read',
    'headcount:write',
    'aggregates:read',
    'pauses:read',
    'claims:read',
    'claims:write',
    'logistics:read',
    'plans:read',
    'rescue:read',
    'rescue:progress',
    // Field teams board people at the pickup point and report what happens on the road out.
    'convoys:read',
    'convoys:board',
    'convoys:report',
    // Offline capture: push operations recorded without a network, pull the site's changes.
    'sync:push',
    'sync:pull',
    // No tracing and no children's cases: what a tracing match says (where someone is) is kept to the
    // cell, and teams inside the site may be questioned by whoever holds it.
  ],
  // Reception desks see the plan and the convoys: who is coming, on which vehicle, when. They see
  // the alerts their check-ins raise (a child arriving alone) but resolving them is the cell's.
  reception: [
    'site:read',
    'people:read',
    'people:status',
    'aggregates:read',
    'pauses:read',
    'logistics:read',
    'plans:read',
    'convoys:read',
    'reception:check_in',
    'alerts:read',
    // Families come to reception centres asking for their own: desks file tracing requests and
    // record whether an arriving person agrees to be found, but never see what the matcher found,
    // which would tell a desk (and whoever stands at it) where someone is. Desks see children's
    // cases, so that no child leaves with an adult nobody verified, and record the hand-over itself.
    'tracing:request',
    'tracing:consent',
    'children:read',
    'children:handover',
  ],
  // Observers are partners and parties: counts and the shape of the site, never a name.
  // Pause windows are public knowledge between the parties; claims and incidents are not shared.
  // Plans list people, and the fleet's depots are not theirs to know: neither is shared.
  // Rescue plans say where the crews are and will be, which no party outside the operation is told.
  // Convoys are told to each party by notification, never through the app.
  observer: ['site:read', 'aggregates:read', 'pauses:read'],
  // Auditors check who read and changed what: the audit trail holds ids, never names, and the
  // disclosure profiles say what each export was allowed to carry. Nothing else of the operation.
  auditor: ['audit:read', 'disclosure:read'],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  if (permission === 'public' || permission === 'authenticated') return true;
  return grants[role].includes(permission);
}

// Roles that may see person-level data: anyone else gets aggregates and redacted site data only.
export const seesPersons = (role: Role): boolean => role !== 'observer' && role !== 'auditor';

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);
