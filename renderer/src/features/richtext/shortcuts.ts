/** The editor's keyboard shortcuts, written once: matched on key events and shown in the toolbar's tooltips. */
export const SHORTCUTS = {
  bold: 'Mod+B',
  italic: 'Mod+I',
  underline: 'Mod+U',
  paragraph: 'Mod+Alt+0',
  heading: 'Mod+Alt+2',
  subheading: 'Mod+Alt+3',
  bullet: 'Mod+Shift+8',
  number: 'Mod+Shift+7',
  quote: 'Mod+Shift+9',
  table: 'Mod+Alt+T',
  exhibit: 'Mod+Shift+E',
  subject: 'Mod+Shift+K',
  undo: 'Mod+Z',
  redo: 'Mod+Shift+Z',
} as const;
export type ShortcutAction = keyof typeof SHORTCUTS;

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform);

/** "Ctrl+Shift+E" or "⌘⇧E", as the platform writes it. */
export function shortcutLabel(action: ShortcutAction): string {
  const mac = isMac();
  return SHORTCUTS[action]
    .split('+')
    .map((part) => ({ Mod: mac ? '⌘' : 'Ctrl', Shift: mac ? '⇧' : 'Shift', Alt: mac ? '⌥' : 'Alt' })[part] ?? part)
    .join(mac ? '' : '+');
}

/**
 * Whether a key event is the shortcut. Matched on the physical key (event.code), so that Shift+8 is
 * Shift+8 on every layout and Alt does not turn the letter into another character.
 */
export function matchesShortcut(event: KeyboardEvent, action: ShortcutAction): boolean {
  const parts = SHORTCUTS[action].split('+');
  const key = parts.at(-1)!;
  const code = /^\d$/.test(key) ? `Digit${key}` : `Key${key}`;
  // AltGr reports itself as Ctrl+Alt on Windows: it types characters ("}" on a German Ctrl+Alt+0), never shortcuts.
  if (event.getModifierState('AltGraph')) return false;
  const mod = isMac() ? event.metaKey : event.ctrlKey;
  return (
    event.code === code &&
    mod &&
    event.shiftKey === parts.includes('Shift') &&
    event.altKey === parts.includes('Alt')
  );
}
