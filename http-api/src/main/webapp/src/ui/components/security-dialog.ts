import type { Translator } from '../../i18n/i18n';
import type { Access, MediaPolicy } from '../../signal/protocol';
import { el, setText, show, uniqueId, type Component } from '../dom';
import { createModal, type Modal } from './modal';

export interface SecurityDialogActions {
  setLobby(enabled: boolean): void;
  /** An empty password removes it. */
  setPassword(password: string): void;
  setMediaPolicy(policy: MediaPolicy): void;
}

const POLICY_SWITCHES = [
  ['startAudioMuted', 'policy-start-audio-muted', 'security.startAudioMuted'],
  ['startVideoMuted', 'policy-start-video-muted', 'security.startVideoMuted'],
  ['askToUnmuteAudio', 'policy-ask-audio', 'security.askAudio'],
  ['askToUnmuteVideo', 'policy-ask-video', 'security.askVideo'],
] as const;

/**
 * A moderator's "Security options": the lobby switch, and the room password. The stored password
 * is never shown (the server does not even send it): only whether one is set.
 */
export function createSecurityDialog(t: Translator, actions: SecurityDialogActions): Component<{ access: Access; mediaPolicy: MediaPolicy }> & { modal: Modal } {
  let policy: MediaPolicy | undefined;
  const mediaHintId = uniqueId('media-hint');
  const switches = POLICY_SWITCHES.map(([field, testId, label]) => {
    const input = el('input', {
      attrs: { type: 'checkbox', role: 'switch', 'data-testid': testId, 'aria-describedby': mediaHintId },
      on: { change: () => {
        if (policy) actions.setMediaPolicy({ ...policy, [field]: input.checked });
      } },
    });
    return { field, input, row: el('label', { class: 'checkbox switch' }, [input, el('span', { class: 'label', text: t.m(label) })]) };
  });
  const lobbyHintId = uniqueId('lobby-hint');
  const passwordId = uniqueId('password-set');
  const passwordHintId = uniqueId('password-hint');
  const lobby = el('input', {
    attrs: { type: 'checkbox', role: 'switch', 'data-testid': 'lobby-switch', 'aria-describedby': lobbyHintId },
    on: { change: () => actions.setLobby(lobby.checked) },
  });
  const status = el('p', { class: 'password-status', attrs: { 'data-testid': 'password-status', role: 'status' } });
  const input = el('input', {
    class: 'input',
    attrs: { id: passwordId, type: 'password', autocomplete: 'new-password', placeholder: t.m('security.passwordNew'), 'data-testid': 'password-set-input', 'aria-describedby': passwordHintId },
  });
  const remove = el('button', {
    class: 'button button-danger',
    text: t.m('security.passwordRemove'),
    attrs: { type: 'button', 'data-testid': 'password-remove-button' },
    on: { click: () => actions.setPassword('') },
  });
  const modal = createModal(t, { title: 'security.title', testId: 'security-dialog' }, [
    el('section', { class: 'field' }, [
      el('label', { class: 'checkbox switch' }, [lobby, el('span', { class: 'label', text: t.m('security.lobby') })]),
      el('p', { class: 'field-hint', text: t.m('security.lobbyHint'), attrs: { id: lobbyHintId } }),
    ]),
    el('section', { class: 'field' }, [
      el('h3', { class: 'side-panel-subtitle', text: t.m('security.password') }),
      status,
      el('form', {
        class: 'input-row',
        on: {
          submit: (event) => {
            event.preventDefault();
            if (input.value === '') return;
            actions.setPassword(input.value);
            input.value = '';
          },
        },
      }, [
        el('label', { class: 'visually-hidden', text: t.m('security.passwordNew'), attrs: { for: passwordId } }),
        input,
        el('button', { class: 'button button-primary', text: t.m('security.passwordSave'), attrs: { type: 'submit', 'data-testid': 'password-set-button' } }),
      ]),
      el('p', { class: 'field-hint', text: t.m('security.passwordHint'), attrs: { id: passwordHintId } }),
      remove,
    ]),
    el('section', { class: 'field' }, [
      el('h3', { class: 'side-panel-subtitle', text: t.m('security.media') }),
      ...switches.map((s) => s.row),
      el('p', { class: 'field-hint', text: t.m('security.mediaHint'), attrs: { id: mediaHintId } }),
    ]),
  ]);
  return {
    element: modal.element,
    modal,
    update({ access, mediaPolicy }) {
      policy = mediaPolicy;
      for (const { field, input } of switches) input.checked = mediaPolicy[field];
      lobby.checked = access.lobbyEnabled;
      setText(status, t.m(access.passwordSet ? 'security.passwordSet' : 'security.passwordNone'));
      show(remove, access.passwordSet);
    },
  };
}
