// An alert's details in words: what the cell needs to act — where the person was last seen, why
// they did not board, where a child's adults are. Plain functions over the stored details.
import type { AlertKind } from '../../../src/domain/reception.ts';

type Translate = (key: string, values?: Record<string, unknown>) => string;
type When = (iso: string) => string;

interface LastSeen {
  waypointName?: string;
  how?: string;
  at?: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function lastSeenText(seen: LastSeen | null | undefined, t: Translate, when: When): string {
  if (!seen?.waypointName) return t('alerts.notSeen');
  return t('alerts.lastSeen', {
    place: seen.waypointName,
    how: t(`road.seen.${seen.how ?? 'boarded'}`),
    at: seen.at ? when(seen.at) : '',
  });
}

export function detailLines(
  kind: AlertKind,
  details: Record<string, unknown>,
  t: Translate,
  when: When,
): string[] {
  const lines: string[] = [];
  const vehicle = text(details.vehicleLabel);
  if (vehicle) lines.push(t('alerts.vehicle', { vehicle }));
  if (kind === 'boarded_not_arrived')
    lines.push(lastSeenText(details.lastSeen as LastSeen | null | undefined, t, when));
  if (kind === 'manifest_not_boarded')
    lines.push(
      t('alerts.notBoarded', {
        status: t(`boarding.entry.${text(details.manifestStatus) ?? 'expected'}`),
        reason: text(details.reason) ?? t('alerts.noReason'),
      }),
    );
  const point = text(details.receptionPointName);
  if (point)
    lines.push(
      text(details.desk)
        ? t('alerts.checkedInAtDesk', { point, desk: text(details.desk) })
        : t('alerts.checkedInAt', { point }),
    );
  if (kind === 'arrived_not_on_manifest' && text(details.statusBefore))
    lines.push(t('alerts.statusBefore', { status: t(`status.${text(details.statusBefore)}`) }));
  if (kind === 'unaccompanied_child_arrived') {
    const guardians = (details.guardians as Array<{ relation: string | null; status: string }>) ?? [];
    const adults = (details.householdAdults as Array<{ status: string }>) ?? [];
    const responsible = guardians.length > 0 ? guardians : adults;
    if (responsible.length === 0) lines.push(t('alerts.noAdult'));
    for (const adult of responsible)
      lines.push(
        t('alerts.adult', {
          who: 'relation' in adult && adult.relation ? adult.relation : t('alerts.guardian'),
          status: t(`status.${adult.status}`),
        }),
      );
  }
  return lines;
}
