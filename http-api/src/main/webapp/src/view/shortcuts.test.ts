import { describe, expect, it } from 'vitest';
import { isTypingTarget, SHORTCUTS, shortcutFor, type KeyInput } from './shortcuts';

const press = (key: string, changes: Partial<KeyInput> = {}): KeyInput => ({
  key, ctrlKey: false, metaKey: false, altKey: false, repeat: false, defaultPrevented: false, target: { tagName: 'BODY' }, ...changes,
});
const open = { dialogOpen: false };

describe('shortcutFor', () => {
  it('mapsJitsisKeysToTheirActions', () => {
    expect(['m', 'v', 'd', 'c', 'p', 'r', 'w', '?'].map((k) => shortcutFor(press(k), open))).toEqual([
      'toggle-mic', 'toggle-camera', 'toggle-screen', 'toggle-chat', 'toggle-participants', 'raise-hand', 'toggle-view', 'show-shortcuts',
    ]);
  });

  it('capitalLettersWorkToo', () => {
    expect(shortcutFor(press('M'), open)).toBe('toggle-mic');
  });

  it('otherKeysDoNothing', () => {
    expect(shortcutFor(press('x'), open)).toBeNull();
    expect(shortcutFor(press('Enter'), open)).toBeNull();
    expect(shortcutFor(press(' '), open)).toBeNull();
  });

  it('isIgnoredWhileTypingInAFieldATextAreaASelectOrEditableText', () => {
    expect(shortcutFor(press('m', { target: { tagName: 'INPUT', type: 'text' } }), open)).toBeNull();
    expect(shortcutFor(press('m', { target: { tagName: 'INPUT' } }), open)).toBeNull();
    expect(shortcutFor(press('c', { target: { tagName: 'TEXTAREA' } }), open)).toBeNull();
    expect(shortcutFor(press('v', { target: { tagName: 'SELECT' } }), open)).toBeNull();
    expect(shortcutFor(press('w', { target: { tagName: 'DIV', isContentEditable: true } }), open)).toBeNull();
  });

  it('stillWorksOnButtonsAndCheckboxes', () => {
    expect(shortcutFor(press('m', { target: { tagName: 'BUTTON' } }), open)).toBe('toggle-mic');
    expect(shortcutFor(press('m', { target: { tagName: 'INPUT', type: 'checkbox' } }), open)).toBe('toggle-mic');
    expect(shortcutFor(press('m', { target: null }), open)).toBe('toggle-mic');
  });

  it('leavesTheBrowsersOwnShortcutsAlone', () => {
    expect(shortcutFor(press('w', { ctrlKey: true }), open)).toBeNull();
    expect(shortcutFor(press('d', { metaKey: true }), open)).toBeNull();
    expect(shortcutFor(press('m', { altKey: true }), open)).toBeNull();
  });

  it('ignoresAHeldKeyAndOneAlreadyHandled', () => {
    expect(shortcutFor(press('m', { repeat: true }), open)).toBeNull();
    expect(shortcutFor(press('m', { defaultPrevented: true }), open)).toBeNull();
  });

  it('isIgnoredWhileADialogIsOpen', () => {
    expect(shortcutFor(press('m'), { dialogOpen: true })).toBeNull();
  });

  it('everyShortcutHasItsOwnKey', () => {
    expect(new Set(SHORTCUTS.map((s) => s.key)).size).toBe(SHORTCUTS.length);
  });
});

describe('isTypingTarget', () => {
  it('knowsTextFieldsFromOtherInputs', () => {
    expect(isTypingTarget({ tagName: 'input', type: 'search' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'range' })).toBe(false);
    expect(isTypingTarget({ tagName: 'A' })).toBe(false);
  });
});
