import { LANGUAGES, type MessageKey, type Translator } from '../../i18n/i18n';
import { isSendHeight, SEND_HEIGHTS, type SendHeight } from '../../media/capture-settings';
import { trackDeviceId, type DeviceLists } from '../../media/devices';
import { isMaxVideoHeight, MAX_VIDEO_HEIGHTS, type ReceivePreferences } from '../../media/receive-preferences';
import type { MediaKind } from '../../media/rtc';
import { DISPLAY_NAME_MAX_LENGTH, cleanDisplayName } from '../../view/join-gate';
import { avatarFromFile } from '../avatar-file';
import { el, replaceChildren, setText, show, uniqueId, type Component } from '../dom';
import { attachTrack } from '../media-element';
import { avatarHue, renderAvatar } from './avatar';
import { createDevicePicker } from './device-picker';
import { createLevelMeter } from './level-meter';
import { createModal, type Modal } from './modal';

export interface SettingsState {
  audio: MediaStreamTrack | null;
  video: MediaStreamTrack | null;
  videoMuted: boolean;
  devices: DeviceLists;
  displayName: string;
  selfId: string;
  language: string;
  avatar: string | null;
  maxSendHeight: SendHeight | undefined;
  /** The height sent when no send quality is chosen (shown as "Automatic (360p)"). */
  defaultSendHeight: number;
  receive: ReceivePreferences;
}

export interface SettingsActions {
  chooseDevice(kind: MediaKind, deviceId: string): void;
  rename(displayName: string): void;
  setLanguage(language: string): void;
  setAvatar(dataUrl: string | null): void;
  setMaxSendHeight(height: SendHeight | undefined): void;
  setReceivePreferences(preferences: ReceivePreferences): void;
}

type Tab = 'devices' | 'profile' | 'quality';
const TABS: readonly { id: Tab; label: MessageKey }[] = [
  { id: 'devices', label: 'settings.devices' },
  { id: 'profile', label: 'settings.profile' },
  { id: 'quality', label: 'settings.quality' },
];

/**
 * Settings, in three tabs. Devices: camera and microphone (switched at once, in the call), with a
 * preview and a level meter. Profile: name (sent to everyone), language (the whole page switches,
 * and the server is told), avatar picture (kept on this device; not shared yet, as it says).
 * Video quality: the most to send (applied to the camera) and to receive, and low-bandwidth mode.
 */
