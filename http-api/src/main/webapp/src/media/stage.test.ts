import { describe, expect, it } from 'vitest';
import type { Participant } from '../signal/protocol';
import { asFake, fakeTrack } from '../test-support/fake-webrtc';
import { buildStage } from './stage';
import type { RemoteTrack } from './track-map';

function person(id: string, name: string, changes: Partial<Participant> = {}): Participant {
  return { id, displayName: name, role: 'ROLE_PARTICIPANT', language: 'en', audioMuted: false, videoMuted: false, joinedAt: '', ...changes };
}

function remote(participantId: string, source: RemoteTrack['source'], mid: string): RemoteTrack {
  const kind = source === 'MEDIA_SOURCE_MICROPHONE' ? 'audio' : 'video';
  return { participantId, source, mid, kind, track: fakeTrack(kind) };
}

describe('buildStage', () => {
  const bobMic = remote('p-bob', 'MEDIA_SOURCE_MICROPHONE', '0');
  const bobCam = remote('p-bob', 'MEDIA_SOURCE_CAMERA', '1');
  const cyScreen = remote('p-cy', 'MEDIA_SOURCE_SCREEN', '2');
  const local = { audio: fakeTrack('audio'), video: fakeTrack('video'), screen: null };

  it('givesATileToEveryoneOneselfFirstWithTheirCameraAndMute', () => {
    const roster = { participants: [person('p-bob', 'Bob', { audioMuted: true }), person('p-ada', 'Ada'), person('p-cy', 'Cy')] };
    const stage = buildStage(roster, 'p-ada', { local, remote: [bobMic, bobCam, cyScreen] });
    expect(stage.tiles.map((t) => [t.participantId, t.isSelf, t.audioMuted])).toEqual([
      ['p-ada', true, false], ['p-bob', false, true], ['p-cy', false, false],
    ]);
    expect(stage.tiles[0]?.video).toBe(local.video);
    expect(stage.tiles[1]?.video).toBe(bobCam.track);
    expect(stage.tiles[2]?.video).toBeNull();
    expect(stage.screens).toEqual([{ participantId: 'p-cy', displayName: 'Cy', track: cyScreen.track }]);
    expect(stage.audio).toEqual([{ participantId: 'p-bob', track: bobMic.track }]);
  });

  it('aCameraTurnedOffShowsTheInitialsEvenIfFramesStillCome', () => {
    const roster = { participants: [person('p-ada', 'Ada', { videoMuted: true }), person('p-bob', 'Bob', { videoMuted: true })] };
    const stage = buildStage(roster, 'p-ada', { local, remote: [bobCam] });
    expect(stage.tiles.map((t) => t.video)).toEqual([null, null]);
  });

  it('someoneWhoLeftTheRosterLosesTheirTracksAtOnce', () => {
    const stage = buildStage({ participants: [person('p-ada', 'Ada')] }, 'p-ada', { local, remote: [bobMic, bobCam, cyScreen] });
    expect(stage.tiles).toHaveLength(1);
    expect(stage.screens).toEqual([]);
    expect(stage.audio).toEqual([]);
  });

  it('anEndedTrackIsNotShown', () => {
    const ended = { ...local, video: fakeTrack('video') };
    asFake(ended.video).stop();
    const stage = buildStage({ participants: [person('p-ada', 'Ada')] }, 'p-ada', { local: ended, remote: [] });
    expect(stage.tiles[0]?.video).toBeNull();
  });
});
