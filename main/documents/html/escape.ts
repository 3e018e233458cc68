/** Text into HTML: every value from the case file goes through here (names, titles, places …). */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** A CSS string literal (margin-box `content`), quotes and backslashes escaped, no line breaks. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (ch) => `\\${ch}`).replace(/[\r\n]+/g, ' ')}"`;
}

/** Multi-line plain text (an allegation's narrative) as paragraphs. */
export function paragraphs(text: string, attrs = ''): string {
  return text
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p${attrs}>${esc(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}
