import type { Translator } from '../../i18n/i18n';
import type { LobbyState } from '../../signal/lobby';
import type { RosterState } from '../../signal/roster';
import type { HandEntry } from '../../view/hands';
import { el, setAttributes, setText, show, uniqueId, type Component } from '../dom';
import { createChatPanel, type ChatPanelActions, type ChatPanelState } from './chat-panel';
import { icon } from './icons';
import { createKnockList, type KnockListActions } from './knock-list';
import { createPollsPanel, type PollsPanelActions, type PollsPanelState } from './polls-panel';
import type { UnmuteAsk } from '../../signal/signal-client';
import type { MuteKind } from '../../signal/protocol';
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
  /** The raised hands, oldest first, numbered. */
  hands: readonly HandEntry[];
  chat: Omit<ChatPanelState, 'roster' | 'selfId' | 'selfIsModerator'>;
  polls: Omit<PollsPanelState, 'selfId' | 'selfIsModerator'>;
  /** Who asks to unmute (moderators only; empty for others). */
  unmuteAsks: readonly UnmuteAsk[];
}

export interface SidePanelActions {
  close(): void;
  knocks: KnockListActions;
  act: RosterAct;
  chat: ChatPanelActions;
  lowerHand(participantId: string): void;
  lowerAllHands(): void;
  polls: PollsPanelActions;
  /** A moderator mutes everyone who does not moderate. */
  muteEveryone(kind: MuteKind): void;
  allowUnmute(participantId: string, kind: MuteKind): void;
}

/**
 * The panel beside the videos (a full-screen sheet on a phone): the participants, or the chat.
 * Participants: for moderators, who asks to join (admit, reject, chat); the raised hands in the
 * order they went up (moderators lower one or all); the live roster (moderator badge, hand,
 * microphone and camera, a moderator's actions on each person). Chat: see chat-panel.
 */
