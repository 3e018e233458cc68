import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import type { JSX } from 'react';
import {
  EXHIBIT_REFERENCE_TYPE,
  ExhibitReferenceNode,
  SUBJECT_MENTION_TYPE,
  SubjectMentionNode,
} from '../../../../shared/richtext/nodes';
import { ExhibitReferenceChip, SubjectMentionChip } from './ReferenceChips';

/**
 * The shared reference nodes, drawn: same type and data as shared/richtext/nodes (so stored JSON is
 * the same), plus the DOM host and the React chip the editor shows in it.
 */
export class ExhibitReferenceEditorNode extends ExhibitReferenceNode {
  override $config() {
    return this.config(EXHIBIT_REFERENCE_TYPE, { extends: ExhibitReferenceNode });
  }

  override createDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'cb-rt-decorator';
    return span;
  }

  override updateDOM(): false {
    return false;
  }

  override decorate(): JSX.Element {
    return <ExhibitReferenceChip itemId={this.getItemId()} labelAtInsert={this.getLabelAtInsert()} />;
  }
}

export class SubjectMentionEditorNode extends SubjectMentionNode {
  override $config() {
    return this.config(SUBJECT_MENTION_TYPE, { extends: SubjectMentionNode });
  }

  override createDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'cb-rt-decorator';
    return span;
  }

  override updateDOM(): false {
    return false;
  }

  override decorate(): JSX.Element {
    return <SubjectMentionChip subjectId={this.getSubjectId()} nameAtInsert={this.getNameAtInsert()} />;
  }
}

/** Every node the editor registers: exactly the types shared/richtext/validate allows (main's richtext test checks the list). */
export const EDITOR_NODES: readonly Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  ExhibitReferenceEditorNode,
  SubjectMentionEditorNode,
];
