import { describe, expect, it } from 'vitest';
import { captureSettingsFromQuery, parseCapturePreferences, DEFAULT_CAPTURE, effectiveCapture, isSendHeight, userMediaConstraints } from './capture-settings';

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

describe('device choice', () => {
  it('aRememberedDeviceIsWantedIdeallySoThatAnotherOneStillWorks', () => {
    const constraints = userMediaConstraints(DEFAULT_CAPTURE, { audio: true, video: true }, { audioInputId: 'mic-2', videoInputId: 'cam-2' });
    expect(constraints.audio).toMatchObject({ deviceId: { ideal: 'mic-2' } });
    expect(constraints.video).toMatchObject({ deviceId: { ideal: 'cam-2' } });
  });

  it('aDeviceChosenNowIsRequiredExactly', () => {
    const constraints = userMediaConstraints(DEFAULT_CAPTURE, { audio: false, video: true }, { videoInputId: 'cam-2', exact: true });
    expect(constraints.video).toMatchObject({ deviceId: { exact: 'cam-2' }, height: { ideal: 360 } });
  });
});

describe('effectiveCapture', () => {
  it('aChosenSendQualitySetsASixteenByNineSizeAndKeepsTheFrameRate', () => {
    expect(effectiveCapture(DEFAULT_CAPTURE, 720)).toEqual({ width: 1280, height: 720, frameRate: 24 });
    expect(effectiveCapture(DEFAULT_CAPTURE, 180)).toEqual({ width: 320, height: 180, frameRate: 24 });
  });

  it('withoutAChoiceThePagesSettingsHold', () => {
    const fromQuery = { width: 320, height: 240, frameRate: 24 };
    expect(effectiveCapture(fromQuery, undefined)).toBe(fromQuery);
  });

  it('knowsTheHeightsOnOffer', () => {
    expect([720, 360, 180, 1080, '360'].map(isSendHeight)).toEqual([true, true, true, false, false]);
  });
});

describe('parseCapturePreferences', () => {
  it('keepsWhatItKnowsAndDropsTheRest', () => {
    expect(parseCapturePreferences({ maxSendHeight: 720, audioInputId: 'mic-2', videoInputId: 3 })).toEqual({ maxSendHeight: 720, audioInputId: 'mic-2', videoInputId: undefined });
    expect(parseCapturePreferences('junk')).toEqual({});
    expect(parseCapturePreferences({ maxSendHeight: 1080 }).maxSendHeight).toBeUndefined();
  });
});
