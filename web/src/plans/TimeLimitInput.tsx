import { useTranslation } from 'react-i18next';

/** The server's default when the form leaves the time limit empty (CORRIDOR_PLAN_TIME_LIMIT aside). */
export const defaultSeconds = 10;

/** The planner's time limit in seconds (1 to 600); empty leaves the default. */
export function TimeLimitInput({
  value,
  onChange,
  describedBy,
}: {
  value: string;
  onChange(value: string): void;
  /** The id of a hint shown beside the field. */
  describedBy?: string;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {t('plans.timeLimit')}
      <input
        type="number"
        min={1}
        max={600}
        step={1}
        inputMode="numeric"
        value={value}
        placeholder={String(defaultSeconds)}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy}
      />
    </label>
  );
}
