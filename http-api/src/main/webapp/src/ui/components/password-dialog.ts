import type { Translator } from '../../i18n/i18n';
import type { PasswordProblem } from '../../view/access';
import { el, setText, uniqueId } from '../dom';
import { createModal, type Modal } from './modal';

const PROBLEM_KEYS = { required: 'password.required', wrong: 'password.wrong', 'too-many': 'password.tooMany' } as const;

/**
 * Asked when a join is refused for its password: the field, what was wrong (required, wrong,
 * too many attempts), and Join, which joins again with it.
 */
export function createPasswordDialog(t: Translator, submit: (password: string) => void): { element: HTMLDialogElement; modal: Modal; ask(problem: PasswordProblem): void } {
  const inputId = uniqueId('password');
  const errorId = uniqueId('password-error');
  const input = el('input', {
    class: 'input',
    attrs: {
      id: inputId, type: 'password', name: 'password', autocomplete: 'current-password', required: true,
      'data-testid': 'password-input', 'aria-describedby': errorId,
    },
  });
  const error = el('p', { class: 'field-error', attrs: { id: errorId, role: 'alert', 'data-testid': 'password-error' } });
  const modal = createModal(t, { title: 'password.title', testId: 'password-dialog' }, [
    el('form', {
      on: {
        submit: (event) => {
          event.preventDefault();
          if (input.value === '') {
            input.focus();
            return;
          }
          const password = input.value;
          input.value = '';
          modal.close();
          submit(password);
        },
      },
    }, [
      el('div', { class: 'field' }, [
        el('label', { class: 'label', text: t.m('password.label'), attrs: { for: inputId } }),
        input,
        error,
      ]),
      el('div', { class: 'actions' }, [
        el('button', { class: 'button button-primary', text: t.m('password.submit'), attrs: { type: 'submit', 'data-testid': 'password-submit' } }),
      ]),
    ]),
  ]);
  return {
    element: modal.element,
    modal,
    ask(problem) {
      setText(error, t.m(PROBLEM_KEYS[problem]));
      input.setAttribute('aria-invalid', String(problem !== 'required'));
      modal.open();
      input.focus();
    },
  };
}
