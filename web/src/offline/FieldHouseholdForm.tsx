import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../src/domain/ids.ts';
import type { Household, Site } from '../api/types.ts';
import { FormActions } from '../forms/FormActions.tsx';
import { useSyncEngine } from './OfflineProvider.tsx';

/**
 * Create a household on the device (household.create) or change its label and note
 * (household.update, with only the fields changed: each merges by its own clock on the server).
 */
export function FieldHouseholdForm({
  site,
  household,
  title,
  onDone,
}: {
  site: Site;
  household?: Household;
  /** The household as the screen names it, for the form's accessible name. */
  title?: string;
  onDone(saved: boolean): void;
}) {
  const { t } = useTranslation('offline');
  const engine = useSyncEngine();
  const [label, setLabel] = useState(household?.label ?? '');
  const [note, setNote] = useState(household?.note ?? '');
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!engine) return;
    setError(undefined);
    const fields = { label: label.trim() || null, note: note.trim() || null };
    try {
      if (household) {
        const changes = Object.fromEntries(
          Object.entries(fields).filter(([key, value]) => household[key as keyof typeof fields] !== value),
        );
        if (Object.keys(changes).length > 0)
          await engine.record({
            siteId: site.id,
            kind: 'household.update',
            entityId: household.id,
            payload: changes,
          });
      } else {
        await engine.record({
          siteId: site.id,
          kind: 'household.create',
          entityId: newId(),
          payload: { siteId: site.id, ...fields },
        });
      }
      onDone(true);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <form
      className="stack"
      aria-label={household ? t('editHouseholdOf', { name: title ?? '' }) : t('newHousehold')}
      onSubmit={(event) => void submit(event)}
    >
      <label>
        {t('householdLabel')}
        <input
          name="householdLabel"
          maxLength={200}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
        />
      </label>
      <label>
        {t('householdNote')}
        <textarea
          name="householdNote"
          maxLength={4000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
      <FormActions
        problem={undefined}
        error={error}
        saveLabel={household ? t('save') : t('createHousehold')}
        cancelLabel={t('cancel')}
        onCancel={() => onDone(false)}
      />
    </form>
  );
}
