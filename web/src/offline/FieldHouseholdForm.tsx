import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household, Site } from '../api/types.ts';
import { FormActions } from '../forms/FormActions.tsx';
import { useSyncEngine } from './OfflineProvider.tsx';
import { recordEdit } from './record-edit.ts';

type HouseholdFields = Pick<Household, 'label' | 'note'>;

const changedFields = (household: Household, fields: HouseholdFields) =>
  Object.fromEntries(
    Object.entries(fields).filter(([key, value]) => household[key as keyof HouseholdFields] !== value),
  );

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
      await recordEdit(
        engine,
        site.id,
        household
          ? { kind: 'household.update', entityId: household.id, changes: changedFields(household, fields) }
          : { kind: 'household.create', fields },
      );
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
