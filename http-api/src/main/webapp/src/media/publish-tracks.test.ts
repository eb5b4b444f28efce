import { describe, expect, it } from 'vitest';
import { FakeTransceiver, fakeTrack } from '../test-support/fake-webrtc';
import { publishTrackList, sourcesByMid } from './publish-tracks';

describe('publish track list', () => {
  it('mapsEachSendingTransceiversMidToItsSource', () => {
    const mic = new FakeTransceiver('audio', fakeTrack('audio'), 'sendonly', '0');
    const camera = new FakeTransceiver('video', null, 'sendonly', '1');
    const screen = new FakeTransceiver('video', fakeTrack('video'), 'sendonly', '2');
    expect(publishTrackList([
      { transceiver: mic, source: 'MEDIA_SOURCE_MICROPHONE' },
      { transceiver: camera, source: 'MEDIA_SOURCE_CAMERA' },
      { transceiver: screen, source: 'MEDIA_SOURCE_SCREEN' },
    ])).toEqual([
      { mid: '0', source: 'MEDIA_SOURCE_MICROPHONE' },
      { mid: '1', source: 'MEDIA_SOURCE_CAMERA' },
      { mid: '2', source: 'MEDIA_SOURCE_SCREEN' },
    ]);
  });

  it('leavesOutAStoppedScreenShareAndTransceiversWithoutAMidYet', () => {
    const mic = new FakeTransceiver('audio', null, 'sendonly', '0');
    const screen = new FakeTransceiver('video', null, 'inactive', '2');
    const fresh = new FakeTransceiver('video', null, 'sendonly', null);
    const published = [
      { transceiver: mic, source: 'MEDIA_SOURCE_MICROPHONE' as const },
      { transceiver: screen, source: 'MEDIA_SOURCE_SCREEN' as const },
      { transceiver: fresh, source: 'MEDIA_SOURCE_CAMERA' as const },
    ];
    expect(publishTrackList(published)).toEqual([{ mid: '0', source: 'MEDIA_SOURCE_MICROPHONE' }]);
    expect([...sourcesByMid(published)]).toEqual([['0', 'MEDIA_SOURCE_MICROPHONE']]);
  });
});
