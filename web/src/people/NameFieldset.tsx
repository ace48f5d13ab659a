import type { DraftProps } from './draft-props.ts';

export interface NameLabels {
  cyrillic: string;
  latin: string;
  family: string;
  given: string;
  /** For the Cyrillic name only: Latin names carry no patronymic. */
  patronymic: string;
}

/** A person's name in Cyrillic and in Latin script, each in its own fieldset. */
export function NameFieldsets({ labels, draft, onChange }: DraftProps & { labels: NameLabels }) {
  return (
    <>
      <NameFieldset script="cyr" legend={labels.cyrillic} labels={labels} draft={draft} onChange={onChange} />
      <NameFieldset script="lat" legend={labels.latin} labels={labels} draft={draft} onChange={onChange} />
    </>
  );
}

/** A person's name in one script: family and given name, and the patronymic in Cyrillic. */
function NameFieldset({
  script,
  legend,
  labels,
  draft,
  onChange,
}: DraftProps & { script: 'cyr' | 'lat'; legend: string; labels: NameLabels }) {
  const lang = script === 'cyr' ? 'uk' : undefined;
  return (
    <fieldset>
      <legend>{legend}</legend>
      <label>
        {labels.family}
        <input
          name={`${script}-family`}
          lang={lang}
          value={draft[`${script}Family`]}
          onChange={(event) => onChange(`${script}Family`, event.target.value)}
        />
      </label>
      <label>
        {labels.given}
        <input
          name={`${script}-given`}
          lang={lang}
          value={draft[`${script}Given`]}
          onChange={(event) => onChange(`${script}Given`, event.target.value)}
        />
      </label>
      {script === 'cyr' && (
        <label>
          {labels.patronymic}
          <input
            name="cyr-patronymic"
            lang="uk"
            value={draft.cyrPatronymic}
            onChange={(event) => onChange('cyrPatronymic', event.target.value)}
          />
        </label>
      )}
    </fieldset>
  );
}
