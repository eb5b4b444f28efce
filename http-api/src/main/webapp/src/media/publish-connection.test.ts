import { beforeEach, describe, expect, it } from 'vitest';
import type { PublishOfferBody, TrickleCandidateBody } from '../signal/protocol';
import { SignalRequestError } from '../signal/signal-client';
import { deferred, FakePeerConnections, fakeTrack, settle } from '../test-support/fake-webrtc';
import { PublishConnection, cameraEncodings, type PublishSignalling } from './publish-connection';

/** The server side of publishing: records offers and answers each when the test says. */
class FakePublishServer implements PublishSignalling {
  readonly offers: PublishOfferBody[] = [];
  readonly candidates: TrickleCandidateBody[] = [];
  private readonly waiting: Array<ReturnType<typeof deferred<string>>> = [];
  publishOffer(body: PublishOfferBody): Promise<string> {
    this.offers.push(body);
    const answer = deferred<string>();
    this.waiting.push(answer);
    return answer.promise;
  }
  sendTrickleCandidate(body: TrickleCandidateBody): void {
    this.candidates.push(body);
  }
  answer(sdp = `answer-to-${this.offers.length}`): void {
    this.waiting.shift()?.resolve(sdp);
  }
  refuse(error: unknown): void {
    this.waiting.shift()?.reject(error);
  }
  get inFlight(): number {
    return this.waiting.length;
  }
}

let pcs: FakePeerConnections;
let server: FakePublishServer;
let errors: unknown[];
let states: string[];

function connect(tracks = { audio: fakeTrack('audio'), video: fakeTrack('video'), screen: null as MediaStreamTrack | null }): PublishConnection {
  return new PublishConnection({
    createPeerConnection: pcs.factory,
    signal: server,
    onConnectionState: (s) => states.push(s),
    onError: (e) => errors.push(e),
  }, tracks);
}

beforeEach(() => {
  pcs = new FakePeerConnections();
  server = new FakePublishServer();
  errors = [];
  states = [];
});

describe('cameraEncodings', () => {
  it('asksForAsManyLayersAsChromeSendsForTheCapturedHeight', () => {
    const layers = (height: number | undefined) => cameraEncodings(height).map((e) => [e.rid, e.scaleResolutionDownBy]);
    expect(layers(720)).toEqual([['q', 4], ['h', 2], ['f', 1]]);
    expect(layers(540)).toEqual([['q', 4], ['h', 2], ['f', 1]]);
    expect(layers(360)).toEqual([['h', 2], ['f', 1]]);
    expect(layers(undefined)).toEqual([['h', 2], ['f', 1]]);
    expect(layers(240)).toEqual([]);
  });
});

