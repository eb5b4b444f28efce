/**
 * The microphone level meter's arithmetic: the loudness of a block of samples (WebAudio
 * AnalyserNode.getByteTimeDomainData, 128 = silence) and where that puts the meter.
 */

/** Root mean square of 8-bit samples centred on 128, from 0 (silence) to 1 (full scale). */
export function rmsFromTimeDomain(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = ((samples[i] ?? 128) - 128) / 128;
    sum += v * v;
  }
  return Math.min(1, Math.sqrt(sum / samples.length));
}

/** The meter shows decibels from FLOOR_DB (empty) to 0 dBFS (full), as ears hear loudness. */
const FLOOR_DB = -60;

/** A level (RMS or audioLevel, linear 0..1) as the meter's fill, 0..1. */
export function meterFill(level: number): number {
  if (!(level > 0)) return 0;
  const db = 20 * Math.log10(Math.min(1, level));
  return Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB));
}
