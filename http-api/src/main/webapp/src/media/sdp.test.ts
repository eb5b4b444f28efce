import { describe, expect, it } from 'vitest';
import { mediaSections, sendingMids } from './sdp';

const OFFER = [
  'v=0', 'o=- 42 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=group:BUNDLE a0 v0 v1',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111', 'c=IN IP4 0.0.0.0', 'a=mid:a0', 'a=sendonly', 'a=rtpmap:111 opus/48000/2',
  'm=video 9 UDP/TLS/RTP/SAVPF 96', 'a=mid:v0', 'a=inactive',
  'm=video 0 UDP/TLS/RTP/SAVPF 96', 'a=mid:v1', 'a=sendonly',
  'm=video 9 UDP/TLS/RTP/SAVPF 96', 'a=mid:v2',
  '',
].join('\r\n');

describe('sdp', () => {
  it('readsEachMediaSectionsMidKindPortAndDirection', () => {
    expect(mediaSections(OFFER)).toEqual([
      { mid: 'a0', kind: 'audio', port: 9, direction: 'sendonly' },
      { mid: 'v0', kind: 'video', port: 9, direction: 'inactive' },
      { mid: 'v1', kind: 'video', port: 0, direction: 'sendonly' },
      { mid: 'v2', kind: 'video', port: 9, direction: 'sendrecv' },
    ]);
  });

  it('anInactiveOrPortZeroMLineCarriesNothing', () => {
    expect([...sendingMids(OFFER)]).toEqual(['a0', 'v2']);
  });

  it('aSessionLevelDirectionIsTheDefaultOfEveryMLine', () => {
    const sdp = 'v=0\na=inactive\nm=audio 9 RTP/AVP 0\na=mid:0\nm=video 9 RTP/AVP 96\na=mid:1\na=sendonly\n';
    expect([...sendingMids(sdp)]).toEqual(['1']);
  });

  it('anEmptyOfferHasNoSections', () => {
    expect(mediaSections('')).toEqual([]);
    expect(mediaSections('v=0\r\ns=-\r\n')).toEqual([]);
  });
});
