import type { FuzzyDate } from '../../../shared/domain/fuzzy-date';
import type { Language } from '../../../shared/domain/workflow';

/** English dates follow British order ("27 Nov 2026"): unambiguous next to Japanese ones. */
const LOCALES: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' };

const regionNames = new Map<Language, Intl.DisplayNames>();

/** A country's name in the UI language; the code itself if the browser does not know it. */
export function countryName(code: string, language: Language): string {
  let names = regionNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([LOCALES[language]], { type: 'region' });
    regionNames.set(language, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** "2017", "2017-05" or "2017-05-04" in the UI language, only as precise as it was recorded. */
export function formatPartialDate(value: string, language: Language): string {
  const [y, m, d] = value.split('-').map(Number);
  if (y === undefined || Number.isNaN(y)) return value;
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions =
    d !== undefined
      ? { year: 'numeric', month: 'short', day: 'numeric' }
      : m !== undefined
        ? { year: 'numeric', month: 'short' }
        : { year: 'numeric' };
  return new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone: 'UTC' }).format(date);
}

export function formatFuzzyDate(
  date: FuzzyDate,
  language: Language,
  words: { unknown: string; range: (from: string, to: string) => string },
): string {
  switch (date.precision) {
    case 'unknown':
      return words.unknown;
    case 'range':
      return words.range(formatPartialDate(date.from, language), formatPartialDate(date.to, language));
    default:
      return formatPartialDate(date.value, language);
  }
}
