import { beforeEach, describe, expect, it } from 'vitest';
import type { SubscribeAnswerBody, SubscribeOffer, TrickleCandidateBody } from '../signal/protocol';
import { FakePeerConnections, offerSdp, settle } from '../test-support/fake-webrtc';
import { SubscribeConnection } from './subscribe-connection';
import type { RemoteTrack } from './track-map';

let pcs: FakePeerConnections;
let answers: SubscribeAnswerBody[];
let candidates: TrickleCandidateBody[];
let updates: Array<readonly RemoteTrack[]>;
let errors: unknown[];

function subscriber(): SubscribeConnection {
  return new SubscribeConnection({
    createPeerConnection: pcs.factory,
    signal: { sendSubscribeAnswer: (b) => answers.push(b), sendTrickleCandidate: (b) => candidates.push(b) },
    onTracks: (t) => updates.push(t),
    onConnectionState: () => undefined,
    onError: (e) => errors.push(e),
  });
}

const bobOnly: SubscribeOffer = {
  version: 1,
  sdp: offerSdp({ mid: '0', kind: 'audio' }, { mid: '1', kind: 'video' }),
  tracks: [
    { mid: '0', source: 'MEDIA_SOURCE_MICROPHONE', participantId: 'p-bob' },
    { mid: '1', source: 'MEDIA_SOURCE_CAMERA', participantId: 'p-bob' },
  ],
};

const who = (tracks: readonly RemoteTrack[] | undefined) => (tracks ?? []).map((t) => `${t.participantId}/${t.source}/${t.kind}`);

beforeEach(() => {
  pcs = new FakePeerConnections();
  answers = [];
  candidates = [];
  updates = [];
  errors = [];
});

describe('SubscribeConnection', () => {
  it('answersAnOfferWithItsVersionAndMapsTheTracksToTheirOwners', async () => {
    const connection = subscriber();
    await connection.handleOffer(bobOnly);
    const pc = pcs.subscriber();
    expect(pc.configuration.iceServers).toEqual([]);
    expect(pc.remoteDescriptions[0]).toEqual({ type: 'offer', sdp: bobOnly.sdp });
    expect(answers).toEqual([{ sdp: 'answer-1', version: '1' }]);
    expect(who(connection.remoteTracks)).toEqual(['p-bob/MEDIA_SOURCE_MICROPHONE/audio', 'p-bob/MEDIA_SOURCE_CAMERA/video']);
    expect(connection.remoteTracks[1]?.track).toBe(pc.transceivers[1]?.receiver.track);
  });

  it('showsATrackAsSoonAsItArrivesMappedThroughTheOfferBeingApplied', async () => {
    const connection = subscriber();
    await connection.handleOffer(bobOnly);
    // The track events fire during setRemoteDescription, before the answer: one update each.
    expect(updates.map(who)).toEqual([
      ['p-bob/MEDIA_SOURCE_MICROPHONE/audio'],
      ['p-bob/MEDIA_SOURCE_MICROPHONE/audio', 'p-bob/MEDIA_SOURCE_CAMERA/video'],
    ]);
  });

  it('appliesOffersStrictlyInOrderOneAtATime', async () => {
    const connection = subscriber();
    await connection.handleOffer(bobOnly);
    const pc = pcs.subscriber();
    let release!: () => void;
    pc.remoteDescriptionGate = new Promise<void>((r) => (release = r));
    const v2: SubscribeOffer = {
      version: 2,
      sdp: offerSdp({ mid: '0', kind: 'audio' }, { mid: '1', kind: 'video' }, { mid: '2', kind: 'video' }),
      tracks: [...bobOnly.tracks, { mid: '2', source: 'MEDIA_SOURCE_SCREEN', participantId: 'p-cy' }],
    };
    const v3: SubscribeOffer = { ...v2, version: 3, sdp: offerSdp({ mid: '0', kind: 'audio' }, { mid: '1', kind: 'video' }, { mid: '2', kind: 'video', inactive: true }) };
    void connection.handleOffer(v2);
    const last = connection.handleOffer(v3);
    await settle();
    expect(answers.map((a) => a.version)).toEqual(['1']);
    pc.remoteDescriptionGate = null;
    release();
    await last;
    expect(answers.map((a) => a.version)).toEqual(['1', '2', '3']);
    expect(pc.remoteDescriptions.map((d) => d.sdp)).toEqual([bobOnly.sdp, v2.sdp, v3.sdp]);
  });

  it('anMLineGoneInactiveRemovesItsTrack', async () => {
    const connection = subscriber();
    await connection.handleOffer(bobOnly);
    await connection.handleOffer({ ...bobOnly, version: 2, sdp: offerSdp({ mid: '0', kind: 'audio' }, { mid: '1', kind: 'video', port0: true }) });
    expect(who(connection.remoteTracks)).toEqual(['p-bob/MEDIA_SOURCE_MICROPHONE/audio']);
  });

  it('anOfferThatIsNotNewerStartsAFreshConnection', async () => {
    const connection = subscriber();
    await connection.handleOffer({ ...bobOnly, version: 5 });
    const first = pcs.subscriber();
    await connection.handleOffer({ ...bobOnly, version: 1 });
    expect(first.closed).toBe(true);
    expect(pcs.subscriber()).not.toBe(first);
    expect(answers.map((a) => a.version)).toEqual(['5', '1']);
  });

  it('sendsItsCandidatesLabelledSubscribeOnlyAfterTheAnswer', async () => {
    const connection = subscriber();
    const applying = connection.handleOffer(bobOnly);
    await Promise.resolve();
    pcs.all[0]?.findCandidate('candidate:early', '0');
    expect(candidates).toEqual([]);
    await applying;
    expect(candidates).toEqual([{ connection: 'PEER_CONNECTION_KIND_SUBSCRIBE', candidate: 'candidate:early', sdpMid: '0' }]);
  });

  it('aBadOfferIsReportedAndTheNextOneIsStillApplied', async () => {
    const connection = subscriber();
    await connection.handleOffer(bobOnly);
    pcs.subscriber().failNextRemoteDescription = true;
    await connection.handleOffer({ ...bobOnly, version: 2 });
    expect(errors).toHaveLength(1);
    await connection.handleOffer({ ...bobOnly, version: 3 });
    expect(answers.map((a) => a.version)).toEqual(['1', '3']);
  });

  it('closingDropsQueuedOffersAndTheConnection', async () => {
    const connection = subscriber();
    await connection.handleOffer(bobOnly);
    const pc = pcs.subscriber();
    pc.remoteDescriptionGate = new Promise<void>(() => undefined);
    void connection.handleOffer({ ...bobOnly, version: 2 });
    void connection.handleOffer({ ...bobOnly, version: 3 });
    connection.close();
    expect(pc.closed).toBe(true);
    expect(connection.state).toBe('closed');
    expect(answers).toHaveLength(1);
  });
});
