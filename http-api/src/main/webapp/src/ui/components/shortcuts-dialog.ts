import type { Translator } from '../../i18n/i18n';
import { SHORTCUTS } from '../../view/shortcuts';
import { el } from '../dom';
import { createModal, type Modal } from './modal';

/** "?": the keyboard shortcuts of the conference, and when they do nothing. */
export function createShortcutsDialog(t: Translator): Modal {
  return createModal(t, { title: 'shortcuts.title', testId: 'shortcuts-help' }, [
    el('dl', { class: 'shortcut-list' }, SHORTCUTS.flatMap((s) => [
      el('dt', {}, [el('kbd', { text: s.key.toUpperCase(), attrs: { 'data-i18n-skip': true } })]),
      el('dd', { text: t.m(s.label) }),
    ])),
    el('p', { class: 'field-hint', text: t.m('shortcuts.note') }),
  ]);
}
