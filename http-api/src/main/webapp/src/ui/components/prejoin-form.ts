import type { Me } from '../../app/me';
import type { Translator } from '../../i18n/i18n';
import type { DeviceLists } from '../../media/devices';
import { trackDeviceId } from '../../media/devices';
import type { DeviceProblem } from '../../media/local-media';
import type { MediaKind } from '../../media/rtc';
import { cleanDisplayName, DISPLAY_NAME_MAX_LENGTH, joinGate } from '../../view/join-gate';
import { el, setAttributes, setText, show, uniqueId, type Component } from '../dom';
import { attachTrack } from '../media-element';
import { avatarHue, renderAvatar } from './avatar';
import { createDevicePicker } from './device-picker';
import { createIdentityBox } from './identity-box';
import { createLevelMeter } from './level-meter';
import { createModal } from './modal';

export { DISPLAY_NAME_MAX_LENGTH };

export interface PrejoinChoice {
  displayName: string;
  audioMuted: boolean;
  videoMuted: boolean;
  /** Always true: the form cannot be sent without it. */
  acceptedTerms: true;
}

export interface PrejoinFormState {
  /** A join is under way: the form is locked and the button says so. */
  busy: boolean;
  /** The camera and microphone as opened for the preview (null while missing or not yet there). */
  video: MediaStreamTrack | null;
  audio: MediaStreamTrack | null;
  devices: DeviceLists;
  deviceProblem: DeviceProblem | undefined;
  /** One's own avatar picture, shown when the camera is off. */
  avatar: string | null;
  /** Who is signed in (undefined until the server said). */
  me: Me | undefined;
}

export interface PrejoinActions {
  join(choice: PrejoinChoice): void;
  /** The "join with ... off" boxes changed: the preview follows them. */
  previewMuted(audioMuted: boolean, videoMuted: boolean): void;
  chooseDevice(kind: MediaKind, deviceId: string): void;
  /** This page's path, where signing in comes back to. */
  returnPath(): string;
}

/**
 * The screen before entering: a camera preview and a microphone level meter, the camera and
 * microphone menus, the name others will see (remembered), how to start (mic and camera), the
 * terms of use to accept (Join stays disabled until then) and "I am the host — sign in" (or who
 * is signed in, with Sign out).
 */
