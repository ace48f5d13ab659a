export const caseKinds = ['unaccompanied', 'separated'] as const;
export type CaseKind = (typeof caseKinds)[number];

export const caseStatuses = ['open', 'handed_over', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** How an adult's identity and relation to the child were checked. */
export const verificationMethods = [
  'identity_document',
  'registry_record',
  'tracing_match',
  'child_recognition',
  'community_confirmation',
  'other',
] as const;
export type VerificationMethod = (typeof verificationMethods)[number];

export interface Verification {
  id: string;
  caseId: string;
  name: string;
  relation: string;
  personId: string | null;
  contact: string | null;
  method: VerificationMethod;
  evidence: string;
  verifiedAt: string;
  verifiedBy: string;
}

export interface ChildCase {
  id: string;
  siteId: string;
  childId: string;
  kind: CaseKind;
  status: CaseStatus;
  note: string | null;
  openedAt: string;
  openedBy: string;
  handover: {
    verificationId: string;
    at: string;
    place: string | null;
    recordedBy: string;
  } | null;
  closedAt: string | null;
  closedReason: string | null;
  closedBy: string | null;
  version: number;
  verifications: Verification[];
}

/** The kind of case a registration calls for, or null: a child registered unaccompanied or separated. */
export function caseKindFor(vulnerabilities: readonly string[]): CaseKind | null {
  if (vulnerabilities.includes('unaccompanied_child')) return 'unaccompanied';
  if (vulnerabilities.includes('separated_child')) return 'separated';
  return null;
}
