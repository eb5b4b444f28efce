import { describe, expect, it } from 'vitest';
import { captureSettingsFromQuery, DEFAULT_CAPTURE, userMediaConstraints } from './capture-settings';

describe('captureSettingsFromQuery', () => {
  it('isSixFortyByThreeSixtyAtTwentyFourFramesByDefault', () => {
    expect(captureSettingsFromQuery('')).toEqual({ width: 640, height: 360, frameRate: 24 });
    expect(captureSettingsFromQuery('?lang=fr')).toBe(DEFAULT_CAPTURE);
  });

  it('theVideoQueryParameterOverridesWidthAndHeight', () => {
    expect(captureSettingsFromQuery('?video=320x240')).toEqual({ width: 320, height: 240, frameRate: 24 });
    expect(captureSettingsFromQuery('?x=1&video=1280X720')).toEqual({ width: 1280, height: 720, frameRate: 24 });
  });

  it('ignoresAMalformedOrAbsurdOverride', () => {
    for (const bad of ['?video=320', '?video=axb', '?video=0x0', '?video=99999x2', '?video=320x240x1', '?video=']) {
      expect(captureSettingsFromQuery(bad), bad).toBe(DEFAULT_CAPTURE);
    }
  });
});

describe('userMediaConstraints', () => {
  it('asksIdeallyForTheSettingsSoThatAnyCameraWorks', () => {
    const constraints = userMediaConstraints({ width: 320, height: 240, frameRate: 24 }, { audio: true, video: true });
    expect(constraints.video).toEqual({ width: { ideal: 320 }, height: { ideal: 240 }, frameRate: { ideal: 24, max: 24 } });
    expect(constraints.audio).toMatchObject({ echoCancellation: true });
  });

  it('leavesOutWhatIsNotWanted', () => {
    expect(userMediaConstraints(DEFAULT_CAPTURE, { audio: true, video: false }).video).toBe(false);
    expect(userMediaConstraints(DEFAULT_CAPTURE, { audio: false, video: true }).audio).toBe(false);
  });
});
