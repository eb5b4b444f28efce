import type { Translator } from '../../i18n/i18n';
import { el, setText, uniqueId, type Component } from '../dom';

export const DISPLAY_NAME_MAX_LENGTH = 64;

export interface PrejoinChoice {
  displayName: string;
  audioMuted: boolean;
  videoMuted: boolean;
}

export interface PrejoinFormState {
  /** A join is under way: the form is locked and the button says so. */
  busy: boolean;
}

/** The screen before entering: the name others will see and how to start (mic and camera). */
export function createPrejoinForm(
  t: Translator,
  initialName: string,
  onSubmit: (choice: PrejoinChoice) => void,
): Component<PrejoinFormState> & { focus(): void } {
  const nameId = uniqueId('display-name');
  const hintId = uniqueId('display-name-hint');
  const nameInput = el('input', {
    class: 'input',
    attrs: {
      id: nameId,
      type: 'text',
      name: 'displayName',
      autocomplete: 'name',
      maxlength: DISPLAY_NAME_MAX_LENGTH,
      placeholder: t.t('prejoin.namePlaceholder'),
      required: true,
      'data-testid': 'display-name',
    },
  });
  nameInput.value = initialName;
  const hint = el('p', { class: 'field-error', attrs: { id: hintId } });
  const audioMuted = checkbox(t.t('prejoin.startAudioMuted'), 'start-audio-muted');
  const videoMuted = checkbox(t.t('prejoin.startVideoMuted'), 'start-video-muted');
  const joinButton = el('button', {
    class: 'button button-primary button-large',
    text: t.t('prejoin.join'),
    attrs: { type: 'submit', 'data-testid': 'join-button' },
  });

  const form = el('form', {
    class: 'panel prejoin',
    attrs: { novalidate: true, 'aria-labelledby': `${nameId}-title` },
    on: {
      submit: (event) => {
        event.preventDefault();
        const displayName = nameInput.value.trim();
        if (displayName === '') {
          setText(hint, t.t('prejoin.nameRequired'));
          nameInput.setAttribute('aria-invalid', 'true');
          nameInput.setAttribute('aria-describedby', hintId);
          nameInput.focus();
          return;
        }
        setText(hint, '');
        nameInput.removeAttribute('aria-invalid');
        nameInput.removeAttribute('aria-describedby');
        onSubmit({ displayName, audioMuted: audioMuted.input.checked, videoMuted: videoMuted.input.checked });
      },
    },
  }, [
    el('h2', { class: 'panel-title', text: t.t('prejoin.title'), attrs: { id: `${nameId}-title` } }),
    el('div', { class: 'field' }, [
      el('label', { class: 'label', text: t.t('prejoin.nameLabel'), attrs: { for: nameId } }),
      nameInput,
      hint,
    ]),
    el('div', { class: 'field checkboxes' }, [audioMuted.label, videoMuted.label]),
    joinButton,
  ]);

  return {
    element: form,
    update({ busy }) {
      joinButton.disabled = busy;
      nameInput.disabled = busy;
      audioMuted.input.disabled = busy;
      videoMuted.input.disabled = busy;
      setText(joinButton, t.t(busy ? 'prejoin.joining' : 'prejoin.join'));
      form.setAttribute('aria-busy', String(busy));
    },
    focus() {
      nameInput.focus();
    },
  };
}

function checkbox(text: string, testId: string): { label: HTMLLabelElement; input: HTMLInputElement } {
  const input = el('input', { attrs: { type: 'checkbox', 'data-testid': testId } });
  const label = el('label', { class: 'checkbox' }, [input, el('span', { text })]);
  return { label, input };
}
