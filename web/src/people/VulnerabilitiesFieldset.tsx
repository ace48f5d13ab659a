import { useTranslation } from 'react-i18next';
import {
  type TriageCategory,
  triageCategories,
  type Vulnerability,
  vulnerabilities,
} from '../../../src/domain/person.ts';
import type { DraftProps } from './draft-props.ts';

export interface VulnerabilityLabels {
  legend: string;
  triage: string;
  /** The empty triage choice. */
  none: string;
  /** Said under the triage choice, where the form explains it. */
  triageHelp?: string;
}

/** The vulnerabilities as checkboxes, and the triage category, asked for a wounded person only. */
export function VulnerabilitiesFieldset({
  labels,
  draft,
  onChange,
}: DraftProps & { labels: VulnerabilityLabels }) {
  const { t } = useTranslation();
  const wounded = draft.vulnerabilities.includes('wounded');
  return (
    <fieldset>
      <legend>{labels.legend}</legend>
      {vulnerabilities.map((v) => (
        <label key={v} className="check">
          <input
            type="checkbox"
            name="vulnerabilities"
            value={v}
            checked={draft.vulnerabilities.includes(v)}
            onChange={(event) =>
              onChange(
                'vulnerabilities',
                event.target.checked
                  ? [...draft.vulnerabilities, v]
                  : draft.vulnerabilities.filter((x): x is Vulnerability => x !== v),
              )
            }
          />
          {t(`vulnerability.${v}`)}
        </label>
      ))}
      <label>
        {labels.triage}
        <select
          name="triage"
          value={draft.triage}
          disabled={!wounded}
          required={wounded}
          aria-describedby={labels.triageHelp !== undefined ? 'triage-help' : undefined}
          onChange={(event) => onChange('triage', event.target.value as TriageCategory | '')}
        >
          <option value="">{labels.none}</option>
          {triageCategories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        {labels.triageHelp !== undefined && (
          <span id="triage-help" className="hint">
            {labels.triageHelp}
          </span>
        )}
      </label>
    </fieldset>
  );
}
