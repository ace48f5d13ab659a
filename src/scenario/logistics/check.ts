import { type EndKind, legOf } from '../../domain/logistics.ts';
import type { CheckContext } from '../events/check.ts';
import type { SiteFile } from '../format.ts';

/** The rules of the logistics sections that a schema cannot say: references, duplicates, legs. */
export function logisticsProblems(file: SiteFile, ctx: CheckContext): void {
  const { add, claimId, checkTime } = ctx;
  const unique = (section: string, field: string, values: string[], what = `${field} `) => {
    const first = new Map<string, number>();
    values.forEach((value, i) => {
      const at = first.get(value);
      if (at !== undefined)
        add(`$.${section}[${i}].${field}`, `duplicate ${what}${value}, first used at $.${section}[${at}]`);
      else first.set(value, i);
    });
  };

  const depots = new Set<string>();
  (file.depots ?? []).forEach((d, i) => {
    claimId(d.id, `$.depots[${i}].id`);
    depots.add(d.id);
  });
  unique(
    'depots',
    'name',
    (file.depots ?? []).map((d) => d.name),
  );

  (file.vehicles ?? []).forEach((v, i) => {
    claimId(v.id, `$.vehicles[${i}].id`);
    if (!depots.has(v.depotId))
      add(`$.vehicles[${i}].depotId`, `refers to depot ${v.depotId}, which is not in $.depots`);
    checkTime(v.availableFrom, `$.vehicles[${i}].availableFrom`);
  });
  unique(
    'vehicles',
    'label',
    (file.vehicles ?? []).map((v) => v.label),
  );

  const roadKind = new Map<string, string>();
  (file.roadPoints ?? []).forEach((p, i) => {
    claimId(p.id, `$.roadPoints[${i}].id`);
    roadKind.set(p.id, p.kind);
  });
  unique(
    'roadPoints',
    'name',
    (file.roadPoints ?? []).map((p) => p.name),
  );

  const isPickup = (id: string) => ['pickup_point', 'exit'].includes(ctx.pointKind(id) ?? '');
  const approach = new Map<string, number>();
  (file.pickupRoutes ?? []).forEach((r, i) => {
    const at = `$.pickupRoutes[${i}]`;
    claimId(r.id, `${at}.id`);
    if (!isPickup(r.pickupPointId))
      add(
        `${at}.pickupPointId`,
        `refers to ${r.pickupPointId}, which is not a pickup point or exit in $.points`,
      );
    if (roadKind.get(r.screeningPointId) !== 'screening_point')
      add(
        `${at}.screeningPointId`,
        `refers to ${r.screeningPointId}, which is not a screening point in $.roadPoints`,
      );
    approach.set(r.pickupPointId, r.approachMinutes);
  });
  unique(
    'pickupRoutes',
    'pickupPointId',
    (file.pickupRoutes ?? []).map((r) => r.pickupPointId),
  );

  const kindOf = (id: string): EndKind | undefined => {
    if (depots.has(id)) return 'depot';
    const road = roadKind.get(id);
    if (road) return road as EndKind;
    const point = ctx.pointKind(id);
    if (point) return point === 'pickup_point' || point === 'exit' ? 'pickup' : 'other';
    return undefined;
  };
  (file.travelTimes ?? []).forEach((t, i) => {
    const at = `$.travelTimes[${i}]`;
    claimId(t.id, `${at}.id`);
    const from = kindOf(t.fromId);
    const to = kindOf(t.toId);
    if (!from)
      add(`${at}.fromId`, `refers to ${t.fromId}, which is not a depot, road point or point of the site`);
    if (!to) add(`${at}.toId`, `refers to ${t.toId}, which is not a depot, road point or point of the site`);
    if (from && to && !legOf(from, to))
      add(
        `${at}.toId`,
        `a travel time runs depot → pickup point, screening point → reception point or reception point → pickup point, not ${from} → ${to}`,
      );
    (t.via ?? []).forEach((id, v) => {
      const kind = roadKind.get(id);
      if (kind !== 'checkpoint' && kind !== 'screening_point')
        add(
          `${at}.via[${v}]`,
          `refers to ${id}, which is not a checkpoint or screening point in $.roadPoints`,
        );
    });
    const least = approach.get(t.toId);
    if (least !== undefined && t.minutes < least)
      add(
        `${at}.minutes`,
        `the drive includes ${least} min inside the danger zone (its pickup route), so it takes at least that`,
      );
  });
  unique(
    'travelTimes',
    'toId',
    (file.travelTimes ?? []).map((t) => `${t.fromId} → ${t.toId}`),
    'travel time ',
  );
}
