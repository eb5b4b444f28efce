import { describe, expect, it } from 'vitest';
import { bodyKind, parseServerMessage, readInt64, readSubscribeOffer, readVersion, signalUrl } from './protocol';

describe('protocol', () => {
  it('signalUrlUsesWssOnHttpsPagesAndWsOnHttpPages', () => {
    expect(signalUrl({ protocol: 'https:', host: 'meet.example.org' })).toBe('wss://meet.example.org/api/v1/signal');
    expect(signalUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/api/v1/signal');
  });

  it('readsInt64StringsAndFallsBackWhenMissingOrNonsense', () => {
    expect(readInt64('10000', 1)).toBe(10_000);
    expect(readInt64(undefined, 1)).toBe(1);
    expect(readInt64('abc', 1)).toBe(1);
    expect(readInt64('0', 1)).toBe(1);
  });

  it('parsesOnlyJsonObjects', () => {
    expect(parseServerMessage('{"pong":{}}')).toEqual({ pong: {} });
    expect(parseServerMessage('not json')).toBeNull();
    expect(parseServerMessage('[1]')).toBeNull();
    expect(parseServerMessage('null')).toBeNull();
  });

  it('namesTheOneofCaseOfABody', () => {
    expect(bodyKind({ setMedia: { audioMuted: true } })).toBe('setMedia');
    expect(bodyKind({ ping: {} })).toBe('ping');
  });
});

describe('protocol media', () => {
  it('readsSubscribeOfferVersionsIncludingTheOmittedZero', () => {
    expect(readVersion('42')).toBe(42);
    expect(readVersion(undefined)).toBe(0);
    expect(readVersion('-1')).toBe(0);
    expect(readVersion('9007199254740993')).toBe(0);
  });

  it('aSubscribeOfferWithoutTracksHasNone', () => {
    expect(readSubscribeOffer({})).toEqual({ sdp: '', version: 0, tracks: [] });
  });
});
