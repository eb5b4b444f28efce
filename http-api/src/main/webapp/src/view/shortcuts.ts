import type { MessageKey } from '../i18n/i18n';

/** What a key press in the conference does (Jitsi's keys, so that habits carry over). */
export type ShortcutAction =
  | 'toggle-mic'
  | 'toggle-camera'
  | 'toggle-screen'
  | 'toggle-chat'
  | 'toggle-participants'
  | 'raise-hand'
  | 'toggle-view'
  | 'show-shortcuts';

export interface Shortcut {
  /** As event.key gives it (letters lower case). */
  readonly key: string;
  readonly action: ShortcutAction;
  /** What it does, in words, for the help dialog. */
  readonly label: MessageKey;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { key: 'm', action: 'toggle-mic', label: 'shortcuts.mic' },
  { key: 'v', action: 'toggle-camera', label: 'shortcuts.camera' },
  { key: 'd', action: 'toggle-screen', label: 'shortcuts.screen' },
  { key: 'c', action: 'toggle-chat', label: 'shortcuts.chat' },
  { key: 'p', action: 'toggle-participants', label: 'shortcuts.participants' },
  { key: 'r', action: 'raise-hand', label: 'shortcuts.raiseHand' },
  { key: 'w', action: 'toggle-view', label: 'shortcuts.view' },
  { key: '?', action: 'show-shortcuts', label: 'shortcuts.help' },
];

/** The parts of a KeyboardEvent (and of its target) that decide. */
export interface KeyInput {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly repeat: boolean;
  readonly defaultPrevented: boolean;
  readonly target: { readonly tagName?: string; readonly type?: string; readonly isContentEditable?: boolean } | null;
}

export interface ShortcutContext {
  /** A dialog is open: keys belong to it. */
  readonly dialogOpen: boolean;
}

/** Inputs whose keys are not text: a shortcut typed on them is still a shortcut. */
const NOT_TYPING_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** Whether keys pressed on this element are text being typed (a name, a chat message, a select's type-ahead). */
export function isTypingTarget(target: KeyInput['target']): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NOT_TYPING_INPUTS.has((target.type ?? 'text').toLowerCase());
  return false;
}

/**
 * The action for a key press, or null: nothing while typing, in a dialog, for a held key, or with
 * Ctrl, Cmd or Alt (the browser's own shortcuts, e.g. Ctrl+W closes the tab, Ctrl+D bookmarks).
 */
export function shortcutFor(event: KeyInput, context: ShortcutContext): ShortcutAction | null {
  if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (context.dialogOpen || isTypingTarget(event.target)) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return SHORTCUTS.find((s) => s.key === key)?.action ?? null;
}