describe('PublishConnection', () => {
  it('offersMicrophoneThenCameraSendonlyWithTheirMidsAndAppliesTheAnswer', async () => {
    const publisher = connect();
    const done = publisher.negotiate();
    await settle();
    const pc = pcs.publisher();
    expect(pc.configuration.iceServers).toEqual([]);
    expect(pc.transceivers.map((t) => [t.kind, t.direction])).toEqual([['audio', 'sendonly'], ['video', 'sendonly']]);
    expect(pc.transceivers[0]?.sendEncodings).toEqual([]);
    expect(server.offers).toEqual([{
      sdp: 'offer-1',
      tracks: [{ mid: '0', source: 'MEDIA_SOURCE_MICROPHONE' }, { mid: '1', source: 'MEDIA_SOURCE_CAMERA' }],
    }]);
    server.answer('server-answer');
    await done;
    expect(pc.remoteDescriptions).toEqual([{ type: 'answer', sdp: 'server-answer' }]);
    expect([...publisher.sources()]).toEqual([['0', 'MEDIA_SOURCE_MICROPHONE'], ['1', 'MEDIA_SOURCE_CAMERA']]);
  });

  it('aMissingDeviceStillHasItsMLineSoTheLayoutNeverChanges', async () => {
    const publisher = connect({ audio: fakeTrack('audio'), video: null as unknown as MediaStreamTrack, screen: null });
    void publisher.negotiate();
    await settle();
    const camera = pcs.publisher().transceivers[1];
    expect(camera?.sender.track).toBeNull();
    expect(server.offers[0]?.tracks).toEqual([{ mid: '0', source: 'MEDIA_SOURCE_MICROPHONE' }, { mid: '1', source: 'MEDIA_SOURCE_CAMERA' }]);
  });

  it('holdsIceCandidatesUntilTheOfferIsSentAndLabelsThemPublish', async () => {
    const publisher = connect();
    pcs.publisher().findCandidate('candidate:early', '0');
    expect(server.candidates).toEqual([]);
    void publisher.negotiate();
    await settle();
    pcs.publisher().findCandidate('candidate:late', '0');
    expect(server.candidates.map((c) => [c.connection, c.candidate])).toEqual([
      ['PEER_CONNECTION_KIND_PUBLISH', 'candidate:early'],
      ['PEER_CONNECTION_KIND_PUBLISH', 'candidate:late'],
    ]);
  });

  it('screenShareAddsASendonlyScreenMLineAndRenegotiatesAfterTheCurrentOffer', async () => {
    const publisher = connect();
    void publisher.negotiate();
    await settle();
    const screen = fakeTrack('video');
    void publisher.setScreen(screen);
    await settle();
    expect(server.inFlight).toBe(1);
    expect(server.offers).toHaveLength(1);
    server.answer();
    await settle();
    expect(server.offers).toHaveLength(2);
    expect(server.offers[1]?.tracks).toEqual([
      { mid: '0', source: 'MEDIA_SOURCE_MICROPHONE' },
      { mid: '1', source: 'MEDIA_SOURCE_CAMERA' },
      { mid: '2', source: 'MEDIA_SOURCE_SCREEN' },
    ]);
    expect(pcs.publisher().transceivers[2]?.sender.track).toBe(screen);
  });

  it('stoppingTheShareSetsItsMLineInactiveAndTheNextShareReusesIt', async () => {
    const publisher = connect();
    void publisher.negotiate();
    await settle();
    server.answer();
    const first = publisher.setScreen(fakeTrack('video'));
    await settle();
    server.answer();
    await first;
    const stop = publisher.setScreen(null);
    await settle();
    const pc = pcs.publisher();
    expect(pc.transceivers[2]?.direction).toBe('inactive');
    expect(pc.transceivers[2]?.sender.track).toBeNull();
    expect(server.offers[2]?.tracks.map((t) => t.source)).toEqual(['MEDIA_SOURCE_MICROPHONE', 'MEDIA_SOURCE_CAMERA']);
    server.answer();
    await stop;
    const again = fakeTrack('video');
    const restart = publisher.setScreen(again);
    await settle();
    server.answer();
    await restart;
    expect(pc.transceivers).toHaveLength(3);
    expect(pc.transceivers[2]?.direction).toBe('sendonly');
    expect(pc.transceivers[2]?.sender.track).toBe(again);
    expect(server.offers[3]?.tracks.at(-1)).toEqual({ mid: '2', source: 'MEDIA_SOURCE_SCREEN' });
  });

  it('sendsTheCameraAsSimulcastLayersSmallestFirstAndTheScreenAsOneStream', async () => {
    const publisher = connect({ audio: fakeTrack('audio'), video: fakeTrack('video'), screen: fakeTrack('video') as MediaStreamTrack | null });
    const done = publisher.negotiate();
    await settle();
    server.answer();
    await done;
    const [microphone, camera, screen] = pcs.publisher().transceivers;
    expect(camera?.sendEncodings.map((e) => [e.rid, e.scaleResolutionDownBy])).toEqual([['h', 2], ['f', 1]]);
    expect(microphone?.sendEncodings).toEqual([]);
    expect(screen?.sendEncodings).toEqual([]);
  });

  it('manyChangesWhileAnOfferIsInFlightMakeOneMoreOfferNotMany', async () => {
    const publisher = connect();
    void publisher.negotiate();
    await settle();
    void publisher.setScreen(fakeTrack('video'));
    void publisher.setScreen(null);
    void publisher.setScreen(fakeTrack('video'));
    await settle();
    expect(server.offers).toHaveLength(1);
    server.answer();
    await settle();
    expect(server.offers).toHaveLength(2);
    expect(server.inFlight).toBe(1);
  });

  it('aRefusedOfferIsRolledBackAndReported', async () => {
    const publisher = connect();
    const done = publisher.negotiate();
    await settle();
    const refusal = new SignalRequestError('REFUSED', 'media is not available');
    server.refuse(refusal);
    await done;
    expect(errors).toEqual([refusal]);
    expect(pcs.publisher().localDescriptions.at(-1)).toEqual({ type: 'rollback' });
  });

  it('reportsConnectionStatesAndNothingOnceClosed', async () => {
    const publisher = connect();
    const pc = pcs.publisher();
    pc.changeState('connecting');
    expect(publisher.state).toBe('connecting');
    publisher.close();
    pc.changeState('failed');
    pc.findCandidate('candidate:x');
    expect(states).toEqual(['connecting']);
    expect(publisher.state).toBe('closed');
    expect(pc.closed).toBe(true);
    expect(await publisher.getStats()).toBeUndefined();
  });
});
