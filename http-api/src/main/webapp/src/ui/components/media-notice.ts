import type { Translator } from '../../i18n/i18n';
import type { DeviceProblem } from '../../media/local-media';
import { el, setText, show, type Component } from '../dom';
import { icon } from './icons';

export interface MediaNoticeState {
  deviceProblem: DeviceProblem | undefined;
  /** The server's reason for refusing our media. */
  error: string | undefined;
  soundBlocked: boolean;
}

/** What is wrong with one's own audio and video, and the button that lets blocked sound play. */
export function createMediaNotice(t: Translator, onEnableSound: () => void): Component<MediaNoticeState> {
  const text = el('p', { class: 'media-notice-text', attrs: { 'data-testid': 'media-notice' } });
  const device = el('p', { class: 'media-notice-text', attrs: { 'data-testid': 'device-problem' } });
  const soundText = el('span', { text: t.m('media.soundBlocked') });
  const soundButton = el('button', {
    class: 'button button-small',
    attrs: { type: 'button', 'data-testid': 'enable-sound' },
    on: { click: onEnableSound },
  }, [icon('volume'), el('span', { text: t.m('media.enableSound') })]);
  const sound = el('p', { class: 'media-notice-text' }, [soundText, ' ', soundButton]);
  const element = el('div', { class: 'media-notice', attrs: { role: 'status', 'aria-live': 'polite' } }, [text, device, sound]);

  return {
    element,
    update({ deviceProblem, error, soundBlocked }) {
      setText(text, error ? t.m('media.error', { message: error }) : '');
      setText(device, deviceProblem ? t.m(`media.device.${deviceProblem}`) : '');
      show(text, error !== undefined);
      show(device, deviceProblem !== undefined);
      show(sound, soundBlocked);
      show(element, error !== undefined || deviceProblem !== undefined || soundBlocked);
    },
  };
}
