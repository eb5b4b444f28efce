import { describe, expect, it } from 'vitest';
import { deviceLists, sameDeviceLists } from './devices';

describe('deviceLists', () => {
  it('separatesCamerasFromMicrophonesInTheBrowsersOrder', () => {
    const lists = deviceLists([
      { deviceId: 'default', kind: 'audioinput', label: 'Default - Headset' },
      { deviceId: 'cam-1', kind: 'videoinput', label: 'Built-in camera' },
      { deviceId: 'mic-1', kind: 'audioinput', label: 'Headset' },
      { deviceId: 'out-1', kind: 'audiooutput', label: 'Speakers' },
    ]);
    expect(lists.audioinput.map((d) => d.id)).toEqual(['default', 'mic-1']);
    expect(lists.videoinput).toEqual([{ id: 'cam-1', label: 'Built-in camera' }]);
  });

  it('leavesOutDevicesWithoutAnIdAndDuplicates', () => {
    const lists = deviceLists([
      { deviceId: '', kind: 'videoinput', label: '' },
      { deviceId: 'cam-1', kind: 'videoinput', label: '' },
      { deviceId: 'cam-1', kind: 'videoinput', label: 'again' },
    ]);
    expect(lists.videoinput).toEqual([{ id: 'cam-1', label: '' }]);
  });
});

describe('sameDeviceLists', () => {
  it('comparesIdsAndLabels', () => {
    const a = deviceLists([{ deviceId: 'cam-1', kind: 'videoinput', label: '' }]);
    const b = deviceLists([{ deviceId: 'cam-1', kind: 'videoinput', label: 'Camera' }]);
    expect(sameDeviceLists(a, a)).toBe(true);
    expect(sameDeviceLists(a, b)).toBe(false);
  });
});
