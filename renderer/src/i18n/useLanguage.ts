import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain/workflow';
import { isLanguage } from './index';

/** The UI language, re-rendering the caller when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}
