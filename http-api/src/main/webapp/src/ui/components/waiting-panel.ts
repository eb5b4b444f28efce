import type { Me } from '../../app/me';
import type { Translator } from '../../i18n/i18n';
import type { LobbyChatLine, Waiting } from '../../signal/protocol';
import { el, show, type Component } from '../dom';
import { createIdentityBox } from './identity-box';
import { createLobbyChat } from './lobby-chat';

export interface WaitingPanelState {
  waiting: Waiting;
  chat: readonly LobbyChatLine[];
  me: Me | undefined;
}

export interface WaitingPanelActions {
  leave(): void;
  sendChat(text: string): void;
}

/**
 * The join is pending. Waiting for a host: "you will enter automatically", and the way to sign in
 * for the host who arrived as a guest. Knocking at the lobby: a moderator decides, and meanwhile
 * the knocker and the moderators can write to each other. Both can be given up with Leave.
 */
export function createWaitingPanel(t: Translator, returnPath: () => string, actions: WaitingPanelActions): Component<WaitingPanelState> {
  const leave = () => el('button', {
    class: 'button',
    text: t.m('waiting.leave'),
    attrs: { type: 'button', 'data-testid': 'waiting-leave' },
    on: { click: () => actions.leave() },
  });
  const identity = createIdentityBox(t, returnPath);
  const host = el('section', { class: 'panel notice waiting', attrs: { 'data-testid': 'waiting-host', 'aria-busy': 'true' } }, [
    el('div', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }),
    el('h2', { class: 'panel-title', text: t.m('waiting.host.title') }),
    el('p', { class: 'notice-body', text: t.m('waiting.host.body') }),
    el('h3', { class: 'side-panel-subtitle', text: t.m('waiting.host.areYouHost') }),
    identity.element,
    el('div', { class: 'actions' }, [leave()]),
  ]);
  const chat = createLobbyChat(t, { log: 'lobby-chat-log', input: 'lobby-chat-input', send: 'lobby-chat-send' }, (text) => actions.sendChat(text));
  const lobby = el('section', { class: 'panel notice waiting', attrs: { 'data-testid': 'waiting-lobby', 'aria-busy': 'true' } }, [
    el('div', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }),
    el('h2', { class: 'panel-title', text: t.m('waiting.lobby.title') }),
    el('p', { class: 'notice-body', text: t.m('waiting.lobby.body') }),
    chat.element,
    el('div', { class: 'actions' }, [leave()]),
  ]);
  const element = el('div', { class: 'waiting-view' }, [host, lobby]);
  return {
    element,
    update({ waiting, chat: lines, me }) {
      const isLobby = waiting.reason === 'WAIT_REASON_LOBBY';
      show(host, !isLobby);
      show(lobby, isLobby);
      identity.update({ me });
      chat.update({ lines });
    },
  };
}
