import type { DocWords } from '../../dictionary';
import { esc } from '../escape';
import { label, type Tongue } from '../tongue';

export interface TocEntry {
  /** The heading's text as it reads in the PDF's outline (numbers and both languages), to find its page. */
  heading: string;
  html: string;
  sub: boolean;
}

/** The page each entry starts on, in entry order; null while the first printing has not told us yet. */
export type TocPages = readonly (number | null)[] | null;

export function tocEntry(t: Tongue, number: string, pick: (w: DocWords) => string, sub = false): TocEntry {
  const html = `${esc(number)} ${label(t, pick)}`;
  return { heading: `${number} ${plainOf(html)}`, html, sub };
}

export function tocEntryText(number: string, text: string): TocEntry {
  return { heading: `${number} ${text}`, html: `${esc(number)} ${esc(text)}`, sub: true };
}

const plainOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split(' ')
    .slice(1)
    .join(' ');

/**
 * The table of contents, on a page of its own after the heading. Page numbers are filled in from a
 * first printing (see print-proposal): until then each reads "–", in a fixed-width column, so that
 * filling them in moves nothing.
 */
/** The id of the cell holding entry i's page number (filled in after the first printing). */
export const tocPageId = (i: number) => `toc-pg-${i}`;

export function tocHtml(t: Tongue, entries: readonly TocEntry[], pages: TocPages): string {
  const rows = entries.map(
    (e, i) => `<tr${e.sub ? ' class="sub"' : ''}><td class="title">${e.html}</td><td class="pg" id="${tocPageId(i)}">${pages?.[i] ?? '–'}</td></tr>`,
  );
  return `<nav class="toc"><h3>${label(t, (w) => w.contents)}</h3><table><tbody>${rows.join('')}</tbody></table></nav>`;
}