export function createPrejoinForm(
  t: Translator,
  initialName: string,
  actions: PrejoinActions,
): Component<PrejoinFormState> & { focus(): void } {
  const nameId = uniqueId('display-name');
  const hintId = uniqueId('display-name-hint');
  const termsHintId = uniqueId('terms-hint');
  const titleId = uniqueId('prejoin-title');
  let state: PrejoinFormState | undefined;

  // ---- preview ----
  const video = el('video', {
    class: 'preview-video is-mirrored',
    attrs: { 'data-testid': 'preview-video', autoplay: true, playsinline: true, muted: true, 'aria-label': t.m('prejoin.preview') },
  });
  video.muted = true;
  const avatar = el('span', { class: 'tile-avatar', attrs: { 'aria-hidden': 'true' } });
  avatar.style.setProperty('--avatar-hue', String(avatarHue(initialName || 'you')));
  const cameraOff = el('span', { class: 'preview-off', text: t.m('prejoin.cameraOff') });
  const frame = el('div', { class: 'preview-frame', attrs: { 'data-testid': 'preview' } }, [video, avatar, cameraOff]);
  const meter = createLevelMeter(t);
  const problem = el('p', { class: 'media-notice', attrs: { role: 'status', 'data-testid': 'device-problem' } });

  // ---- form ----
  const nameInput = el('input', {
    class: 'input',
    attrs: {
      id: nameId,
      type: 'text',
      name: 'displayName',
      autocomplete: 'name',
      maxlength: DISPLAY_NAME_MAX_LENGTH,
      placeholder: t.m('prejoin.namePlaceholder'),
      required: true,
      'data-testid': 'display-name',
    },
    on: {
      input: () => {
        nameTouched = true;
        renderPreview();
      },
    },
  });
  nameInput.value = initialName;
  const hint = el('p', { class: 'field-error', attrs: { id: hintId } });
  const audioMuted = checkbox(t.m('prejoin.startAudioMuted'), 'start-audio-muted', () => mutedChanged());
  const videoMuted = checkbox(t.m('prejoin.startVideoMuted'), 'start-video-muted', () => mutedChanged());
  const pickers = createDevicePicker(t, (kind, id) => actions.chooseDevice(kind, id));

  const terms = createModal(t, { title: 'terms.title', testId: 'terms-dialog' }, [
    el('p', { text: t.m('terms.intro') }),
    el('ul', { class: 'terms-list' }, (['terms.use', 'terms.consent', 'terms.moderation', 'terms.data', 'terms.retention'] as const)
      .map((key) => el('li', { text: t.m(key) }))),
    el('p', { class: 'field-hint', text: t.m('terms.operator') }),
  ]);
  const identity = createIdentityBox(t, () => actions.returnPath());
  /** The name was typed here: the signed-in name no longer replaces an empty field. */
  let nameTouched = initialName !== '';

  const accept = el('input', {
    attrs: { type: 'checkbox', name: 'acceptTerms', 'data-testid': 'accept-terms', 'aria-describedby': termsHintId },
    on: { change: () => renderGate() },
  });
  const termsHint = el('p', { class: 'field-hint', text: t.m('terms.required'), attrs: { id: termsHintId, 'data-testid': 'terms-hint' } });
  const termsLink = el('button', {
    class: 'link-button',
    text: t.m('terms.read'),
    attrs: { type: 'button', 'data-testid': 'terms-link', 'aria-haspopup': 'dialog' },
    on: { click: () => terms.open() },
  });
  const joinLabel = el('span', { text: t.m('prejoin.join') });
  const joinButton = el('button', {
    class: 'button button-primary button-large',
    attrs: { type: 'submit', 'data-testid': 'join-button', 'aria-describedby': termsHintId },
  }, [joinLabel]);

  const form = el('form', {
    class: 'panel prejoin-form',
    attrs: { novalidate: true, 'aria-labelledby': titleId },
    on: {
      submit: (event) => {
        event.preventDefault();
        if (!accept.checked || state?.busy) return;
        const displayName = cleanDisplayName(nameInput.value);
        if (displayName === undefined) {
          setText(hint, t.m('prejoin.nameRequired'));
          nameInput.setAttribute('aria-invalid', 'true');
          nameInput.setAttribute('aria-describedby', hintId);
          nameInput.focus();
          return;
        }
        setText(hint, '');
        nameInput.removeAttribute('aria-invalid');
        nameInput.removeAttribute('aria-describedby');
        actions.join({ displayName, audioMuted: audioMuted.input.checked, videoMuted: videoMuted.input.checked, acceptedTerms: true });
      },
    },
  }, [
    el('h2', { class: 'panel-title', text: t.m('prejoin.title'), attrs: { id: titleId } }),
    el('div', { class: 'field' }, [
      el('label', { class: 'label', text: t.m('prejoin.nameLabel'), attrs: { for: nameId } }),
      nameInput,
      hint,
    ]),
    pickers.element,
    el('div', { class: 'field checkboxes' }, [audioMuted.label, videoMuted.label]),
    el('div', { class: 'field terms' }, [
      el('label', { class: 'checkbox' }, [accept, el('span', { text: t.m('terms.accept') })]),
      termsLink,
    ]),
    termsHint,
    joinButton,
    el('div', { class: 'host-entry' }, [identity.element]),
  ]);

  const element = el('section', { class: 'prejoin', attrs: { 'data-testid': 'prejoin' } }, [
    el('div', { class: 'prejoin-preview' }, [frame, meter.element, problem]),
    form,
    terms.element,
  ]);

  function mutedChanged(): void {
    actions.previewMuted(audioMuted.input.checked, videoMuted.input.checked);
    renderPreview();
  }

  function renderGate(): void {
    const gate = joinGate({ acceptedTerms: accept.checked, busy: state?.busy ?? false });
    joinButton.disabled = gate.disabled;
    show(termsHint, gate.reason === 'accept-terms');
    setText(joinLabel, t.m(state?.busy ? 'prejoin.joining' : 'prejoin.join'));
  }

  function renderPreview(): void {
    const track = state?.video ?? null;
    const showVideo = track !== null && !videoMuted.input.checked;
    void attachTrack(video, showVideo ? track : null);
    show(video, showVideo);
    show(avatar, !showVideo);
    show(cameraOff, !showVideo && track !== null);
    renderAvatar(avatar, nameInput.value || '?', state?.avatar ?? null);
    meter.update({ track: audioMuted.input.checked ? null : state?.audio ?? null });
  }

  return {
    element,
    update(next) {
      state = next;
      identity.update({ me: next.me });
      if (!nameTouched && nameInput.value === '' && next.me?.signedIn && next.me.displayName !== '') {
        nameInput.value = next.me.displayName;
        nameTouched = true;
      }
      nameInput.disabled = next.busy;
      audioMuted.input.disabled = next.busy;
      videoMuted.input.disabled = next.busy;
      accept.disabled = next.busy;
      setAttributes(form, { 'aria-busy': next.busy ? 'true' : null });
      pickers.update({ devices: next.devices, audioId: trackDeviceId(next.audio), videoId: trackDeviceId(next.video) });
      setText(problem, next.deviceProblem ? t.m(`media.device.${next.deviceProblem}`) : '');
      show(problem, next.deviceProblem !== undefined);
      renderGate();
      renderPreview();
    },
    focus() {
      nameInput.focus();
    },
  };
}

function checkbox(text: ReturnType<Translator['m']>, testId: string, onChange: () => void): { label: HTMLLabelElement; input: HTMLInputElement } {
  const input = el('input', { attrs: { type: 'checkbox', 'data-testid': testId }, on: { change: onChange } });
  const label = el('label', { class: 'checkbox' }, [input, el('span', { text })]);
  return { label, input };
}
