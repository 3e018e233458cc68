import { exhibitNode, richDocument, textNode } from '../richtext/build';
import type { Paragraph, SourceKey } from './demo-facts';

/** The demo's findings as Lexical JSON: paragraphs of text with references to the exhibits it imported. */
export type Exhibits = ReadonlyMap<SourceKey, { id: string; exhibit: string }>;

function inline(part: Paragraph[number], exhibits: Exhibits) {
  if (typeof part === 'string') return textNode(part);
  const item = exhibits.get(part.exhibit);
  if (!item) throw new Error(`The demo cites a source it did not import: ${part.exhibit}`);
  return exhibitNode(item.id, item.exhibit);
}

export function richDoc(paragraphs: readonly Paragraph[], exhibits: Exhibits) {
  return richDocument(paragraphs.map((parts) => parts.map((part) => inline(part, exhibits))));
}
