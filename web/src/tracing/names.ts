/** A person's first name as written: family, given, patronymic. */
export const nameOf = (
  names: ReadonlyArray<{ family: string; given: string; patronymic?: string }>,
): string =>
  names[0] ? [names[0].family, names[0].given, names[0].patronymic].filter(Boolean).join(' ') : '—';

/** Every name a person is known by, for a screen that shows both scripts. */
export const allNames = (
  names: ReadonlyArray<{ family: string; given: string; patronymic?: string }>,
): string => names.map((n) => nameOf([n])).join(' · ');
