import type { Translator } from '../../i18n/i18n';
import { el, setText, show, type Component } from '../dom';
import { icon } from './icons';

export interface RoomHeaderState {
  /** Whether the person is in the room, so that leaving means something. */
  canLeave: boolean;
}

export interface RoomHeaderActions {
  copyLink(): Promise<boolean>;
  leave(): void;
}

const COPY_STATUS_MS = 4_000;

export function createRoomHeader(t: Translator, room: string, actions: RoomHeaderActions): Component<RoomHeaderState> {
  const copyStatus = el('span', { class: 'copy-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  let clearStatus: ReturnType<typeof setTimeout> | undefined;
  const copyButton = el('button', {
    class: 'button button-ghost',
    attrs: { type: 'button', 'data-testid': 'copy-link' },
    on: {
      click: async () => {
        const copied = await actions.copyLink();
        setText(copyStatus, t.t(copied ? 'room.linkCopied' : 'room.copyFailed'));
        clearTimeout(clearStatus);
        clearStatus = setTimeout(() => setText(copyStatus, ''), COPY_STATUS_MS);
      },
    },
  }, [icon('link'), el('span', { text: t.t('room.copyLink') })]);
  const leaveButton = el('button', {
    class: 'button button-danger',
    attrs: { type: 'button', 'data-testid': 'leave-button' },
    on: { click: () => actions.leave() },
  }, [icon('leave'), el('span', { text: t.t('room.leave') })]);

  const element = el('header', { class: 'room-header' }, [
    el('a', { class: 'brand', text: t.t('app.name'), attrs: { href: '/' } }),
    el('h1', { class: 'room-title', text: room, attrs: { 'data-testid': 'room-name' } }),
    el('div', { class: 'room-header-actions' }, [copyButton, leaveButton]),
    copyStatus,
  ]);
  return {
    element,
    update({ canLeave }) {
      show(leaveButton, canLeave);
    },
  };
}
