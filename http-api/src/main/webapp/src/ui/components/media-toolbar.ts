import type { Translator } from '../../i18n/i18n';
import type { ReceivePreferences } from '../../media/receive-preferences';
import { el, setText, show, type Component } from '../dom';
import { icon, type IconName } from './icons';
import { createQualitySettings } from './quality-settings';
import { createRenameControl } from './rename-control';

export interface MediaToolbarState {
  audioMuted: boolean;
  videoMuted: boolean;
  screenSharing: boolean;
  /** False where the browser cannot share a screen (most phones): the button is not offered. */
  canShareScreen: boolean;
  displayName: string;
  preferences: ReceivePreferences;
  /** False while (re)connecting: nothing can be sent. */
  enabled: boolean;
}

export interface MediaToolbarActions {
  setAudioMuted(muted: boolean): void;
  setVideoMuted(muted: boolean): void;
  toggleScreenShare(): void;
  rename(displayName: string): void;
  setReceivePreferences(preferences: ReceivePreferences): void;
}

/**
 * The person's own controls: microphone, camera, screen share, name and received quality. Each
 * button says what it will do ("Mute microphone"), so no aria-pressed.
 */
export function createMediaToolbar(t: Translator, actions: MediaToolbarActions): Component<MediaToolbarState> {
  let state: MediaToolbarState | undefined;
  const audio = toggle('toggle-mic', () => state && actions.setAudioMuted(!state.audioMuted));
  const video = toggle('toggle-camera', () => state && actions.setVideoMuted(!state.videoMuted));
  const screen = toggle('toggle-screen', () => actions.toggleScreenShare());
  const rename = createRenameControl(t, (name) => actions.rename(name));
  const quality = createQualitySettings(t, (preferences) => actions.setReceivePreferences(preferences));

  const element = el('div', { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': t.t('toolbar.label') } }, [
    audio.button,
    video.button,
    screen.button,
    rename.element,
    quality.element,
  ]);

  return {
    element,
    update(next) {
      state = next;
      audio.render(next.audioMuted ? 'micOff' : 'mic', t.t(next.audioMuted ? 'toolbar.unmuteMic' : 'toolbar.muteMic'), next.audioMuted, next.enabled);
      video.render(next.videoMuted ? 'cameraOff' : 'camera', t.t(next.videoMuted ? 'toolbar.startCamera' : 'toolbar.stopCamera'), next.videoMuted, next.enabled);
      screen.render(next.screenSharing ? 'screenOff' : 'screen', t.t(next.screenSharing ? 'toolbar.stopSharing' : 'toolbar.shareScreen'), false, next.enabled);
      screen.button.classList.toggle('is-active', next.screenSharing);
      show(screen.button, next.canShareScreen);
      rename.update({ displayName: next.displayName, enabled: next.enabled });
      quality.update({ preferences: next.preferences });
    },
  };
}

function toggle(testId: string, onClick: () => void) {
  const label = el('span');
  const button = el('button', { class: 'button toggle', attrs: { type: 'button', 'data-testid': testId }, on: { click: onClick } });
  let shownIcon = '';
  return {
    button,
    render(iconName: IconName, text: string, off: boolean, enabled: boolean) {
      if (shownIcon !== iconName) {
        shownIcon = iconName;
        button.replaceChildren(icon(iconName), label);
      }
      setText(label, text);
      button.classList.toggle('is-off', off);
      button.disabled = !enabled;
    },
  };
}
