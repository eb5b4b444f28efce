import { describe, expect, it } from 'vitest';
import { FakeDevices } from '../test-support/fake-webrtc';
import { DEFAULT_CAPTURE } from './capture-settings';
import { acquireLocalDevices, deviceProblem } from './local-media';

describe('acquireLocalDevices', () => {
  it('asksForMicrophoneAndCameraInOnePrompt', async () => {
    const devices = new FakeDevices();
    const local = await acquireLocalDevices(devices, DEFAULT_CAPTURE);
    expect(devices.requests).toHaveLength(1);
    expect(local.audio?.kind).toBe('audio');
    expect(local.video?.kind).toBe('video');
    expect(local.problem).toBeUndefined();
  });

  it('withoutACameraItStillGetsTheMicrophoneAndSaysWhy', async () => {
    const devices = new FakeDevices();
    devices.failing = { video: 'NotFoundError' };
    const local = await acquireLocalDevices(devices, DEFAULT_CAPTURE);
    expect(local.audio?.kind).toBe('audio');
    expect(local.video).toBeNull();
    expect(local.problem).toBe('not-found');
  });

  it('aRefusalIsNotAskedAgain', async () => {
    const devices = new FakeDevices();
    devices.failing = { audio: 'NotAllowedError', video: 'NotAllowedError' };
    const local = await acquireLocalDevices(devices, DEFAULT_CAPTURE);
    expect(devices.requests).toHaveLength(1);
    expect(local).toEqual({ audio: null, video: null, problem: 'denied' });
  });

  it('anInsecurePageHasNoDevices', async () => {
    expect(await acquireLocalDevices(null, DEFAULT_CAPTURE)).toEqual({ audio: null, video: null, problem: 'unsupported' });
  });

  it('namesTheProblemFromTheBrowsersError', () => {
    expect(deviceProblem({ name: 'NotReadableError' })).toBe('in-use');
    expect(deviceProblem({ name: 'OverconstrainedError' })).toBe('not-found');
    expect(deviceProblem(new Error('?'))).toBe('failed');
  });
});
