import { useTranslation } from 'react-i18next';
import { householdTitle, membersByHousehold } from './household-title.ts';
import type { LocalSite } from './useLocalSite.ts';

/** The household a person is in, among those the device holds (its own new ones included). */
export function HouseholdSelect({
  local,
  value,
  onChange,
}: {
  local: LocalSite;
  /** A household id, or '' for none. */
  value: string;
  onChange(householdId: string): void;
}) {
  const { t } = useTranslation('offline');
  const members = membersByHousehold(local.people);
  const options = local.households
    .map((h) => ({ id: h.id, title: householdTitle(h, members.get(h.id) ?? [], t) }))
    .sort((a, b) => a.title.localeCompare(b.title));
  return (
    <label>
      {t('household')}
      <select name="householdId" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('noHousehold')}</option>
        {value && !options.some((o) => o.id === value) && (
          <option value={value}>{t('householdElsewhere')}</option>
        )}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title}
          </option>
        ))}
      </select>
    </label>
  );
}
