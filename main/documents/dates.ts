import type { FuzzyDate } from '../../shared/domain/fuzzy-date';

/**
 * Dates as a Japanese official document writes them. A document's date is the day in Japan
 * (Asia/Tokyo), whatever the clock of the machine that prints it: it is addressed to Japanese
 * ministries. Era years come from Intl's Japanese calendar (ja-JP-u-ca-japanese), so a new era is a
 * runtime (ICU) update, not a code change.
 */
export type DocLanguage = 'ja' | 'en';

export const DOCUMENT_TIME_ZONE = 'Asia/Tokyo';

/** The calendar day (YYYY-MM-DD) of an instant in Japan. */
export function dayInJapan(instant: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: DOCUMENT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
}

/** A day plus some years (review dates); 29 February falls back to 28 February. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const noon = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 12));

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** YYYY, YYYY-MM or YYYY-MM-DD in words: "5 March 1960" / "1960年3月5日". */
export function partialDate(value: string, lang: DocLanguage): string {
  const [y, m, d] = value.split('-');
  if (lang === 'ja') return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
  if (!m) return y!;
  const month = EN_MONTHS[Number(m) - 1]!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** The Japanese-era form of a day: "令和8年11月27日" (元年 for an era's first year). */
export function eraDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const parts = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' }).formatToParts(
    noon(y, m, d),
  );
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const year = part('year') === '1' ? '元' : part('year');
  return `${part('era')}${year}年${part('month')}月${part('day')}日`;
}

/** A day with its era form, the way a heading dates a document: "2026年11月27日（令和8年11月27日）". */
export function dayWithEra(day: string, lang: DocLanguage): string {
  return lang === 'ja' ? `${partialDate(day, 'ja')}（${eraDay(day)}）` : `${partialDate(day, 'en')} (${eraDay(day)})`;
}

export function fuzzyDate(date: FuzzyDate, lang: DocLanguage): string {
  switch (date.precision) {
    case 'unknown':
      return lang === 'ja' ? '不明' : 'unknown';
    case 'range':
      return lang === 'ja'
        ? `${partialDate(date.from, 'ja')}から${partialDate(date.to, 'ja')}までの間`
        : `between ${partialDate(date.from, 'en')} and ${partialDate(date.to, 'en')}`;
    default:
      return partialDate(date.value, lang);
  }
}

const regionNames = { ja: new Intl.DisplayNames(['ja'], { type: 'region' }), en: new Intl.DisplayNames(['en'], { type: 'region' }) };

/** A country's name from its ISO code (Intl.DisplayNames: nothing to translate by hand). */
export function countryName(code: string, lang: DocLanguage): string {
  return regionNames[lang].of(code) ?? code;
}
