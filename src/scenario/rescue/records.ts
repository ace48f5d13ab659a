import type { Crew } from '../../domain/rescue.ts';
import type { SiteFile } from '../format.ts';
import { compact } from '../records.ts';

// The canonical form of a crew in a site file: what export writes and import compares with.
export type FileCrew = NonNullable<SiteFile['crews']>[number];

export const crewRecord = (c: Crew | FileCrew): FileCrew =>
  compact({
    id: c.id,
    name: c.name,
    size: c.size,
    positionId: c.positionId,
    hoursPerShift: c.hoursPerShift,
    restHours: c.restHours,
    shiftStartedAt: c.shiftStartedAt ? new Date(c.shiftStartedAt).toISOString() : null,
    status: c.status ?? 'active',
    note: c.note,
  });
