import type { MediaDevicesPort, PeerConnection, PeerConnectionFactory } from './rtc';

/**
 * The real browser behind the media seams (the counterpart of signal-client's
 * browserSocketFactory). Only wiring: everything with a rule in it lives elsewhere and is tested
 * with fakes.
 */

export const browserPeerConnectionFactory: PeerConnectionFactory = (configuration, events) => {
  const pc = new RTCPeerConnection(configuration);
  pc.onicecandidate = (event) => {
    // A null candidate (or an empty one, in some browsers) only says gathering is complete.
    if (event.candidate && event.candidate.candidate !== '') {
      events.iceCandidate({ candidate: event.candidate.candidate, sdpMid: event.candidate.sdpMid });
    }
  };
  pc.ontrack = (event) => events.track(event.transceiver);
  pc.onconnectionstatechange = () => events.connectionStateChange(pc.connectionState);
  const port: PeerConnection = pc;
  return port;
};

/** navigator.mediaDevices, or null on an insecure page (http other than localhost) where it is absent. */
export function browserMediaDevices(): MediaDevicesPort | null {
  const devices = globalThis.navigator?.mediaDevices;
  if (!devices?.getUserMedia) return null;
  const port: MediaDevicesPort = {
    getUserMedia: async (constraints) => (await devices.getUserMedia(constraints)).getTracks(),
  };
  if (typeof devices.getDisplayMedia === 'function') {
    port.getDisplayMedia = async (options) => (await devices.getDisplayMedia(options)).getTracks();
  }
  if (typeof devices.enumerateDevices === 'function') {
    port.enumerateDevices = async () =>
      (await devices.enumerateDevices()).map((d) => ({ deviceId: d.deviceId, kind: d.kind, label: d.label }));
    port.onDeviceChange = (listener) => {
      devices.addEventListener('devicechange', listener);
      return () => devices.removeEventListener('devicechange', listener);
    };
  }
  return port;
}
