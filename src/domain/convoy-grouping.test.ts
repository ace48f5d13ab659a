import { describe, expect, it } from 'vitest';
import { groupTrips, spreadTimes, type TripTimesAndPlaces } from './convoy-grouping.ts';

const trip = (id: string, vehicleId: string, departure: string, extra: Partial<TripTimesAndPlaces> = {}) => ({
  id,
  vehicleId,
  windowId: 'w1',
  departure,
  atPickup: '2022-05-06T08:00:00.000Z',
  leaveZone: '2022-05-06T09:00:00.000Z',
  arrival: '2022-05-06T15:00:00.000Z',
  pickupPointId: 'p1',
  screeningPointId: 's1',
  receptionPointId: 'r1',
  ...extra,
});
const depot = (vehicleId: string) => (vehicleId === 'ambulance' ? 'depot-b' : 'depot-a');

describe('grouping the trips of a plan into convoys', () => {
  it('puts vehicles leaving one depot at one minute for one road into one convoy, at the slowest one’s pace', () => {
    const convoys = groupTrips(
      [
        trip('t1', 'bus1', '2022-05-06T05:00:00Z'),
        trip('t2', 'bus2', '2022-05-06T05:00:00Z', {
          leaveZone: '2022-05-06T09:20:00.000Z',
          arrival: '2022-05-06T15:20:00.000Z',
        }),
      ],
      depot,
    );
    expect(convoys).toHaveLength(1);
    expect(convoys[0]).toMatchObject({
      origin: { kind: 'depot', id: 'depot-a' },
      atScreening: '2022-05-06T09:20:00.000Z',
      arrival: '2022-05-06T15:20:00.000Z',
    });
    expect(convoys[0]!.trips.map((t) => t.id)).toEqual(['t1', 't2']);
  });

  it('keeps apart trips that differ in departure, origin or road, in order of departure', () => {
    const convoys = groupTrips(
      [
        trip('late', 'bus1', '2022-05-06T16:00:00Z', { arrival: '2022-05-06T23:00:00.000Z' }),
        trip('early', 'bus1', '2022-05-06T05:00:00Z'),
        trip('ambulance', 'ambulance', '2022-05-06T05:00:00Z'),
        trip('other road', 'bus2', '2022-05-06T05:00:00Z', { pickupPointId: 'p2' }),
      ],
      depot,
    );
    expect(convoys.map((c) => c.trips.map((t) => t.id))).toEqual([
      ['early'],
      ['ambulance'],
      ['other road'],
      ['late'],
    ]);
    // A vehicle's second trip sets out from the reception point its first one reached.
    expect(convoys[3]!.origin).toEqual({ kind: 'reception_point', id: 'r1' });
  });

  it('spreads the places passed evenly over the drive', () => {
    expect(spreadTimes('2022-05-06T10:00:00Z', '2022-05-06T13:00:00Z', 2)).toEqual([
      '2022-05-06T11:00:00.000Z',
      '2022-05-06T12:00:00.000Z',
    ]);
    expect(spreadTimes('2022-05-06T10:00:00Z', '2022-05-06T13:00:00Z', 0)).toEqual([]);
  });
});
