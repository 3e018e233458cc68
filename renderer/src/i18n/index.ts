import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/domain/workflow';
import { en } from './en';
import { ja } from './ja';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/** What the UI follows until the user picks a language: the system's, if it is Japanese. */
export function systemLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export const isLanguage = (value: string | undefined): value is Language =>
  (LANGUAGES as readonly string[]).includes(value ?? '');

/** The language the UI shows now (i18next may report a region variant or nothing before init). */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

let choices = 0;

/** The user's own pick of a language (the header's switch): counted, so that it wins over a status read begun before it. */
export function chooseLanguage(language: Language): Promise<unknown> {
  choices += 1;
  return i18n.changeLanguage(language);
}

/** How many times the user has picked a language in this page. */
export const languageChoices = (): number => choices;

// Screen readers and the font fallback for CJK both read <html lang>.
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ja: { translation: ja } },
  lng: systemLanguage(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  // Resources are bundled, so initialise synchronously: the first render is already translated.
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
