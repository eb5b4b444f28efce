import type { Translator } from '../../i18n/i18n';
import type { LobbyState } from '../../signal/lobby';
import type { RosterState } from '../../signal/roster';
import { el, setText, show, uniqueId, type Component } from '../dom';
import { icon } from './icons';
import { createKnockList, type KnockListActions } from './knock-list';
import { createRosterList, type RosterAct } from './roster-list';

export type PanelName = 'participants' | 'chat';

export interface SidePanelState {
  open: PanelName | null;
  roster: RosterState;
  selfId: string | undefined;
  selfAvatar: string | null;
  speaking: ReadonlySet<string>;
  selfIsModerator: boolean;
  /** Who knocks (moderators only; empty for others). */
  lobby: LobbyState;
}

export interface SidePanelActions {
  close(): void;
  knocks: KnockListActions;
  act: RosterAct;
}

/**
 * The panel beside the videos (a full-screen sheet on a phone): the participants, or the chat.
 * Participants: for moderators, who asks to join (admit, reject, chat); the live roster (moderator
 * badge, microphone and camera, a moderator's actions on each person), then the raised hands,
 * a place kept for when the server supports them. Chat: an honest empty state until the server
 * carries messages; no message is ever made up.
 */
export function createSidePanel(t: Translator, actions: SidePanelActions): Component<SidePanelState> & { focus(): void; dialogs: HTMLElement[] } {
  const onClose = actions.close;
  const titleId = uniqueId('side-panel-title');
  const title = el('h2', { class: 'side-panel-title', attrs: { id: titleId } });
  const close = el('button', {
    class: 'icon-button',
    attrs: { type: 'button', 'aria-label': t.m('panel.close'), title: t.m('panel.close'), 'data-testid': 'panel-close' },
    on: { click: onClose },
  }, [icon('close')]);
  const knocks = createKnockList(t, actions.knocks);
  const roster = createRosterList(t, actions.act);
  const raisedHeading = uniqueId('raised-hands');
  const participants = el('div', { class: 'side-panel-body', attrs: { 'data-testid': 'participants-panel' } }, [
    knocks.element,
    roster.element,
    el('section', { class: 'raised-hands', attrs: { 'aria-labelledby': raisedHeading, 'data-testid': 'raised-hands' } }, [
      el('h3', { class: 'side-panel-subtitle', text: t.m('participants.raisedHands'), attrs: { id: raisedHeading } }),
      el('ul', { class: 'roster', attrs: { 'data-testid': 'raised-hands-list', 'aria-labelledby': raisedHeading } }),
      el('p', { class: 'empty-state-text', text: t.m('participants.raisedHandsEmpty') }),
    ]),
  ]);
  const chat = el('div', { class: 'side-panel-body', attrs: { 'data-testid': 'chat-panel' } }, [
    el('div', { class: 'empty-state', attrs: { 'data-testid': 'chat-empty' } }, [
      icon('chat'),
      el('p', { class: 'empty-state-title', text: t.m('chat.emptyTitle') }),
      el('p', { class: 'empty-state-text', text: t.m('chat.emptyBody') }),
    ]),
  ]);
  const element = el('aside', {
    class: 'side-panel',
    attrs: { 'aria-labelledby': titleId, 'data-testid': 'side-panel', hidden: true, tabindex: '-1' },
  }, [el('div', { class: 'side-panel-header' }, [title, close]), participants, chat]);

  return {
    element,
    dialogs: [knocks.dialog],
    update({ open, roster: rosterState, selfId, selfAvatar, speaking, selfIsModerator, lobby }) {
      show(element, open !== null);
      element.setAttribute('data-open', open ?? '');
      show(participants, open === 'participants');
      show(chat, open === 'chat');
      if (open === 'participants') setText(title, t.m('roster.title', { count: rosterState.participants.length }));
      if (open === 'chat') setText(title, t.m('chat.title'));
      roster.update({ roster: rosterState, selfId, selfAvatar, speaking, selfIsModerator });
      knocks.update({ lobby: selfIsModerator ? lobby : { knocks: [], chat: [] } });
    },
    focus() {
      element.focus();
    },
  };
}
