import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { mergeRegister } from '@lexical/utils';
import { IS_BOLD, IS_ITALIC, IS_UNDERLINE, ParagraphNode, TextNode, type ElementNode, type Klass, type LexicalEditor } from 'lexical';

/** The text formats the toolbar offers; anything else pasted in (strikethrough, code, colours) is dropped. */
export const SUPPORTED_FORMATS = IS_BOLD | IS_ITALIC | IS_UNDERLINE;

function cleanElement(node: ElementNode, keepIndent: boolean): void {
  if (node.getFormatType() !== '') node.setFormat('');
  if (!keepIndent && node.getIndent() !== 0) node.setIndent(0);
  if (node.getTextStyle() !== '') node.setTextStyle('');
  if ((node.getTextFormat() & ~SUPPORTED_FORMATS) !== 0) node.setTextFormat(node.getTextFormat() & SUPPORTED_FORMATS);
}

/**
 * Keeps a document to what the editor supports, whatever was pasted from Word or a web page: only
 * registered nodes survive the paste (Lexical drops or unwraps the rest), and these transforms then
 * drop styles (colours, fonts, alignment, indents, cell colours and widths), formats other than
 * bold/italic/underline, check lists and heading levels other than the two offered. What is left is
 * exactly what shared/richtext/validate accepts.
 */
export function registerCleanContent(editor: LexicalEditor): () => void {
  const element = <T extends ElementNode>(klass: Klass<T>, extra?: (node: T) => void, keepIndent = false) =>
    editor.registerNodeTransform(klass, (node) => {
      cleanElement(node, keepIndent);
      extra?.(node);
    });
  return mergeRegister(
    editor.registerNodeTransform(TextNode, (node) => {
      if (node.getStyle() !== '') node.setStyle('');
      const format = node.getFormat();
      if ((format & ~SUPPORTED_FORMATS) !== 0) node.setFormat(format & SUPPORTED_FORMATS);
    }),
    element(ParagraphNode),
    element(QuoteNode),
    element(HeadingNode, (node) => {
      const tag = node.getTag();
      if (tag === 'h1') node.setTag('h2');
      else if (tag !== 'h2' && tag !== 'h3') node.setTag('h3');
    }),
    element(ListNode, (node) => {
      if (node.getListType() === 'check') node.setListType('bullet');
    }),
    element(ListItemNode, undefined, true),
    element(TableNode, (node) => {
      if (node.getColWidths() !== undefined) node.setColWidths(undefined);
    }),
    element(TableRowNode, (node) => {
      if (node.getHeight() !== undefined) node.setHeight(undefined);
    }),
    element(TableCellNode, (node) => {
      if (node.getBackgroundColor() !== null) node.setBackgroundColor(null);
      if (node.getWidth() !== undefined) node.setWidth(undefined);
      if (node.getVerticalAlign() !== undefined) node.setVerticalAlign(undefined);
    }),
  );
}
