import type { Translator } from '../../i18n/i18n';
import { el, setText, show, type Component } from '../dom';
import type { Access } from '../../signal/protocol';
import { icon, labelledIcon } from './icons';
import { createLanguageSwitch } from './language-switch';

export interface RoomHeaderState {
  language: string;
  /** In the conference: the keyboard shortcuts mean something. */
  inConference: boolean;
  /** The room's entry rules, shown as small icons in the conference. */
  access: Access;
}

export interface RoomHeaderActions {
  copyLink(): Promise<boolean>;
  setLanguage(language: string): void;
  showShortcuts(): void;
}

const COPY_STATUS_MS = 4_000;

/** The room's name, its link to copy, the language menu and (in the call) the shortcuts help. */
export function createRoomHeader(t: Translator, room: string, actions: RoomHeaderActions): Component<RoomHeaderState> {
  const copyStatus = el('span', { class: 'copy-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  let clearStatus: ReturnType<typeof setTimeout> | undefined;
  const copyButton = el('button', {
    class: 'button button-ghost',
    attrs: { type: 'button', 'data-testid': 'copy-link' },
    on: {
      click: async () => {
        const copied = await actions.copyLink();
        setText(copyStatus, t.m(copied ? 'room.linkCopied' : 'room.copyFailed'));
        clearTimeout(clearStatus);
        clearStatus = setTimeout(() => setText(copyStatus, ''), COPY_STATUS_MS);
      },
    },
  }, [icon('link'), el('span', { text: t.m('room.copyLink') })]);
  const shortcuts = el('button', {
    class: 'icon-button header-shortcuts',
    attrs: { type: 'button', 'data-testid': 'open-shortcuts', 'aria-label': t.m('toolbar.more'), title: t.m('toolbar.more'), 'aria-keyshortcuts': '?', 'aria-haspopup': 'dialog' },
    on: { click: () => actions.showShortcuts() },
  }, [icon('keyboard')]);
  const language = createLanguageSwitch(t, 'language-switch', (code) => actions.setLanguage(code));
  const lobbyIcon = labelledIcon('door', t.m('access.lobbyOn'), 'access-icon');
  lobbyIcon.setAttribute('data-testid', 'access-lobby');
  const passwordIcon = labelledIcon('lock', t.m('access.passwordSet'), 'access-icon');
  passwordIcon.setAttribute('data-testid', 'access-password');
  const accessIndicator = el('span', { class: 'access-indicator', attrs: { 'data-testid': 'access-indicator', hidden: true } }, [passwordIcon, lobbyIcon]);

  const element = el('header', { class: 'room-header' }, [
    el('a', { class: 'brand', text: t.m('app.name'), attrs: { href: '/' } }),
    el('h1', { class: 'room-title', text: room, attrs: { 'data-testid': 'room-name', 'data-i18n-skip': true } }),
    accessIndicator,
    el('div', { class: 'room-header-actions' }, [copyButton, shortcuts, language.element]),
    copyStatus,
  ]);
  return {
    element,
    update({ language: code, inConference, access }) {
      language.update({ language: code });
      show(shortcuts, inConference);
      show(passwordIcon, access.passwordSet);
      show(lobbyIcon, access.lobbyEnabled);
      show(accessIndicator, inConference && (access.passwordSet || access.lobbyEnabled));
    },
  };
}
