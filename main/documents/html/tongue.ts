import type { DocumentLanguage } from '../../../shared/contract/channels/documents';
import type { DocLanguage } from '../dates';
import { WORDS, type DocWords } from '../dictionary';
import { esc } from './escape';

/**
 * The language(s) a document speaks. A bilingual document says everything in Japanese, then the
 * same in English right after it (labels under labels, paragraph after paragraph): one reading
 * order, each statement next to its translation, so the two versions visibly say the same thing,
 * and wide tables (exhibits with their hashes) keep the full page width, which side-by-side columns
 * would halve.
 */
export interface Tongue {
  langs: readonly DocLanguage[];
  bilingual: boolean;
  /** The document's language for `<html lang>`: Japanese when there is any. */
  main: DocLanguage;
}

export function tongue(language: DocumentLanguage): Tongue {
  const langs: DocLanguage[] = language === 'bilingual' ? ['ja', 'en'] : [language];
  return { langs, bilingual: langs.length === 2, main: langs[0]! };
}

type Pick = (words: DocWords, lang: DocLanguage) => string;

/** A label or short phrase: one span per language, the translation marked `tr` (set under it). */
export function label(t: Tongue, pick: Pick): string {
  return t.langs
    .map((lang, i) => `<span lang="${lang}"${i > 0 ? ' class="tr"' : ''}>${esc(pick(WORDS[lang], lang))}</span>`)
    .join(' ');
}

/** A sentence or paragraph: one `<p>` per language. */
export function para(t: Tongue, pick: Pick, className = ''): string {
  return t.langs
    .map((lang, i) => {
      const classes = [className, i > 0 ? 'tr' : ''].filter(Boolean).join(' ');
      return `<p lang="${lang}"${classes ? ` class="${classes}"` : ''}>${esc(pick(WORDS[lang], lang))}</p>`;
    })
    .join('');
}

/** A value that reads differently by language (a date, a country): "2026年11月27日 / 27 November 2026". */
export function value(t: Tongue, pick: Pick): string {
  const values = t.langs.map((lang) => pick(WORDS[lang], lang));
  const distinct = [...new Set(values)];
  return distinct.map((v, i) => `<span lang="${t.langs[i]}">${esc(v)}</span>`).join('<span class="sep"> / </span>');
}

/** Plain text of a pick in each language, for CSS strings and PDF metadata: "資産凍結… / Proposal…". */
export function plain(t: Tongue, pick: Pick, separator = ' / '): string {
  return [...new Set(t.langs.map((lang) => pick(WORDS[lang], lang)))].join(separator);
}
