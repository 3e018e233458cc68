import { createHeadlessEditor } from '@lexical/headless';
import { withDOM } from '@lexical/headless/dom';
import { $generateHtmlFromNodes } from '@lexical/html';
import { $isListNode, ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import {
  $getDocument,
  IS_BOLD,
  IS_ITALIC,
  IS_STRIKETHROUGH,
  IS_SUBSCRIPT,
  IS_SUPERSCRIPT,
  IS_UNDERLINE,
  LineBreakNode,
  ParagraphNode,
  TabNode,
  TextNode,
  type DOMExportOutput,
  type DOMExportOutputMap,
  type Klass,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { ExhibitReferenceNode, SubjectMentionNode } from '../../shared/richtext/nodes';
import { checkRichText } from '../../shared/richtext/validate';
import { Failure } from '../ipc/failure';
import { resolveExhibit, resolveSubject, type RichTextContext } from './context';

/**
 * Stored rich text (Lexical JSON) to HTML for documents, headlessly: Lexical parses the JSON with
 * the same node classes as the editor, and `@lexical/headless/dom`'s withDOM gives it a DOM
 * (happy-dom) to write into. Every node class has an export of ours below, so the HTML is plain
 * and predictable: semantic tags and a few classes, no inline styles, no Lexical attributes; exhibit
 * references read as the item's current exhibit and a reference whose record is gone stays in
 * the text, marked broken.
 */

/** The node classes of a stored document (the types in shared/richtext/validate's RICH_TEXT_NODE_TYPES). */
export const RICH_TEXT_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  ExhibitReferenceNode,
  SubjectMentionNode,
];

/** Styles the classes below rely on, for a document's stylesheet. */
export const RICH_TEXT_CSS = `
.exhibit-ref { white-space: nowrap; }
.exhibit-ref.broken, .subject-mention.broken { color: #b42318; text-decoration: underline wavy; }
li.nested { list-style-type: none; }
table.rich-table { border-collapse: collapse; }
table.rich-table th, table.rich-table td { border: 1px solid #999; padding: 2px 6px; vertical-align: top; }
`;

type Exporter = (editor: LexicalEditor, node: LexicalNode) => DOMExportOutput;

/**
 * The little of the DOM used here, typed by hand: main/ compiles without the DOM library (Node code
 * must not reach for `document`), and Electron's types declare only fragments of it.
 */
interface HtmlNode {
  append(...nodes: HtmlNode[]): void;
  setAttribute(name: string, value: string): void;
  className: string;
  textContent: string | null;
}
const doc = () => $getDocument() as unknown as { createElement(tag: string): HtmlNode; createTextNode(text: string): HtmlNode };
const el = (tag: string) => doc().createElement(tag);
const output = (element: HtmlNode): DOMExportOutput => ({ element: element as unknown as DOMExportOutput['element'] });
const block = (tag: string): Exporter => () => output(el(tag));

const FORMAT_TAGS: readonly [number, string][] = [
  [IS_BOLD, 'strong'],
  [IS_ITALIC, 'em'],
  [IS_UNDERLINE, 'u'],
  [IS_STRIKETHROUGH, 's'],
  [IS_SUBSCRIPT, 'sub'],
  [IS_SUPERSCRIPT, 'sup'],
];

function exportText(_editor: LexicalEditor, node: LexicalNode): DOMExportOutput {
  const text = node as TextNode;
  let element = doc().createTextNode(text.getTextContent());
  const format = text.getFormat();
  for (const [flag, tag] of FORMAT_TAGS) {
    if ((format & flag) === 0) continue;
    const wrapper = el(tag);
    wrapper.append(element);
    element = wrapper;
  }
  return output(element);
}

function exportList(_editor: LexicalEditor, node: LexicalNode): DOMExportOutput {
  const list = node as ListNode;
  const element = el(list.getListType() === 'number' ? 'ol' : 'ul');
  const start = list.getStart();
  if (list.getListType() === 'number' && start !== 1) element.setAttribute('start', String(start));
  return output(element);
}

function exportListItem(_editor: LexicalEditor, node: LexicalNode): DOMExportOutput {
  const element = el('li');
  const children = (node as ListItemNode).getChildren();
  // Lexical nests a list in an item of its own; without a marker class it would show an empty bullet.
  if (children.length === 1 && $isListNode(children[0])) element.className = 'nested';
  return output(element);
}

function exportTable(): DOMExportOutput {
  const element = el('table');
  element.className = 'rich-table';
  return output(element);
}

function exportTableCell(_editor: LexicalEditor, node: LexicalNode): DOMExportOutput {
  const cell = node as TableCellNode;
  const element = el(cell.getHeaderStyles() === 0 ? 'td' : 'th');
  if (cell.getColSpan() > 1) element.setAttribute('colspan', String(cell.getColSpan()));
  if (cell.getRowSpan() > 1) element.setAttribute('rowspan', String(cell.getRowSpan()));
  return output(element);
}

function exporters(context: RichTextContext): DOMExportOutputMap {
  const exhibit: Exporter = (_editor, node) => {
    const ref = node as ExhibitReferenceNode;
    const resolved = resolveExhibit(context, ref.getItemId(), ref.getLabelAtInsert());
    const element = el('span');
    element.className = resolved.broken ? 'exhibit-ref broken' : 'exhibit-ref';
    element.setAttribute('data-item-id', ref.getItemId());
    if (resolved.exhibit) element.setAttribute('data-exhibit', resolved.exhibit);
    element.textContent = resolved.text;
    return output(element);
  };
  const subject: Exporter = (_editor, node) => {
    const mention = node as SubjectMentionNode;
    const resolved = resolveSubject(context, mention.getSubjectId(), mention.getNameAtInsert());
    const element = el('span');
    element.className = resolved.broken ? 'subject-mention broken' : 'subject-mention';
    element.setAttribute('data-subject-id', mention.getSubjectId());
    element.textContent = resolved.text;
    return output(element);
  };
  return new Map<Klass<LexicalNode>, Exporter>([
    [ParagraphNode, block('p')],
    [TextNode, exportText],
    [TabNode, exportText],
    [LineBreakNode, block('br')],
    [HeadingNode, (_e, node) => output(el((node as HeadingNode).getTag()))],
    [QuoteNode, block('blockquote')],
    [ListNode, exportList],
    [ListItemNode, exportListItem],
    [TableNode, exportTable],
    [TableRowNode, block('tr')],
    [TableCellNode, exportTableCell],
    [ExhibitReferenceNode, exhibit],
    [SubjectMentionNode, subject],
  ]);
}

/** A headless editor holding the document; throws RICH_TEXT_INVALID for anything the validator refuses. */
export function loadRichText(json: unknown, context?: RichTextContext): LexicalEditor {
  const check = checkRichText(json);
  if (!check.ok) throw new Failure('RICH_TEXT_INVALID', check.issue.message);
  const editor = createHeadlessEditor({
    namespace: 'casebench',
    nodes: [...RICH_TEXT_NODES],
    onError: (error) => {
      throw error;
    },
    ...(context ? { html: { export: exporters(context) } } : {}),
  });
  editor.setEditorState(editor.parseEditorState(json as Parameters<LexicalEditor['parseEditorState']>[0]));
  return editor;
}

/**
 * HTML of several stored rich texts in one DOM session (making the DOM is the slow part), in order.
 * Exhibit references read as the current exhibit in `context.language`; a reference to an item or
 * subject that no longer exists reads as broken (class "broken"), never silently dropped.
 */
export function richTextsToHtml(documents: readonly unknown[], context: RichTextContext): string[] {
  return withDOM(() =>
    documents.map((json) => {
      const editor = loadRichText(json, context);
      return editor.read(() => $generateHtmlFromNodes(editor));
    }),
  );
}

export function richTextToHtml(json: unknown, context: RichTextContext): string {
  return richTextsToHtml([json], context)[0]!;
}
