import {
  $create,
  $getState,
  $setState,
  createState,
  DecoratorNode,
  type LexicalNode,
  type StateValueOrUpdater,
} from 'lexical';

/**
 * The two nodes of our own in findings and statements of reasons. Both store an id, never a label:
 * what they show ("Exhibit E-12", a subject's name) is looked up when the text is shown or
 * rendered, so it follows renumbering and renaming. The label or name at the time of insertion is
 * kept only to describe a reference whose record no longer exists.
 *
 * These classes hold data only (lexical core, no DOM): the renderer subclasses them with the same
 * type to draw them (createDOM, decorate), and main/richtext gives them an HTML export of its own.
 */
export const EXHIBIT_REFERENCE_TYPE = 'exhibit-reference';
export const SUBJECT_MENTION_TYPE = 'subject-mention';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const itemIdState = createState('itemId', { parse: text });
const exhibitLabelState = createState('label', { parse: text });
const subjectIdState = createState('subjectId', { parse: text });
const subjectNameState = createState('name', { parse: text });

export class ExhibitReferenceNode extends DecoratorNode<unknown> {
  override $config() {
    return this.config(EXHIBIT_REFERENCE_TYPE, {
      extends: DecoratorNode,
      stateConfigs: [
        { flat: true, stateConfig: itemIdState },
        { flat: true, stateConfig: exhibitLabelState },
      ],
    });
  }

  /** The evidence item's id (UUIDv7). */
  getItemId(): string {
    return $getState(this, itemIdState);
  }

  setItemId(value: StateValueOrUpdater<typeof itemIdState>): this {
    return $setState(this, itemIdState, value);
  }

  /** The exhibit ("E-12") when the reference was inserted: only for describing a broken reference. */
  getLabelAtInsert(): string {
    return $getState(this, exhibitLabelState);
  }

  setLabelAtInsert(value: StateValueOrUpdater<typeof exhibitLabelState>): this {
    return $setState(this, exhibitLabelState, value);
  }

  override isInline(): true {
    return true;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  override getTextContent(): string {
    return this.getLabelAtInsert();
  }
}

export class SubjectMentionNode extends DecoratorNode<unknown> {
  override $config() {
    return this.config(SUBJECT_MENTION_TYPE, {
      extends: DecoratorNode,
      stateConfigs: [
        { flat: true, stateConfig: subjectIdState },
        { flat: true, stateConfig: subjectNameState },
      ],
    });
  }

  getSubjectId(): string {
    return $getState(this, subjectIdState);
  }

  setSubjectId(value: StateValueOrUpdater<typeof subjectIdState>): this {
    return $setState(this, subjectIdState, value);
  }

  /** The subject's name when mentioned: only for describing a mention of a subject that no longer exists. */
  getNameAtInsert(): string {
    return $getState(this, subjectNameState);
  }

  setNameAtInsert(value: StateValueOrUpdater<typeof subjectNameState>): this {
    return $setState(this, subjectNameState, value);
  }

  override isInline(): true {
    return true;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  override getTextContent(): string {
    return this.getNameAtInsert();
  }
}

/** Creates the node with the class the editor registered for the type (the renderer's subclass in the UI). */
export function $createExhibitReferenceNode(itemId: string, labelAtInsert: string, klass = ExhibitReferenceNode): ExhibitReferenceNode {
  return $create(klass).setItemId(itemId).setLabelAtInsert(labelAtInsert);
}

export function $createSubjectMentionNode(subjectId: string, nameAtInsert: string, klass = SubjectMentionNode): SubjectMentionNode {
  return $create(klass).setSubjectId(subjectId).setNameAtInsert(nameAtInsert);
}

export const $isExhibitReferenceNode = (node: LexicalNode | null | undefined): node is ExhibitReferenceNode =>
  node instanceof ExhibitReferenceNode;

export const $isSubjectMentionNode = (node: LexicalNode | null | undefined): node is SubjectMentionNode =>
  node instanceof SubjectMentionNode;
