import type { Translator } from '../../i18n/i18n';
import { el, setText, type Component } from '../dom';
import { icon } from './icons';
import { createRenameControl } from './rename-control';

export interface MediaToolbarState {
  audioMuted: boolean;
  videoMuted: boolean;
  displayName: string;
  /** False while (re)connecting: nothing can be sent. */
  enabled: boolean;
}

export interface MediaToolbarActions {
  setAudioMuted(muted: boolean): void;
  setVideoMuted(muted: boolean): void;
  rename(displayName: string): void;
}

/**
 * The person's own controls. There is no real media yet: the toggles change the state the others
 * see in the roster. Each button says what it will do ("Mute microphone"), so no aria-pressed.
 */
export function createMediaToolbar(t: Translator, actions: MediaToolbarActions): Component<MediaToolbarState> {
  let state: MediaToolbarState = { audioMuted: false, videoMuted: false, displayName: '', enabled: false };
  const audio = toggle('toggle-audio', () => actions.setAudioMuted(!state.audioMuted));
  const video = toggle('toggle-video', () => actions.setVideoMuted(!state.videoMuted));
  const rename = createRenameControl(t, (name) => actions.rename(name));

  const element = el('div', { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': t.t('toolbar.label') } }, [
    audio.button,
    video.button,
    rename.element,
  ]);

  return {
    element,
    update(next) {
      state = next;
      audio.render(next.audioMuted ? 'micOff' : 'mic', t.t(next.audioMuted ? 'toolbar.unmuteMic' : 'toolbar.muteMic'), next.audioMuted, next.enabled);
      video.render(next.videoMuted ? 'cameraOff' : 'camera', t.t(next.videoMuted ? 'toolbar.startCamera' : 'toolbar.stopCamera'), next.videoMuted, next.enabled);
      rename.update({ displayName: next.displayName, enabled: next.enabled });
    },
  };
}

function toggle(testId: string, onClick: () => void) {
  const label = el('span');
  const button = el('button', { class: 'button toggle', attrs: { type: 'button', 'data-testid': testId }, on: { click: onClick } });
  let shownIcon = '';
  return {
    button,
    render(iconName: 'mic' | 'micOff' | 'camera' | 'cameraOff', text: string, off: boolean, enabled: boolean) {
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