export function createSettingsDialog(t: Translator, actions: SettingsActions): Component<SettingsState> & { modal: Modal } {
  let state: SettingsState | undefined;
  let tab: Tab = 'devices';
  let shownDefaultHeight = -1;

  // ---- devices ----
  const preview = el('video', {
    class: 'preview-video is-mirrored',
    attrs: { autoplay: true, playsinline: true, muted: true, 'data-testid': 'settings-preview', 'aria-label': t.m('prejoin.preview') },
  });
  preview.muted = true;
  const previewOff = el('span', { class: 'preview-off', text: t.m('prejoin.cameraOff') });
  const pickers = createDevicePicker(t, (kind, id) => actions.chooseDevice(kind, id));
  const meter = createLevelMeter(t);
  const devicesPanel = [
    el('div', { class: 'preview-frame preview-small' }, [preview, previewOff]),
    pickers.element,
    meter.element,
  ];

  // ---- profile ----
  const nameId = uniqueId('settings-name');
  const nameInput = el('input', {
    class: 'input',
    attrs: { id: nameId, type: 'text', autocomplete: 'name', maxlength: DISPLAY_NAME_MAX_LENGTH, required: true, 'data-testid': 'rename-input' },
  });
  const nameStatus = el('p', { class: 'field-hint', attrs: { role: 'status', 'aria-live': 'polite' } });
  const nameForm = el('form', {
    class: 'field',
    attrs: { 'data-testid': 'rename-form', novalidate: true },
    on: {
      submit: (event) => {
        event.preventDefault();
        const name = cleanDisplayName(nameInput.value);
        if (name === undefined || name === state?.displayName) return;
        actions.rename(name);
        setText(nameStatus, t.m('profile.nameSaved'));
      },
    },
  }, [
    el('label', { class: 'label', text: t.m('profile.name'), attrs: { for: nameId } }),
    el('div', { class: 'input-row' }, [
      nameInput,
      el('button', { class: 'button', text: t.m('profile.saveName'), attrs: { type: 'submit', 'data-testid': 'rename-save' } }),
    ]),
    nameStatus,
  ]);
  const languageId = uniqueId('settings-language');
  const language = el('select', {
    class: 'input',
    attrs: { id: languageId, 'data-testid': 'language-select' },
    on: { change: () => actions.setLanguage(language.value) },
  }, LANGUAGES.map((l) => el('option', { text: l.name, attrs: { value: l.code, lang: l.code, 'data-i18n-skip': true } })));
  const avatarId = uniqueId('settings-avatar');
  const avatar = el('span', { class: 'avatar avatar-large', attrs: { 'aria-hidden': 'true', 'data-testid': 'avatar-preview' } });
  const avatarStatus = el('p', { class: 'field-error', attrs: { role: 'alert' } });
  const avatarInput = el('input', {
    class: 'visually-hidden',
    attrs: { id: avatarId, type: 'file', accept: 'image/png,image/jpeg,image/webp', 'data-testid': 'avatar-input' },
    on: {
      change: async () => {
        const file = avatarInput.files?.[0];
        avatarInput.value = '';
        if (!file) return;
        try {
          actions.setAvatar(await avatarFromFile(file));
          setText(avatarStatus, '');
        } catch {
          setText(avatarStatus, t.m('profile.avatarFailed'));
        }
      },
    },
  });
  const removeAvatar = el('button', {
    class: 'button',
    text: t.m('profile.avatarRemove'),
    attrs: { type: 'button', 'data-testid': 'avatar-remove' },
    on: { click: () => actions.setAvatar(null) },
  });
  const profilePanel = [
    nameForm,
    el('div', { class: 'field' }, [el('label', { class: 'label', text: t.m('language.label'), attrs: { for: languageId } }), language]),
    el('fieldset', { class: 'field avatar-field' }, [
      el('legend', { class: 'label', text: t.m('profile.avatar') }),
      el('div', { class: 'input-row' }, [
        avatar,
        avatarInput,
        el('label', { class: 'button', text: t.m('profile.avatarChoose'), attrs: { for: avatarId } }),
        removeAvatar,
      ]),
      avatarStatus,
      el('p', { class: 'field-hint', text: t.m('profile.avatarNote'), attrs: { 'data-testid': 'avatar-note' } }),
    ]),
  ];

  // ---- quality ----
  const sendId = uniqueId('send-quality');
  const send = el('select', {
    class: 'input',
    attrs: { id: sendId, 'data-testid': 'send-quality' },
    on: {
      change: () => {
        const height = Number(send.value);
        actions.setMaxSendHeight(isSendHeight(height) ? height : undefined);
      },
    },
  });
  const receiveId = uniqueId('max-video-height');
  const receive = el('select', { class: 'input', attrs: { id: receiveId, 'data-testid': 'max-video-height' } },
    MAX_VIDEO_HEIGHTS.map((height) => el('option', { text: height === 0 ? t.m('quality.auto') : t.m('quality.height', { height }), attrs: { value: String(height) } })));
  const lowBandwidth = el('input', { attrs: { type: 'checkbox', 'data-testid': 'low-bandwidth' } });
  const readReceive = (): ReceivePreferences => {
    const height = Number(receive.value);
    return { maxVideoHeight: isMaxVideoHeight(height) ? height : 0, lowBandwidth: lowBandwidth.checked };
  };
  receive.addEventListener('change', () => actions.setReceivePreferences(readReceive()));
  lowBandwidth.addEventListener('change', () => actions.setReceivePreferences(readReceive()));
  const qualityPanel = [
    el('h3', { class: 'side-panel-subtitle', text: t.m('quality.sendTitle') }),
    el('div', { class: 'field' }, [el('label', { class: 'label', text: t.m('quality.send'), attrs: { for: sendId } }), send]),
    el('h3', { class: 'side-panel-subtitle', text: t.m('quality.receiveTitle') }),
    el('div', { class: 'field' }, [el('label', { class: 'label', text: t.m('quality.maxHeight'), attrs: { for: receiveId } }), receive]),
    el('label', { class: 'checkbox' }, [lowBandwidth, el('span', { text: t.m('quality.lowBandwidth') })]),
  ];

  // ---- tabs ----
  const contents: Record<Tab, readonly HTMLElement[]> = { devices: devicesPanel, profile: profilePanel, quality: qualityPanel };
  const tabs = TABS.map(({ id, label }) => {
    const tabId = uniqueId(`settings-tab-${id}`);
    const panelId = uniqueId(`settings-panel-${id}`);
    const button = el('button', {
      class: 'tab',
      text: t.m(label),
      attrs: { type: 'button', role: 'tab', id: tabId, 'aria-controls': panelId, 'data-testid': `settings-tab-${id}` },
      on: { click: () => select(id) },
    });
    const panel = el('div', {
      class: 'tab-panel',
      attrs: { role: 'tabpanel', id: panelId, 'aria-labelledby': tabId, tabindex: '0', 'data-testid': id === 'quality' ? 'quality-settings' : `settings-${id}` },
    }, contents[id]);
    return { id, button, panel };
  });
  const tablist = el('div', {
    class: 'tabs',
    attrs: { role: 'tablist', 'aria-label': t.m('settings.title') },
    on: {
      keydown: (event) => {
        const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
        if (step === 0) return;
        event.preventDefault();
        const index = TABS.findIndex((x) => x.id === tab);
        const next = TABS[(index + step + TABS.length) % TABS.length];
        if (next) select(next.id, true);
      },
    },
  }, tabs.map((x) => x.button));

  const modal = createModal(t, { title: 'settings.title', testId: 'settings', class: 'modal-wide', onClose: () => render() }, [
    tablist,
    ...tabs.map((x) => x.panel),
  ]);

  function select(id: Tab, focus = false): void {
    tab = id;
    for (const x of tabs) {
      const selected = x.id === id;
      x.button.setAttribute('aria-selected', String(selected));
      x.button.tabIndex = selected ? 0 : -1;
      show(x.panel, selected);
      if (selected && focus) x.button.focus();
    }
    render();
  }

  function render(): void {
    if (!state) return;
    // The preview and the meter run only while they are seen.
    const live = modal.isOpen && tab === 'devices';
    const showVideo = live && state.video !== null && !state.videoMuted;
    void attachTrack(preview, showVideo ? state.video : null);
    show(preview, showVideo);
    show(previewOff, !showVideo);
    meter.update({ track: live ? state.audio : null });
  }

  select('devices');
  return {
    element: modal.element,
    modal: {
      element: modal.element,
      open() {
        if (state) nameInput.value = state.displayName;
        setText(nameStatus, '');
        modal.open();
        render();
      },
      close: modal.close,
      get isOpen() {
        return modal.isOpen;
      },
    },
    update(next) {
      const nameChanged = state?.displayName !== next.displayName;
      state = next;
      pickers.update({ devices: next.devices, audioId: trackDeviceId(next.audio), videoId: trackDeviceId(next.video) });
      if (nameChanged && document.activeElement !== nameInput) nameInput.value = next.displayName;
      if (language.value !== next.language) language.value = next.language;
      avatar.style.setProperty('--avatar-hue', String(avatarHue(next.selfId)));
      renderAvatar(avatar, next.displayName, next.avatar);
      show(removeAvatar, next.avatar !== null);
      if (next.defaultSendHeight !== shownDefaultHeight) {
        shownDefaultHeight = next.defaultSendHeight;
        replaceChildren(send, [
          el('option', { text: t.m('quality.sendAuto', { height: next.defaultSendHeight }), attrs: { value: '' } }),
          ...SEND_HEIGHTS.map((height) => el('option', { text: t.m('quality.height', { height }), attrs: { value: String(height) } })),
        ]);
      }
      send.value = next.maxSendHeight === undefined ? '' : String(next.maxSendHeight);
      receive.value = String(next.receive.maxVideoHeight);
      lowBandwidth.checked = next.receive.lowBandwidth;
      render();
    },
  };
}
