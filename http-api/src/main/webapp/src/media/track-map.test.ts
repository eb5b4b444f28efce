import { describe, expect, it } from 'vitest';
import type { SubscribeOffer } from '../signal/protocol';
import { FakeTransceiver, offerSdp } from '../test-support/fake-webrtc';
import { liveRemoteTracks, lookupMid, sameRemoteTracks } from './track-map';

function receiving(kind: 'audio' | 'video', mid: string): FakeTransceiver {
  return new FakeTransceiver(kind, null, 'recvonly', mid);
}

describe('track map', () => {
  const tracks: SubscribeOffer['tracks'] = [
    { mid: '0', source: 'MEDIA_SOURCE_MICROPHONE', participantId: 'p-bob' },
    { mid: '1', source: 'MEDIA_SOURCE_CAMERA', participantId: 'p-bob' },
    { mid: '2', source: 'MEDIA_SOURCE_SCREEN', participantId: 'p-cy' },
  ];

  it('mapsAMidThroughTheOffersTrackList', () => {
    expect(lookupMid(tracks, '1')).toEqual({ mid: '1', source: 'MEDIA_SOURCE_CAMERA', participantId: 'p-bob' });
    expect(lookupMid(tracks, '9')).toBeUndefined();
    expect(lookupMid(tracks, null)).toBeUndefined();
  });

  it('givesEachLiveMLinesTrackWithItsOwnerAndSourceInOfferOrder', () => {
    const transceivers = [receiving('video', '2'), receiving('audio', '0'), receiving('video', '1')];
    const offer: SubscribeOffer = {
      version: 3,
      tracks,
      sdp: offerSdp({ mid: '0', kind: 'audio' }, { mid: '1', kind: 'video' }, { mid: '2', kind: 'video' }),
    };
    const live = liveRemoteTracks(offer, transceivers);
    expect(live.map(({ mid, participantId, source, kind }) => ({ mid, participantId, source, kind }))).toEqual([
      { mid: '0', participantId: 'p-bob', source: 'MEDIA_SOURCE_MICROPHONE', kind: 'audio' },
      { mid: '1', participantId: 'p-bob', source: 'MEDIA_SOURCE_CAMERA', kind: 'video' },
      { mid: '2', participantId: 'p-cy', source: 'MEDIA_SOURCE_SCREEN', kind: 'video' },
    ]);
    expect(live[1]?.track).toBe(transceivers[2]?.receiver.track);
  });

  it('leavesOutMLinesMadeInactiveOrPortZeroAndUnlistedOrUnownedOnes', () => {
    const transceivers = ['0', '1', '2', '3'].map((mid) => receiving('video', mid));
    const offer: SubscribeOffer = {
      version: 4,
      tracks: [
        { mid: '0', source: 'MEDIA_SOURCE_CAMERA', participantId: 'p-bob' },
        { mid: '1', source: 'MEDIA_SOURCE_CAMERA', participantId: 'p-cy' },
        { mid: '2', source: 'MEDIA_SOURCE_CAMERA', participantId: '' },
      ],
      sdp: offerSdp({ mid: '0', kind: 'video', inactive: true }, { mid: '1', kind: 'video', port0: true },
        { mid: '2', kind: 'video' }, { mid: '3', kind: 'video' }),
    };
    expect(liveRemoteTracks(offer, transceivers)).toEqual([]);
  });

  it('aRecycledMLineIsAttributedToItsNewOwner', () => {
    const transceiver = receiving('video', '1');
    const sdp = offerSdp({ mid: '1', kind: 'video' });
    const before = liveRemoteTracks({ version: 1, sdp, tracks: [{ mid: '1', source: 'MEDIA_SOURCE_CAMERA', participantId: 'p-bob' }] }, [transceiver]);
    const after = liveRemoteTracks({ version: 2, sdp, tracks: [{ mid: '1', source: 'MEDIA_SOURCE_CAMERA', participantId: 'p-cy' }] }, [transceiver]);
    expect(after[0]?.participantId).toBe('p-cy');
    expect(sameRemoteTracks(before, after)).toBe(false);
    expect(sameRemoteTracks(after, [...after])).toBe(true);
  });
});
