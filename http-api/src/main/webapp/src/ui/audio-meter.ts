import { meterFill, rmsFromTimeDomain } from '../media/audio-level';

/**
 * The microphone's loudness, measured in the page with WebAudio (an AnalyserNode on the track):
 * what the level meters of the pre-join screen and the settings show. One AudioContext serves the
 * page; browsers keep it suspended until the person first clicks or types, so it is resumed then.
 */

export interface LevelSource {
  /** The current fill of a meter, 0..1. */
  read(): number;
  stop(): void;
}

let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  const Ctor = globalThis.AudioContext as typeof AudioContext | undefined;
  if (typeof Ctor !== 'function') return null;
  try {
    context = new Ctor();
  } catch {
    return null;
  }
  const resume = () => void context?.resume().catch(() => undefined);
  document.addEventListener('pointerdown', resume, { capture: true });
  document.addEventListener('keydown', resume, { capture: true });
  resume();
  return context;
}

/** Measures this track, or null where WebAudio is missing. */
export function measureTrack(track: MediaStreamTrack): LevelSource | null {
  const ctx = audioContext();
  if (!ctx) return null;
  let source: MediaStreamAudioSourceNode;
  try {
    source = ctx.createMediaStreamSource(new MediaStream([track]));
  } catch {
    return null;
  }
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  return {
    read() {
      if (!track.enabled || track.readyState === 'ended') return 0;
      analyser.getByteTimeDomainData(samples);
      return meterFill(rmsFromTimeDomain(samples));
    },
    stop() {
      source.disconnect();
      analyser.disconnect();
    },
  };
}
