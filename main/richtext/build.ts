/**
 * Lexical JSON in the shapes the findings editor stores, for code that writes rich text without an
 * editor: the demo case and the test fixtures. saveFinding validates what these build like any
 * other text, so a shape that drifts from the editor's is refused, not stored.
 */
export type RichNode = Record<string, unknown>;

/** `format` is Lexical's bit set: 1 bold, 2 italic. */
export const textNode = (text: string, format = 0): RichNode => ({ type: 'text', version: 1, detail: 0, format, mode: 'normal', style: '', text });

export const exhibitNode = (itemId: string, label: string): RichNode => ({ type: 'exhibit-reference', version: 1, itemId, label });

export const paragraphNode = (children: RichNode[]): RichNode => ({
  type: 'paragraph',
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children,
});

/** A document of paragraphs, each given as its inline nodes. */
export const richDocument = (paragraphs: RichNode[][]) => ({
  root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: paragraphs.map(paragraphNode) },
});
