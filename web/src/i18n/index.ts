import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { bundlesEn, bundlesUk } from '../bundles/strings.ts';
import { offlineEn, offlineUk } from '../offline/strings.ts';
import { en } from './en.ts';
import { uk } from './uk.ts';

export const languages = ['en', 'uk'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'corridor.language';

const isLanguage = (value: string | null): value is Language =>
  value !== null && (languages as readonly string[]).includes(value);

/** The user's own choice if they made one, else the browser's language when we have it. */
function initialLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  if (isLanguage(stored)) return stored;
  return navigator.language.toLowerCase().startsWith('uk') ? 'uk' : 'en';
}

export const i18n = i18next.createInstance();

export async function setUpI18n(): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: {
      en: { translation: en, offline: offlineEn, bundles: bundlesEn },
      uk: { translation: uk, offline: offlineUk, bundles: bundlesUk },
    },
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
}

export async function chooseLanguage(language: Language): Promise<void> {
  localStorage.setItem(storageKey, language);
  await i18n.changeLanguage(language);
}

/** The Intl locale for a language: British English gives a 24-hour clock and day-first dates. */
export const localeOf = (language: string): string => (language === 'uk' ? 'uk-UA' : 'en-GB');
