import { describe, expect, it } from 'vitest';
import { DEFAULT_RECEIVE_PREFERENCES, parseReceivePreferences, receiveConstraintsBody } from './receive-preferences';

describe('receive preferences', () => {
  it('readsWhatWasStored', () => {
    expect(parseReceivePreferences({ maxVideoHeight: 360, lowBandwidth: true })).toEqual({ maxVideoHeight: 360, lowBandwidth: true });
  });

  it('unknownOrBrokenValuesKeepTheDefaults', () => {
    expect(parseReceivePreferences(null)).toEqual(DEFAULT_RECEIVE_PREFERENCES);
    expect(parseReceivePreferences('720')).toEqual(DEFAULT_RECEIVE_PREFERENCES);
    expect(parseReceivePreferences({ maxVideoHeight: 480, lowBandwidth: 'yes' })).toEqual(DEFAULT_RECEIVE_PREFERENCES);
    expect(parseReceivePreferences({ maxVideoHeight: 180 })).toEqual({ maxVideoHeight: 180, lowBandwidth: false });
  });

  it('becomeTheSetReceiveConstraintsBody', () => {
    expect(receiveConstraintsBody({ maxVideoHeight: 0, lowBandwidth: false })).toEqual({ maxVideoHeight: 0, lowBandwidth: false });
    expect(receiveConstraintsBody({ maxVideoHeight: 720, lowBandwidth: true })).toEqual({ maxVideoHeight: 720, lowBandwidth: true });
  });
});
