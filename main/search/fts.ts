import { MATCH_END, MATCH_START } from '../../shared/contract/channels/search';

/** Trigram FTS cannot match terms shorter than this; shorter queries fall back to LIKE. */
export const MIN_TRIGRAM_CHARS = 3;

const length = (text: string) => [...text].length;

/**
 * The FTS5 MATCH expression for what a person typed: each whitespace-separated term of 3+
 * characters as a quoted phrase (so the trigram index finds it as a substring, and nothing in it is
 * read as query syntax), all terms required. Null when no term is long enough: use LIKE then.
 */
export function ftsMatchQuery(text: string): string | null {
  const terms = text
    .trim()
    .split(/\s+/u)
    .filter((term) => length(term) >= MIN_TRIGRAM_CHARS);
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' ');
}

/** A LIKE pattern finding `text` anywhere, with LIKE's own wildcards escaped (use ESCAPE '\'). */
export const likePattern = (text: string) => `%${text.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * A snippet around the first occurrence of `query` in `text`, marked like FTS5's snippet(), for the
 * LIKE fallback. Case-insensitive for Latin, as LIKE is.
 */
export function likeSnippet(text: string, query: string, radius = 24): string {
  const needle = query.trim();
  const at = text.toLowerCase().indexOf(needle.toLowerCase());
  if (at < 0 || needle === '') return [...text].slice(0, radius * 2).join('');
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + needle.length + radius);
  return (
    (start > 0 ? '…' : '') +
    text.slice(start, at) +
    MATCH_START +
    text.slice(at, at + needle.length) +
    MATCH_END +
    text.slice(at + needle.length, end) +
    (end < text.length ? '…' : '')
  );
}
