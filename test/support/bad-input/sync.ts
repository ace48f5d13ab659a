import { newId } from '../../../src/domain/ids.ts';
import { field, type WriteRoute } from './cases.ts';

/** corridor-sync/1 pushes: a malformed operation refuses the whole push before anything is written. */
export const syncRoutes: Record<string, WriteRoute> = {
  'POST /api/sync/push': {
    as: 'field',
    path: () => '/api/sync/push',
    cases: (c) => {
      const deviceId = newId();
      const op = {
        opId: newId(),
        deviceId,
        seq: 1,
        hlc: `001651827600000-0000-${deviceId}`,
        entity: 'headcount',
        entityId: newId(),
        kind: 'headcount.report',
        payload: {
          siteId: c.siteId,
          category: 'total',
          count: 12,
          source: 'team A',
          reportedAt: '2022-05-06T09:00:00Z',
        },
      };
      const push = (ops: unknown[], protocol = 'corridor-sync/1') => ({ protocol, ops });
      return [
        field('protocol of another version', push([op], 'corridor-sync/2')),
        field('protocol missing', { ops: [op] }),
        field('ops empty', push([])),
        field('opId not a UUID', push([{ ...op, opId: 'op-1' }])),
        field('seq below 1', push([{ ...op, seq: 0 }])),
        field('hlc not a clock', push([{ ...op, hlc: '2022-05-06T09:00:00Z' }])),
        field('kind unknown', push([{ ...op, kind: 'person.delete' }])),
        field('entity not of the kind', push([{ ...op, entity: 'person' }])),
        field('payload count negative', push([{ ...op, payload: { ...op.payload, count: -1 } }]), ['count']),
      ];
    },
  },
};
