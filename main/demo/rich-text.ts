import type { Paragraph, SourceKey } from './demo-facts';

/**
 * The demo's findings as Lexical JSON, in the shapes the findings editor stores (as
 * e2e/support/richtext.ts and main/workflow/test-case.ts write them): paragraphs of text with
 * exhibit-reference nodes, which saveFinding validates like any other text.
 */
export type Exhibits = ReadonlyMap<SourceKey, { id: string; exhibit: string }>;

const text = (t: string) => ({ type: 'text', version: 1, detail: 0, format: 0, mode: 'normal', style: '', text: t });

function inline(part: Paragraph[number], exhibits: Exhibits) {
  if (typeof part === 'string') return text(part);
  const item = exhibits.get(part.exhibit);
  if (!item) throw new Error(`The demo cites a source it did not import: ${part.exhibit}`);
  return { type: 'exhibit-reference', version: 1, itemId: item.id, label: item.exhibit };
}

export function richDoc(paragraphs: readonly Paragraph[], exhibits: Exhibits) {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: paragraphs.map((parts) => ({
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children: parts.map((part) => inline(part, exhibits)),
      })),
    },
  };
}
