import { useTranslation } from 'react-i18next';
import { type Sex, sexes } from '../../../src/domain/person.ts';
import type { DraftProps } from './draft-props.ts';
import { type ShelterOption, ShelterOptions } from './ShelterOptions.tsx';

// The person form's single inputs, each with its label as the form's namespace words it. The names
// of sexes come from the main namespace, as everywhere in the app.

type LabelledProps = DraftProps & { label: string };

export function SexSelect({ label, draft, onChange }: LabelledProps) {
  const { t } = useTranslation();
  return (
    <label>
      {label}
      <select name="sex" value={draft.sex} onChange={(event) => onChange('sex', event.target.value as Sex)}>
        {sexes.map((s) => (
          <option key={s} value={s}>
            {t(`sex.${s}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function BirthYearInput({ label, draft, onChange }: LabelledProps) {
  return (
    <label>
      {label}
      <input
        name="birthYear"
        type="number"
        min="1880"
        max="2100"
        value={draft.birthYear}
        onChange={(event) => onChange('birthYear', event.target.value)}
      />
    </label>
  );
}

export function ShelterSelect({
  label,
  noneLabel,
  shelters,
  draft,
  onChange,
}: LabelledProps & { noneLabel: string; shelters: readonly ShelterOption[] }) {
  return (
    <label>
      {label}
      <select
        name="shelterId"
        value={draft.shelterId}
        onChange={(event) => onChange('shelterId', event.target.value)}
      >
        <option value="">{noneLabel}</option>
        <ShelterOptions shelters={shelters} />
      </select>
    </label>
  );
}

export function LanguagesInput({ label, draft, onChange }: LabelledProps) {
  return (
    <label>
      {label}
      <input
        name="languages"
        value={draft.languages}
        onChange={(event) => onChange('languages', event.target.value)}
      />
    </label>
  );
}

export function NoteInput({ label, draft, onChange }: LabelledProps) {
  return (
    <label>
      {label}
      <textarea name="note" value={draft.note} onChange={(event) => onChange('note', event.target.value)} />
    </label>
  );
}
