import { useMemo } from 'react';
import { useFormat } from '../format.ts';

/** Times of day in the site's zone, short enough for a timeline: "09:40", or "6 May, 09:40". */
export function useClock(timeZone: string) {
  const { locale } = useFormat();
  return useMemo(() => {
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
    const dayTime = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    });
    return {
      time: (instant: string | number) => time.format(new Date(instant)),
      dayTime: (instant: string | number) => dayTime.format(new Date(instant)),
    };
  }, [locale, timeZone]);
}
