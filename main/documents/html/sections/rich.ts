import type { RichBlock } from '../../model';

/**
 * A finding or statement of reasons as main/richtext rendered it. Its headings step down below the
 * document's own (h1–h3 become h4–h6), so that the document's outline and table of contents are
 * its sections, not the headings inside a finding.
 */
export function richBlock(block: RichBlock | null): string {
  if (!block) return '';
  const html = block.html.replace(/<(\/?)h([1-6])\b/g, (_m, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 3)}`);
  return `<div class="rich" lang="${block.lang}">${html}</div>`;
}
