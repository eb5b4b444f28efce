import type { Translator } from '../../i18n/i18n';
import { measureTrack, type LevelSource } from '../audio-meter';
import { el, type Component } from '../dom';

export interface LevelMeterState {
  /** The microphone to measure; null shows an empty meter. */
  track: MediaStreamTrack | null;
}

const READ_MS = 100;

/**
 * "Microphone level": a bar that moves with one's voice, so that one sees the right microphone is
 * picked before anyone has to say "we can't hear you". role="meter" with the value in percent.
 * It measures only while it is in the page.
 */
export function createLevelMeter(t: Translator): Component<LevelMeterState> {
  const fill = el('span', { class: 'level-meter-fill' });
  const element = el('div', {
    class: 'level-meter',
    attrs: {
      role: 'meter', 'aria-label': t.m('devices.micLevel'), title: t.m('devices.micLevel'),
      'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0, 'data-testid': 'mic-level', 'data-level': 0,
    },
  }, [fill]);
  let measured: MediaStreamTrack | null = null;
  let source: LevelSource | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  const show = (value: number) => {
    const percent = Math.round(value * 100);
    fill.style.width = `${percent}%`;
    element.setAttribute('aria-valuenow', String(percent));
    element.setAttribute('data-level', String(percent));
  };
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
    source?.stop();
    source = null;
    measured = null;
    show(0);
  };

  return {
    element,
    update({ track }) {
      if (track === measured && (track === null || timer !== undefined)) return;
      stop();
      if (!track) return;
      measured = track;
      source = measureTrack(track);
      if (!source) return;
      timer = setInterval(() => {
        if (!element.isConnected) {
          stop();
          return;
        }
        show(source?.read() ?? 0);
      }, READ_MS);
    },
  };
}
