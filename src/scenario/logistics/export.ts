import type { Queryable } from '../../store/database.ts';
import {
  findSettings,
  listDepots,
  listPickupRoutes,
  listRoadPoints,
  listTravelTimes,
  listVehicles,
} from '../../store/repos/logistics.ts';
import {
  depotRecord,
  type FilePlanningSettings,
  pickupRouteRecord,
  roadPointRecord,
  settingsRecord,
  travelTimeRecord,
  vehicleRecord,
} from './records.ts';

/**
 * The logistics sections of a site's file, in a fixed order; empty sections are left out, and the
 * planning settings only when the site has recorded its own.
 */
export async function exportLogistics(
  db: Queryable,
  siteId: string,
): Promise<{ sections: Array<[string, unknown[]]>; planningSettings: FilePlanningSettings | null }> {
  const sections: Array<[string, unknown[]]> = [
    ['depots', (await listDepots(db, siteId)).map(depotRecord)],
    ['vehicles', (await listVehicles(db, siteId)).map(vehicleRecord)],
    ['roadPoints', (await listRoadPoints(db, siteId)).map(roadPointRecord)],
    ['pickupRoutes', (await listPickupRoutes(db, siteId)).map(pickupRouteRecord)],
    ['travelTimes', (await listTravelTimes(db, siteId)).map(travelTimeRecord)],
  ];
  const settings = await findSettings(db, siteId);
  return {
    sections: sections.filter(([, records]) => records.length > 0),
    planningSettings: settings ? settingsRecord(settings) : null,
  };
}
