import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import {
  $getSelection,
  $insertNodes,
  $setSelection,
  BLUR_COMMAND,
  COMMAND_PRIORITY_LOW,
  COMMAND_PRIORITY_NORMAL,
  KEY_DOWN_COMMAND,
  type BaseSelection,
  type EditorState,
  type EditorThemeClasses,
} from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import { $createExhibitReferenceNode, $createSubjectMentionNode } from '../../../../shared/richtext/nodes';
import { registerCleanContent } from './cleanContent';
import { EDITOR_NODES, ExhibitReferenceEditorNode, SubjectMentionEditorNode } from './editorNodes';
import { useRichTextEnv } from './env';
import { ReferencePicker, type PickedReference, type PickerKind } from './ReferencePicker';
import { matchesShortcut, type ShortcutAction } from './shortcuts';
import { insertTable, readBlock, setBlock, Toolbar, type BlockType } from './Toolbar';
import './richtext.css';

const THEME: EditorThemeClasses = {
  paragraph: 'cb-rt-p',
  quote: 'cb-rt-quote',
  heading: { h2: 'cb-rt-h2', h3: 'cb-rt-h3' },
  list: { ul: 'cb-rt-ul', ol: 'cb-rt-ol', listitem: 'cb-rt-li', nested: { listitem: 'cb-rt-nested-item' } },
  text: { bold: 'cb-rt-bold', italic: 'cb-rt-italic', underline: 'cb-rt-underline' },
  table: 'cb-rt-table',
  tableCell: 'cb-rt-cell',
  tableCellHeader: 'cb-rt-cell-header',
  tableSelection: 'cb-rt-table-selection',
  tableCellSelected: 'cb-rt-cell-selected',
};

/** Shortcuts beyond Lexical's own (bold, italic, underline, undo, redo), matched before the browser sees them. */
function ShortcutsPlugin({ onPick }: { onPick: (kind: PickerKind) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event: KeyboardEvent) => {
          const blocks: [ShortcutAction, BlockType][] = [
            ['paragraph', 'paragraph'],
            ['heading', 'h2'],
            ['subheading', 'h3'],
            ['bullet', 'bullet'],
            ['number', 'number'],
            ['quote', 'quote'],
          ];
          const hit = blocks.find(([action]) => matchesShortcut(event, action));
          let run: (() => void) | null = null;
          if (hit) {
            const current = editor.getEditorState().read(() => readBlock()?.block ?? 'paragraph', { editor });
            run = () => setBlock(editor, hit[1], current);
          } else if (matchesShortcut(event, 'table')) run = () => insertTable(editor);
          else if (matchesShortcut(event, 'exhibit')) run = () => onPick('exhibit');
          else if (matchesShortcut(event, 'subject')) run = () => onPick('subject');
          if (!run) return false;
          event.preventDefault();
          run();
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor, onPick],
  );
  return null;
}

/** Cleans what is pasted or loaded, and reports leaving the text (autosave flushes then). */
function BehaviourPlugin({ onBlur }: { onBlur: () => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerCleanContent(editor), [editor]);
  useEffect(
    () =>
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          onBlur();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, onBlur],
  );
  return null;
}

export interface RichTextEditorProps {
  /** Stored Lexical JSON to start from; null for an empty text. Read once, on mount. */
  initialJson: unknown;
  readOnly: boolean;
  /** Every change of content (not of selection), as Lexical JSON. */
  onChange: (json: unknown) => void;
  onBlur: () => void;
  label: string;
  placeholder: string;
  testId: string;
}

/**
 * The rich-text editor of findings and statements of reasons: headings, lists, bold/italic/underline,
 * quotations, tables, undo; exhibit references and subject mentions inserted by search. Pasting
 * from Word or a web page keeps only what the editor supports.
 */
export function RichTextEditor({ initialJson, readOnly, ...rest }: RichTextEditorProps) {
  const initialConfig: InitialConfigType = {
    namespace: 'casebench-richtext',
    nodes: EDITOR_NODES,
    theme: THEME,
    editable: !readOnly,
    editorState: initialJson ? JSON.stringify(initialJson) : undefined,
    onError: (error) => {
      throw error;
    },
  };
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <EditorInner readOnly={readOnly} {...rest} />
    </LexicalComposer>
  );
}

function EditorInner({ readOnly, onChange, onBlur, label, placeholder, testId }: Omit<RichTextEditorProps, 'initialJson'>) {
  const [editor] = useLexicalComposerContext();
  const env = useRichTextEnv();
  const [picker, setPicker] = useState<PickerKind | null>(null);
  // Where the caret was when the picker opened: the picker takes the focus, the reference goes back there.
  const caret = useRef<BaseSelection | null>(null);
  const openPicker = useCallback(
    (kind: PickerKind) => {
      caret.current = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
      setPicker(kind);
    },
    [editor],
  );
  const toJson = useCallback((state: EditorState) => onChange(state.toJSON()), [onChange]);
  const closePicker = () => {
    setPicker(null);
    editor.focus();
  };
  const insert = (kind: PickerKind, picked: PickedReference) => {
    setPicker(null);
    editor.update(() => {
      if (caret.current) $setSelection(caret.current.clone());
      $insertNodes([
        kind === 'exhibit'
          ? $createExhibitReferenceNode(picked.id, picked.label, ExhibitReferenceEditorNode)
          : $createSubjectMentionNode(picked.id, picked.label, SubjectMentionEditorNode),
      ]);
    });
    editor.focus();
  };

  return (
    <>
      <div className="cb-rt-frame" data-testid={testId}>
        {!readOnly && <Toolbar onPick={openPicker} />}
        <div className="cb-rt-body">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="cb-rt-content"
                aria-label={label}
                aria-placeholder={placeholder}
                placeholder={<div className="cb-rt-placeholder">{placeholder}</div>}
                data-testid={`${testId}-content`}
                style={{ minHeight: 160 }}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} />
      <OnChangePlugin ignoreSelectionChange onChange={toJson} />
      <BehaviourPlugin onBlur={onBlur} />
      {!readOnly && <ShortcutsPlugin onPick={openPicker} />}
      {!readOnly && <ReferencePicker kind={picker} caseId={env.caseId} onPick={insert} onClose={closePicker} />}
    </>
  );
}
