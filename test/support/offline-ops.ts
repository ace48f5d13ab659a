import { entityOf, type QueuedOp } from '../../web/src/offline/operations.ts';

// Operations as the offline field app's queue holds them (web/src/offline), for the tests of what
// the screens show before the server has a change. One device on one site; each operation gets the
// next sequence number, a clock after the previous one and a recording time a second later.

export const siteId = '0190a0a9-0000-7000-8000-0000000000a1';
export const deviceId = '0190a0a9-0000-7000-8000-00000000000a';
export const personId = '0190a0b0-0000-7000-8000-0000000000f1';
export const names = [{ script: 'Latn' as const, family: 'Tunelna', given: 'Oksana' }];

let seq = 0;

export const op = (kind: QueuedOp['kind'], entityId: string, payload: Record<string, unknown>): QueuedOp => {
  seq++;
  return {
    opId: `0190a0b0-1c2d-7e3f-8a4b-${String(seq).padStart(12, '0')}`,
    deviceId,
    seq,
    hlc: `${String(1_700_000_000_000 + seq).padStart(15, '0')}-0000-${deviceId}`,
    entity: entityOf(kind),
    entityId,
    kind,
    payload,
    siteId,
    state: 'waiting',
    recordedAt: new Date(Date.UTC(2026, 10, 30, 4, 0, seq)).toISOString(),
    pulled: false,
  };
};
