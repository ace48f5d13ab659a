import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n/index.ts';
import type { ShelterMark } from './bands.ts';

/**
 * Short texts for estimated times, in the site's zone: a day and a clock time for the diagram's
 * labels and the chart's axis, and what a shelter's estimate says in words.
 */
export function useWhen(timeZone: string) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return useMemo(() => {
    const short = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    });
    const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
    const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone });
    return {
      short: (instant: string | number) => short.format(new Date(instant)),
      clock: (instant: string | number) => clock.format(new Date(instant)),
      day: (instant: string | number) => day.format(new Date(instant)),
      /** A shelter's estimate in a few words: now, a time, cut off, or not reached. */
      estimate: (mark: ShelterMark) =>
        mark.band === 'now'
          ? t('rescue.now')
          : mark.reachableAt !== null
            ? short.format(new Date(mark.reachableAt))
            : mark.cutOff
              ? t('rescue.cutOff')
              : t('rescue.notReached'),
    };
  }, [locale, timeZone, t]);
}
