import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, type Language, languages } from '../i18n/index.ts';

const names: Record<Language, string> = { en: 'English', uk: 'Українська' };

export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <span className="field-inline">
      <label htmlFor={id}>{t('app.language')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(event) => void chooseLanguage(event.target.value as Language)}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {names[language]}
          </option>
        ))}
      </select>
    </span>
  );
}
