import type { Translator } from '../../i18n/i18n';
import { isMaxVideoHeight, MAX_VIDEO_HEIGHTS, type ReceivePreferences } from '../../media/receive-preferences';
import { el, uniqueId, type Component } from '../dom';
import { icon } from './icons';

export interface QualitySettingsState {
  preferences: ReceivePreferences;
}

/**
 * "Video quality": the best video height to receive and low-bandwidth mode, in a disclosure
 * (<details>) so it takes no room until opened. Changes apply at once.
 */
export function createQualitySettings(t: Translator, onChange: (preferences: ReceivePreferences) => void): Component<QualitySettingsState> {
  const selectId = uniqueId('max-video-height');
  const select = el('select', { class: 'input', attrs: { id: selectId, 'data-testid': 'max-video-height' } });
  for (const height of MAX_VIDEO_HEIGHTS) {
    select.appendChild(el('option', { text: height === 0 ? t.t('quality.auto') : t.t('quality.height', { height }), attrs: { value: String(height) } }));
  }
  const lowBandwidth = el('input', { attrs: { type: 'checkbox', 'data-testid': 'low-bandwidth' } });
  const read = (): ReceivePreferences => {
    const height = Number(select.value);
    return { maxVideoHeight: isMaxVideoHeight(height) ? height : 0, lowBandwidth: lowBandwidth.checked };
  };
  select.addEventListener('change', () => onChange(read()));
  lowBandwidth.addEventListener('change', () => onChange(read()));

  const element = el('details', { class: 'quality-settings', attrs: { 'data-testid': 'quality-settings' } }, [
    el('summary', { class: 'button' }, [icon('sliders'), el('span', { text: t.t('quality.title') })]),
    el('div', { class: 'quality-panel' }, [
      el('label', { class: 'label', text: t.t('quality.maxHeight'), attrs: { for: selectId } }),
      select,
      el('label', { class: 'checkbox' }, [lowBandwidth, el('span', { text: t.t('quality.lowBandwidth') })]),
    ]),
  ]);

  return {
    element,
    update({ preferences }) {
      select.value = String(preferences.maxVideoHeight);
      lowBandwidth.checked = preferences.lowBandwidth;
    },
  };
}
