// i18next set-up. English is bundled; another language is a new folder under src/locales with the same
// keys, added to `resources` (or loaded lazily with i18next's backend when there are several).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

import en from '@/locales/en/translation.json';

export const defaultNS = 'translation';
export const resources = { en: { translation: en } } as const;
export const supportedLanguages = Object.keys(resources);

void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  defaultNS,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
