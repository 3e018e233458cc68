import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import { ActionIcon, Divider, Group, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBold,
  IconH2,
  IconH3,
  IconItalic,
  IconList,
  IconListNumbers,
  IconPaperclip,
  IconPilcrow,
  IconQuote,
  IconTable,
  IconUnderline,
  IconUser,
} from '@tabler/icons-react';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutLabel, type ShortcutAction } from './shortcuts';

export type BlockType = 'paragraph' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number' | 'other';

interface ToolbarState {
  block: BlockType;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

/** The block and formats at the selection (call inside a read). */
export function readBlock(): Omit<ToolbarState, 'canUndo' | 'canRedo'> | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  let top = anchor.getKey() === 'root' ? anchor : anchor.getTopLevelElement();
  if (top === null || $isRootOrShadowRoot(top)) top = null;
  let block: BlockType = 'paragraph';
  const list = $getNearestNodeOfType(anchor, ListNode);
  if (list) block = list.getListType() === 'number' ? 'number' : 'bullet';
  else if ($isHeadingNode(top)) block = top.getTag() === 'h2' ? 'h2' : top.getTag() === 'h3' ? 'h3' : 'other';
  else if ($isQuoteNode(top)) block = 'quote';
  else if (top && top.getType() !== 'paragraph') block = 'other';
  return { block, bold: selection.hasFormat('bold'), italic: selection.hasFormat('italic'), underline: selection.hasFormat('underline') };
}

/** Turns the selected blocks into the given kind; again on the same kind turns them back into paragraphs. */
export function setBlock(editor: LexicalEditor, target: BlockType, current: BlockType): void {
  if (target === 'bullet' || target === 'number') {
    editor.dispatchCommand(
      current === target ? REMOVE_LIST_COMMAND : target === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
      undefined,
    );
    return;
  }
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const next = current === target ? 'paragraph' : target;
    $setBlocksType(selection, () =>
      next === 'h2' || next === 'h3' ? $createHeadingNode(next) : next === 'quote' ? $createQuoteNode() : $createParagraphNode(),
    );
  });
}

export const insertTable = (editor: LexicalEditor) =>
  editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } });

export function Toolbar({ onPick }: { onPick: (kind: 'exhibit' | 'subject') => void }) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>({
    block: 'paragraph',
    bold: false,
    italic: false,
    underline: false,
    canUndo: false,
    canRedo: false,
  });

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const read = editorState.read(readBlock, { editor });
          if (read) setState((s) => ({ ...s, ...read }));
        }),
        editor.registerCommand(CAN_UNDO_COMMAND, (canUndo) => (setState((s) => ({ ...s, canUndo })), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (canRedo) => (setState((s) => ({ ...s, canRedo })), false), COMMAND_PRIORITY_LOW),
      ),
    [editor],
  );

  const button = (action: ShortcutAction, icon: ReactNode, run: () => void, options: { active?: boolean; disabled?: boolean } = {}) => {
    const label = `${t(`richtext.toolbar.${action}`)} (${shortcutLabel(action)})`;
    return (
      <Tooltip label={label} key={action}>
        <ActionIcon
          aria-label={label}
          aria-pressed={options.active ?? undefined}
          data-testid={`rt-${action}`}
          variant={options.active ? 'light' : 'subtle'}
          color={options.active ? 'slate' : 'gray'}
          disabled={options.disabled}
          // Keep the caret in the text: a toolbar click must not take the focus (or the selection) away.
          onMouseDown={(e) => e.preventDefault()}
          onClick={run}
        >
          {icon}
        </ActionIcon>
      </Tooltip>
    );
  };
  const block = (target: BlockType, action: ShortcutAction, icon: ReactNode) =>
    button(action, icon, () => setBlock(editor, target, state.block), { active: state.block === target });

  return (
    <Group gap={2} className="cb-rt-toolbar" role="toolbar" aria-label={t('richtext.toolbar.label')} wrap="wrap">
      {button('undo', <IconArrowBackUp size={16} />, () => editor.dispatchCommand(UNDO_COMMAND, undefined), { disabled: !state.canUndo })}
      {button('redo', <IconArrowForwardUp size={16} />, () => editor.dispatchCommand(REDO_COMMAND, undefined), { disabled: !state.canRedo })}
      <Divider orientation="vertical" mx={4} />
      {block('paragraph', 'paragraph', <IconPilcrow size={16} />)}
      {block('h2', 'heading', <IconH2 size={16} />)}
      {block('h3', 'subheading', <IconH3 size={16} />)}
      <Divider orientation="vertical" mx={4} />
      {button('bold', <IconBold size={16} />, () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'), { active: state.bold })}
      {button('italic', <IconItalic size={16} />, () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'), { active: state.italic })}
      {button('underline', <IconUnderline size={16} />, () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'underline'), {
        active: state.underline,
      })}
      <Divider orientation="vertical" mx={4} />
      {block('bullet', 'bullet', <IconList size={16} />)}
      {block('number', 'number', <IconListNumbers size={16} />)}
      {block('quote', 'quote', <IconQuote size={16} />)}
      {button('table', <IconTable size={16} />, () => insertTable(editor))}
      <Divider orientation="vertical" mx={4} />
      {button('exhibit', <IconPaperclip size={16} />, () => onPick('exhibit'))}
      {button('subject', <IconUser size={16} />, () => onPick('subject'))}
    </Group>
  );
}

