import type { DraftProps } from './draft-props.ts';

export interface NameLabels {
  legend: string;
  family: string;
  given: string;
  /** Given for the Cyrillic name only: Latin names carry no patronymic. */
  patronymic?: string;
}

/** A person's name in one script: family and given name, and the patronymic in Cyrillic. */
export function NameFieldset({
  script,
  labels,
  draft,
  onChange,
}: DraftProps & { script: 'cyr' | 'lat'; labels: NameLabels }) {
  const lang = script === 'cyr' ? 'uk' : undefined;
  return (
    <fieldset>
      <legend>{labels.legend}</legend>
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
      {script === 'cyr' && labels.patronymic !== undefined && (
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
