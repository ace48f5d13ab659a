// The shapes the API answers with (src/server/schemas). The domain's own types are reused where the
// domain has them; the rest mirror the response schemas.
import type { PersonStatus } from '../../../src/domain/lifecycle.ts';
import type { Person } from '../../../src/domain/person.ts';
import type { Role } from '../../../src/domain/roles.ts';
import type { Passage, Site, SitePoint } from '../../../src/domain/site.ts';

export type { PersonStatus } from '../../../src/domain/lifecycle.ts';
export type { Person, PersonName } from '../../../src/domain/person.ts';
export type { Passage, Site, SitePoint };

export interface User {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export interface SiteGraph {
  site: Site;
  points: SitePoint[];
  passages: Passage[];
}

export interface PersonWithNext extends Person {
  allowedNextStatuses: PersonStatus[];
}

export interface PeoplePage {
  items: Person[];
  total: number;
}

export interface Household {
  id: string;
  siteId: string;
  label: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface HouseholdWithMembers extends Household {
  members: Person[];
}

export interface Operation {
  id: string;
  seq: number;
  actor: string;
  at: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface ReportedHeadcount {
  id: string;
  shelterId: string | null;
  category: string;
  count: number;
  approximate: boolean;
  source: string;
  reportedAt: string;
}

export interface Summary {
  site: { id: string; name: string; timeZone: string };
  registered: {
    total: number;
    byStatus: Record<string, number>;
    byShelter: Array<{ shelterId: string | null; code: string | null; count: number }>;
    byVulnerability: Record<string, number>;
    byTriage: Record<string, number>;
  };
  reportedHeadcounts: ReportedHeadcount[];
}

export interface Party {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  note: string | null;
}

export interface Source {
  id: string;
  kind: string;
  title: string;
  partyId: string | null;
  channel: string | null;
  publishedAt: string | null;
  url: string | null;
  reference: string | null;
  contentHash: string | null;
  note: string | null;
}

interface Shown {
  local: string;
  zone: string;
  offset: string;
}

export interface Acceptance {
  partyId: string;
  answer: 'accepted' | 'rejected' | 'no_answer';
  answeredAt: string | null;
  sourceId: string | null;
  note: string | null;
}

export interface PauseView {
  id: string;
  siteId: string;
  name: string;
  kind: string;
  announcedBy: string;
  announcedAt: string;
  announcementSourceId: string | null;
  announcedZone: string;
  scope: { site?: boolean; pickupPointIds?: string[]; route?: string };
  elements: Record<string, { agreed: boolean; note?: string } | undefined>;
  effectiveStart: string | null;
  effectiveEnd: string | null;
  suspendedAt: string | null;
  resumedAt: string | null;
  note: string | null;
  times: {
    announced: { start: string; end: string; zone: string };
    utc: { start: string; end: string };
    siteZone: { start: Shown; end: Shown };
  };
  acceptances: Acceptance[];
  derived: {
    at: string;
    state: string;
    because: string;
    lateStartMinutes: number | null;
    acceptedBy: string[];
    rejectedBy: string[];
    awaiting: string[];
    breaches: number;
  };
}

export interface Incident {
  id: string;
  siteId: string;
  occurredAt: string;
  type: string;
  placeKind: string;
  pointId: string | null;
  place: string | null;
  pauseWindowId: string | null;
  convoyId: string | null;
  summary: string;
}

export interface Claim {
  id: string;
  siteId: string;
  subject: string;
  incidentId: string | null;
  pauseWindowId: string | null;
  partyId: string | null;
  speaker: string | null;
  sourceId: string;
  stance: string;
  words: string;
  quoted: boolean;
  language: string | null;
  statedAt: string;
  figure: { metric: string; value: number; approximate: boolean } | null;
  verification: string;
}

export interface FigureRow {
  metric: string;
  registry: number | null;
  reported: Array<{
    claimId: string;
    value: number;
    approximate: boolean;
    partyId: string | null;
    sourceId: string;
    statedAt: string;
    verification: string;
  }>;
}

export interface TimelineEntry {
  at: string;
  kind: string;
  refId: string;
  partyId: string | null;
  summary: string;
  verification: string | null;
  incidentType: string | null;
}

export interface ImportSummary {
  siteId: string;
  created: Record<string, number>;
  updated: Record<string, number>;
  unchanged: Record<string, number>;
}

export interface Items<T> {
  items: T[];
}
