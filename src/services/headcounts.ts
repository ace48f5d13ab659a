import { CorridorError, unknownReference } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import { type Headcount, insertHeadcount } from '../store/repos/headcounts.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import { findPoint } from '../store/repos/sites.ts';
import { requireSiteReference } from './sites.ts';

export type HeadcountInput = Omit<Headcount, 'id' | 'shelterId' | 'approximate' | 'reportedBy' | 'note'> & {
  id?: string | undefined;
  shelterId?: string | null | undefined;
  approximate?: boolean | undefined;
  reportedBy?: string | null | undefined;
  note?: string | null | undefined;
};

export async function recordHeadcount(db: Database, actor: Actor, input: HeadcountInput): Promise<Headcount> {
  const reportedAt = new Date(input.reportedAt);
  if (Number.isNaN(reportedAt.getTime()))
    throw new CorridorError('validation_failed', 'reportedAt: not a date-time', { field: 'reportedAt' });
  return translating(() =>
    db.transaction(async (tx) => {
      const headcount: Headcount = {
        id: input.id ?? newId(),
        siteId: input.siteId,
        shelterId: input.shelterId ?? null,
        category: input.category,
        count: input.count,
        approximate: input.approximate ?? true,
        source: input.source,
        reportedBy: input.reportedBy ?? null,
        reportedAt: reportedAt.toISOString(),
        note: input.note ?? null,
      };
      if (!(await insertHeadcount(tx, headcount))) {
        await checkReferences(tx, input);
        // Sites and shelters are never deleted: the references hold now, so they were made meanwhile.
        if (!(await insertHeadcount(tx, headcount)))
          throw new CorridorError('conflict', 'the site changed while the headcount was written; try again');
      }
      await recordOperation(tx, actor, {
        entity: 'headcount',
        entityId: headcount.id,
        action: 'create',
        before: null,
        after: headcount,
      });
      return headcount;
    }),
  );
}

/** Why a headcount's references do not hold, as the error the client gets. */
async function checkReferences(tx: Queryable, input: HeadcountInput): Promise<void> {
  await requireSiteReference(tx, input.siteId);
  if (input.shelterId) {
    const shelter = await findPoint(tx, input.shelterId);
    if (!shelter || shelter.siteId !== input.siteId || shelter.kind !== 'shelter')
      throw unknownReference('shelterId', input.shelterId);
  }
}
