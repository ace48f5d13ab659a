import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from './api/types.ts';
import { localeOf } from './i18n/index.ts';

/** Numbers, dates and times written the way the chosen language writes them. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(locale);
    return {
      locale,
      number: (value: number) => numbers.format(value),
      /** An instant, in the given zone (the site's, usually), with the zone's short name. */
      dateTime: (iso: string, timeZone?: string) =>
        new Intl.DateTimeFormat(locale, {
          // dateStyle cannot be combined with timeZoneName: the fields are spelled out instead.
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          timeZone,
          timeZoneName: timeZone ? 'short' : undefined,
        }).format(new Date(iso)),
      date: (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)),
      /** A wall-clock time as announced ("2022-05-07T08:00"), shown without shifting it to any zone. */
      wallClock: (local: string) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
          new Date(`${local.slice(0, 16)}:00Z`),
        ),
      list: (items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items),
    };
  }, [locale]);
}

/** The name shown for a person: the Cyrillic one as given, with the Latin spelling beside it. */
export function displayName(person: Pick<Person, 'names'>): string {
  const written = person.names.map((n) => [n.family, n.given, n.patronymic].filter(Boolean).join(' '));
  return [...new Set(written)].join(' / ');
}
