import { describe, expect, it } from 'vitest';
import { addYears, dayInJapan, dayWithEra, eraDay, fuzzyDate } from './dates';
import { estimatePages, textLanguage } from './assemble';
import { documentFonts } from './fonts/font-library';

describe('document dates', () => {
  it('dates a document by the day in Japan, in the Gregorian and the Japanese era forms', () => {
    // 23:30 UTC on 26 November is already the 27th in Tokyo.
    expect(dayInJapan('2026-11-26T23:30:00.000Z')).toBe('2026-11-27');
    expect(eraDay('2026-11-27')).toBe('令和8年11月27日');
    expect(eraDay('2019-05-01')).toBe('令和元年5月1日');
    expect(eraDay('2019-04-30')).toBe('平成31年4月30日');
    expect(dayWithEra('2026-11-27', 'ja')).toBe('2026年11月27日（令和8年11月27日）');
    expect(dayWithEra('2026-11-27', 'en')).toBe('27 November 2026 (令和8年11月27日)');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });

  it('writes imprecise dates as precisely as they are known', () => {
    expect(fuzzyDate({ precision: 'month', value: '1958-12' }, 'en')).toBe('December 1958');
    expect(fuzzyDate({ precision: 'month', value: '1958-12' }, 'ja')).toBe('1958年12月');
    expect(fuzzyDate({ precision: 'range', from: '2017-04', to: '2019' }, 'en')).toBe('between April 2017 and 2019');
    expect(fuzzyDate({ precision: 'unknown' }, 'ja')).toBe('不明');
  });
});

describe('lengths, languages and fonts', () => {
  it('estimates printed pages from characters: 1,440 Japanese or 3,300 Latin characters a page', () => {
    expect(estimatePages('あ'.repeat(1440))).toBe(1);
    expect(estimatePages('あ'.repeat(1441))).toBe(2);
    expect(estimatePages('word '.repeat(2000))).toBe(3); // 8,000 letters, spaces not counted
    expect(estimatePages('')).toBe(0);
  });

  it('tells Japanese text from English by its script', () => {
    expect(textLanguage('複数の証言により、拷問が認められる。Exhibit E-1')).toBe('ja');
    expect(textLanguage('The finding rests on the testimony of W-01 (朱海仑).')).toBe('en');
  });

  it('knows which characters the bundled fonts cannot print, and loads only the subsets a text needs', () => {
    const fonts = documentFonts();
    expect(fonts.unprintable('資産凍結 Zhu Hailun Жуков Nguyễn 朱海侖 ①・—')).toEqual([]);
    // The bundled fallbacks (Noto Sans SC, TC, Myanmar, KR, Arabic) print what Noto JP cannot.
    expect(fonts.unprintable('မင်းအောင်လှိုင် 朱海仑 김정은 محمد')).toEqual([]);
    // No bundled font has Ethiopic: it is reported, never printed as boxes.
    expect(fonts.unprintable('ሰላም Zhu')).toEqual(['ሰ', 'ላ', 'ም']);
    const css = fonts.fontFaceCss('abc');
    expect(css).toMatch(/font-family:'Noto Serif JP'/);
    expect(css).toMatch(/url\(fonts\/noto-sans-jp-latin-700-normal\.woff2\)/);
    expect(css).not.toMatch(/local\(/);
    // Only the subsets holding these characters, in both weights, for both families.
    expect(css.split('@font-face').length - 1).toBe(2 * 2 * 2); // latin slices [118] and latin, ×2 weights ×2 families
    expect(fonts.filePath('fonts/noto-serif-jp-latin-400-normal.woff2')).toMatch(/noto-serif-jp-latin-400-normal\.woff2$/);
    expect(fonts.filePath('fonts/../../etc/passwd')).toBeNull();
  });
});
