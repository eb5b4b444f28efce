import type { MessageKey, Translator } from '../../i18n/i18n';
import type { DeviceOption, DeviceLists } from '../../media/devices';
import type { MediaKind } from '../../media/rtc';
import { el, replaceChildren, uniqueId, type Component } from '../dom';

export interface DevicePickerState {
  devices: DeviceLists;
  /** The device each track comes from now. */
  audioId: string | undefined;
  videoId: string | undefined;
}

/** The camera and microphone menus (pre-join screen and settings). Choosing switches at once. */
export function createDevicePicker(t: Translator, onChoose: (kind: MediaKind, deviceId: string) => void): Component<DevicePickerState> {
  const camera = picker(t, 'devices.camera', 'devices.unnamedCamera', 'camera-select', (id) => onChoose('video', id));
  const microphone = picker(t, 'devices.microphone', 'devices.unnamedMicrophone', 'microphone-select', (id) => onChoose('audio', id));
  return {
    element: el('div', { class: 'device-picker' }, [camera.element, microphone.element]),
    update({ devices, audioId, videoId }) {
      camera.update(devices.videoinput, videoId);
      microphone.update(devices.audioinput, audioId);
    },
  };
}

function picker(t: Translator, label: MessageKey, unnamed: 'devices.unnamedCamera' | 'devices.unnamedMicrophone', testId: string, onChange: (id: string) => void) {
  const id = uniqueId(testId);
  const select = el('select', { class: 'input', attrs: { id, 'data-testid': testId }, on: { change: () => onChange(select.value) } });
  let shown = '';
  return {
    element: el('div', { class: 'field' }, [el('label', { class: 'label', text: t.m(label), attrs: { for: id } }), select]),
    update(options: readonly DeviceOption[], current: string | undefined) {
      const key = JSON.stringify(options);
      if (key !== shown) {
        shown = key;
        replaceChildren(select, options.length === 0
          ? [el('option', { text: t.m('devices.none'), attrs: { value: '' } })]
          : options.map((o, i) => el('option', {
            // A device's own name is not translated; a nameless one gets a numbered word.
            text: o.label !== '' ? o.label : t.m(unnamed, { n: i + 1 }),
            attrs: { value: o.id, 'data-i18n-skip': o.label !== '' },
          })));
      }
      select.disabled = options.length === 0;
      const value = current !== undefined && options.some((o) => o.id === current) ? current : options[0]?.id ?? '';
      if (select.value !== value) select.value = value;
    },
  };
}
