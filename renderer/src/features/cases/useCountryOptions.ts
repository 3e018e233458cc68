import { useMemo } from 'react';
import { COUNTRY_CODES, type CountryCode } from '../../../../shared/domain/countries';
import { countryName } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';

/** Select options for countries, named and sorted in the UI language. */
export function useCountryOptions(codes: readonly CountryCode[] = COUNTRY_CODES) {
  const language = useLanguage();
  return useMemo(() => {
    const collator = new Intl.Collator(language);
    return codes
      .map((code) => ({ value: code, label: countryName(code, language) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [codes, language]);
}
