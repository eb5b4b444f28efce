import { describe, expect, it } from 'vitest';
import { fakeTrack } from '../test-support/fake-webrtc';
import { audioLevels, hasDecodedVideo, shapeStats } from './stats';
import type { RemoteTrack } from './track-map';

const bobCamera: RemoteTrack = { mid: '1', participantId: 'p-bob', source: 'MEDIA_SOURCE_CAMERA', kind: 'video', track: fakeTrack('video') };
const bobMic: RemoteTrack = { mid: '0', participantId: 'p-bob', source: 'MEDIA_SOURCE_MICROPHONE', kind: 'audio', track: fakeTrack('audio') };

function report(...stats: object[]): ReadonlyMap<string, unknown> {
  return new Map(stats.map((s, i) => [`s${i}`, s]));
}

describe('shapeStats', () => {
  it('labelsInboundRtpByTheMidsOwnerAndSource', () => {
    const stats = shapeStats({
      publish: undefined,
      subscribe: report(
        { type: 'inbound-rtp', kind: 'video', mid: '1', framesDecoded: 120, frameHeight: 0, packetsReceived: 400, bytesReceived: 350_000 },
        { type: 'inbound-rtp', kind: 'audio', mid: '0', packetsReceived: 250, bytesReceived: 20_000 },
        { type: 'inbound-rtp', kind: 'video', mid: '7', framesDecoded: 3 },
        { type: 'candidate-pair', bytesReceived: 1 },
      ),
      publishSources: new Map(),
      remoteTracks: [bobMic, bobCamera],
      publishState: 'none',
      subscribeState: 'connected',
    });
    expect(stats.inbound).toEqual([
      { kind: 'audio', participantId: 'p-bob', source: 'MEDIA_SOURCE_MICROPHONE', mid: '0', framesDecoded: 0, frameHeight: 0, packetsReceived: 250, bytesReceived: 20_000 },
      { kind: 'video', participantId: 'p-bob', source: 'MEDIA_SOURCE_CAMERA', mid: '1', framesDecoded: 120, frameHeight: 0, packetsReceived: 400, bytesReceived: 350_000 },
    ]);
    expect(stats.subscribeState).toBe('connected');
    expect(hasDecodedVideo(stats)).toBe(true);
  });

  it('findsTheMidThroughTheTrackWhenTheBrowserDoesNotNameIt', () => {
    const stats = shapeStats({
      publish: undefined,
      subscribe: report({ type: 'inbound-rtp', kind: 'video', trackIdentifier: bobCamera.track.id, framesDecoded: 0, packetsReceived: 5 }),
      publishSources: new Map(),
      remoteTracks: [bobCamera],
      publishState: 'none',
      subscribeState: 'connecting',
    });
    expect(stats.inbound[0]).toMatchObject({ mid: '1', participantId: 'p-bob', packetsReceived: 5 });
    expect(hasDecodedVideo(stats)).toBe(false);
  });

  it('aRemoteTrackWithoutPacketsYetIsListedWithZeros', () => {
    const stats = shapeStats({
      publish: undefined,
      subscribe: report({ type: 'inbound-rtp', kind: 'audio', mid: '0', packetsReceived: 7, bytesReceived: 300 }),
      publishSources: new Map(),
      remoteTracks: [bobMic, bobCamera],
      publishState: 'none',
      subscribeState: 'connected',
    });
    expect(stats.inbound.map((s) => [s.mid, s.kind, s.packetsReceived, s.framesDecoded])).toEqual([['0', 'audio', 7, 0], ['1', 'video', 0, 0]]);
  });

  it('labelsOutboundRtpByPublishedSourceAndDropsWhatIsNoLongerSent', () => {
    const stats = shapeStats({
      publish: report(
        { type: 'outbound-rtp', kind: 'video', mid: '1', packetsSent: 900, framesEncoded: 300, bytesSent: 800_000 },
        { type: 'outbound-rtp', kind: 'audio', mid: '0', packetsSent: 500, bytesSent: 40_000 },
        { type: 'outbound-rtp', kind: 'video', mid: '2', packetsSent: 10, framesEncoded: 2 },
      ),
      subscribe: undefined,
      publishSources: new Map([['0', 'MEDIA_SOURCE_MICROPHONE'], ['1', 'MEDIA_SOURCE_CAMERA']]),
      remoteTracks: [],
      publishState: 'connected',
      subscribeState: 'none',
    });
    expect(stats.outbound).toEqual([
      { kind: 'audio', source: 'MEDIA_SOURCE_MICROPHONE', mid: '0', rid: '', frameHeight: 0, packetsSent: 500, framesEncoded: 0, bytesSent: 40_000 },
      { kind: 'video', source: 'MEDIA_SOURCE_CAMERA', mid: '1', rid: '', frameHeight: 0, packetsSent: 900, framesEncoded: 300, bytesSent: 800_000 },
    ]);
    expect(stats.inbound).toEqual([]);
  });

  it('listsEachSimulcastLayerOfTheCameraWithItsRidAndHeight', () => {
    const stats = shapeStats({
      publish: report(
        { type: 'outbound-rtp', kind: 'video', mid: '1', rid: 'h', frameHeight: 180, packetsSent: 300, framesEncoded: 90, bytesSent: 90_000 },
        { type: 'outbound-rtp', kind: 'video', mid: '1', rid: 'f', frameHeight: 360, packetsSent: 700, framesEncoded: 90, bytesSent: 400_000 },
        { type: 'outbound-rtp', kind: 'video', mid: '1', rid: 'q', frameHeight: 90, packetsSent: 100, framesEncoded: 90, bytesSent: 20_000 },
      ),
      subscribe: undefined,
      publishSources: new Map([['1', 'MEDIA_SOURCE_CAMERA']]),
      remoteTracks: [],
      publishState: 'connected',
      subscribeState: 'none',
    });
    expect(stats.outbound.map((s) => [s.rid, s.frameHeight])).toEqual([['f', 360], ['h', 180], ['q', 90]]);
  });
});

describe('audioLevels', () => {
  it('givesEachPersonTheLevelOfTheirMicrophoneAndOneselfThatOfTheCapture', () => {
    const levels = audioLevels({
      subscribe: report(
        { type: 'inbound-rtp', kind: 'audio', mid: '0', audioLevel: 0.25 },
        { type: 'inbound-rtp', kind: 'video', mid: '1', audioLevel: 0.9 },
        { type: 'inbound-rtp', kind: 'audio', mid: '9', audioLevel: 0.5 },
      ),
      publish: report({ type: 'media-source', kind: 'audio', audioLevel: 0.1 }, { type: 'media-source', kind: 'video' }),
      remoteTracks: [bobMic, bobCamera],
      selfId: 'p-me',
    });
    expect(Object.fromEntries(levels)).toEqual({ 'p-bob': 0.25, 'p-me': 0.1 });
  });

  it('someoneNotMeasuredYetIsLeftOut', () => {
    const levels = audioLevels({ subscribe: report({ type: 'inbound-rtp', kind: 'audio', mid: '0' }), publish: undefined, remoteTracks: [bobMic], selfId: undefined });
    expect(levels.size).toBe(0);
  });
});
