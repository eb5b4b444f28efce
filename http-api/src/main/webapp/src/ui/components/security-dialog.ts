import type { Translator } from '../../i18n/i18n';
import type { Access } from '../../signal/protocol';
import { el, setText, show, uniqueId, type Component } from '../dom';
import { createModal, type Modal } from './modal';

export interface SecurityDialogActions {
  setLobby(enabled: boolean): void;
  /** An empty password removes it. */
  setPassword(password: string): void;
}

/**
 * A moderator's "Security options": the lobby switch, and the room password. The stored password
 * is never shown (the server does not even send it): only whether one is set.
 */
export function createSecurityDialog(t: Translator, actions: SecurityDialogActions): Component<{ access: Access }> & { modal: Modal } {
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
  ]);
  return {
    element: modal.element,
    modal,
    update({ access }) {
      lobby.checked = access.lobbyEnabled;
      setText(status, t.m(access.passwordSet ? 'security.passwordSet' : 'security.passwordNone'));
      show(remove, access.passwordSet);
    },
  };
}
