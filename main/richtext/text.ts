import { EXHIBIT_REFERENCE_TYPE, SUBJECT_MENTION_TYPE } from '../../shared/richtext/nodes';
import { checkRichText } from '../../shared/richtext/validate';
import { Failure } from '../ipc/failure';
import { resolveExhibit, resolveSubject, type RichTextContext } from './context';

type Node = { type: string; children?: Node[]; text?: string; itemId?: string; label?: string; subjectId?: string; name?: string };

const BLOCKS = new Set(['paragraph', 'heading', 'quote', 'list', 'listitem', 'table', 'tablerow']);

/**
 * Plain text of a stored rich text, for search and for counting: one line per paragraph, heading,
 * list item and table row (cells separated by tabs), exhibit references and subject mentions as
 * they read now. Walks the validated JSON directly; no DOM is needed for text.
 */
export function richTextToText(json: unknown, context: RichTextContext): string {
  const check = checkRichText(json);
  if (!check.ok) throw new Failure('RICH_TEXT_INVALID', check.issue.message);
  const lines: string[] = [];
  let line = '';
  const endLine = () => {
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
  };
  /** Inside a table cell, paragraphs are joined by spaces so that a row stays on one line. */
  const visit = (node: Node, inCell: boolean): void => {
    switch (node.type) {
      case 'text':
      case 'tab':
        line += node.text ?? '';
        return;
      case 'linebreak':
        if (inCell) line += ' ';
        else endLine();
        return;
      case EXHIBIT_REFERENCE_TYPE:
        line += resolveExhibit(context, node.itemId ?? '', node.label ?? '').text;
        return;
      case SUBJECT_MENTION_TYPE:
        line += resolveSubject(context, node.subjectId ?? '', node.name ?? '').text;
        return;
      case 'tablecell':
        if (line) line += '\t';
        node.children?.forEach((child, i) => {
          if (i > 0) line += ' ';
          visit(child, true);
        });
        return;
    }
    const breaks = BLOCKS.has(node.type) && !inCell;
    if (breaks && node.type !== 'tablerow') endLine();
    node.children?.forEach((child) => visit(child, inCell));
    if (breaks) endLine();
  };
  visit((json as { root: Node }).root, false);
  endLine();
  return lines.join('\n');
}