export function createSidePanel(t: Translator, actions: SidePanelActions): Component<SidePanelState> & { focus(): void; focusChat(): void; dialogs: HTMLElement[] } {
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
  const handsList = el('ol', { class: 'hands-list', attrs: { 'data-testid': 'hands-list', 'aria-labelledby': raisedHeading } });
  const handsEmpty = el('p', { class: 'empty-state-text', text: t.m('participants.raisedHandsEmpty') });
  const lowerAll = el('button', {
    class: 'button', text: t.m('hands.lowerAll'),
    attrs: { type: 'button', 'data-testid': 'lower-all-hands', hidden: true }, on: { click: () => actions.lowerAllHands() },
  });
  const muteEveryone = el('div', { class: 'actions mute-everyone', attrs: { hidden: true } }, [
    el('button', {
      class: 'button', text: t.m('mute.everyoneAudio'),
      attrs: { type: 'button', 'data-testid': 'mute-everyone-audio' }, on: { click: () => actions.muteEveryone('MUTE_KIND_AUDIO') },
    }),
    el('button', {
      class: 'button', text: t.m('mute.everyoneVideo'),
      attrs: { type: 'button', 'data-testid': 'mute-everyone-video' }, on: { click: () => actions.muteEveryone('MUTE_KIND_VIDEO') },
    }),
  ]);
  const asksHeading = uniqueId('unmute-asks');
  const asksList = el('ul', { class: 'unmute-asks-list' });
  const asks = el('section', { class: 'unmute-asks', attrs: { 'data-testid': 'unmute-asks', 'aria-labelledby': asksHeading, hidden: true } }, [
    el('h3', { class: 'side-panel-subtitle', text: t.m('mute.asks'), attrs: { id: asksHeading } }),
    asksList,
  ]);
  let asksKey = '';
  const participants = el('div', { class: 'side-panel-body', attrs: { 'data-testid': 'participants-panel' } }, [
    knocks.element,
    muteEveryone,
    asks,
    el('section', { class: 'raised-hands', attrs: { 'aria-labelledby': raisedHeading, 'data-testid': 'raised-hands' } }, [
      el('div', { class: 'raised-hands-header' }, [
        el('h3', { class: 'side-panel-subtitle', text: t.m('participants.raisedHands'), attrs: { id: raisedHeading } }),
        lowerAll,
      ]),
      handsList,
      handsEmpty,
    ]),
    roster.element,
  ]);
  const chatPanel = createChatPanel(t, actions.chat);
  const pollsPanel = createPollsPanel(t, actions.polls);
  /** The chat view has two tabs, as in Jitsi: the messages and the polls. */
  let tab: 'chat' | 'polls' = 'chat';
  const tabButton = (name: 'chat' | 'polls', label: 'chat.tabChat' | 'chat.tabPolls') => el('button', {
    class: 'tab', text: t.m(label),
    attrs: { type: 'button', role: 'tab', 'data-testid': `chat-tab-${name}` },
    on: { click: () => chooseTab(name) },
  });
  const chatTab = tabButton('chat', 'chat.tabChat');
  const pollsTab = tabButton('polls', 'chat.tabPolls');
  const chooseTab = (name: 'chat' | 'polls') => {
    tab = name;
    chatTab.setAttribute('aria-selected', String(name === 'chat'));
    pollsTab.setAttribute('aria-selected', String(name === 'polls'));
    show(chatPanel.element, name === 'chat');
    show(pollsPanel.element, name === 'polls');
  };
  chooseTab('chat');
  const chat = el('div', { class: 'chat-tabs-view' }, [
    el('div', { class: 'tabs', attrs: { role: 'tablist' } }, [chatTab, pollsTab]),
    chatPanel.element,
    pollsPanel.element,
  ]);
  let handsKey = '';
  const element = el('aside', {
    class: 'side-panel',
    attrs: { 'aria-labelledby': titleId, 'data-testid': 'side-panel', hidden: true, tabindex: '-1' },
  }, [el('div', { class: 'side-panel-header' }, [title, close]), participants, chat]);

  return {
    element,
    dialogs: [knocks.dialog],
    update({ open, roster: rosterState, selfId, selfAvatar, speaking, selfIsModerator, lobby, hands, chat: chatState, polls, unmuteAsks }) {
      show(element, open !== null);
      element.setAttribute('data-open', open ?? '');
      show(participants, open === 'participants');
      show(chat, open === 'chat');
      if (open === 'participants') setText(title, t.m('roster.title', { count: rosterState.participants.length }));
      if (open === 'chat') setText(title, t.m('chat.title'));
      roster.update({ roster: rosterState, selfId, selfAvatar, speaking, selfIsModerator, hands });
      chatPanel.update({ ...chatState, roster: rosterState.participants, selfId, selfIsModerator });
      pollsPanel.update({ ...polls, selfId, selfIsModerator });
      show(muteEveryone, selfIsModerator);
      const shownAsks = selfIsModerator ? unmuteAsks : [];
      const nameOf = (id: string) => rosterState.participants.find((p) => p.id === id)?.displayName ?? '';
      const newAsksKey = JSON.stringify(shownAsks.map((a) => [a.participantId, a.kind, nameOf(a.participantId)]));
      if (newAsksKey !== asksKey) {
        asksKey = newAsksKey;
        asksList.replaceChildren(...shownAsks.map((ask) => askItem(ask, nameOf(ask.participantId))));
        show(asks, shownAsks.length > 0);
      }
      const key = JSON.stringify([hands, selfId, selfIsModerator]);
      if (key !== handsKey) {
        handsKey = key;
        const focusedId = handsList.contains(document.activeElement) ? document.activeElement?.getAttribute('data-testid') : null;
        handsList.replaceChildren(...hands.map((hand) => handItem(hand, hand.participantId === selfId, selfIsModerator)));
        if (focusedId) handsList.querySelector<HTMLElement>(`[data-testid="${focusedId}"]`)?.focus();
        show(handsEmpty, hands.length === 0);
        show(lowerAll, selfIsModerator && hands.length > 0);
      }
      knocks.update({ lobby: selfIsModerator ? lobby : { knocks: [], chat: [] } });
    },
    focus() {
      element.focus();
    },
    focusChat() {
      if (tab === 'chat') chatPanel.focus();
    },
  };

  function askItem(ask: UnmuteAsk, name: string): HTMLElement {
    const kind = ask.kind === 'MUTE_KIND_AUDIO' ? 'audio' : 'video';
    return el('li', { class: 'unmute-ask', attrs: { 'data-testid': `unmute-ask-${ask.participantId}-${kind}` } }, [
      el('span', { text: t.m(kind === 'audio' ? 'mute.asksMicrophone' : 'mute.asksCamera', { name }) }),
      el('button', {
        class: 'button button-small button-primary', text: t.m('mute.allow'),
        attrs: { type: 'button', 'data-testid': `allow-unmute-${ask.participantId}-${kind}` },
        on: { click: () => actions.allowUnmute(ask.participantId, ask.kind) },
      }),
    ]);
  }

  function handItem(hand: HandEntry, isSelf: boolean, moderator: boolean): HTMLElement {
    const lower = moderator ? el('button', {
      class: 'button button-small', text: t.m('hands.lower'),
      attrs: { type: 'button', 'data-testid': `lower-hand-${hand.participantId}` },
      on: { click: () => actions.lowerHand(hand.participantId) },
    }) : null;
    if (lower) setAttributes(lower, { 'aria-label': t.m('hands.lowerWho', { name: hand.displayName }) });
    return el('li', { class: 'hand-item', attrs: { 'data-testid': `hand-${hand.participantId}`, 'data-participant-id': hand.participantId } }, [
      el('span', { class: 'hand-position', text: String(hand.position), attrs: { 'aria-hidden': 'true', 'data-i18n-skip': true } }),
      icon('hand'),
      el('span', { class: 'hand-name' }, [
        el('span', { text: hand.displayName, attrs: { 'data-i18n-skip': true } }),
        isSelf ? ' ' : null,
        isSelf ? el('span', { class: 'roster-you', text: t.m('roster.you') }) : null,
      ]),
      lower,
    ]);
  }
}
