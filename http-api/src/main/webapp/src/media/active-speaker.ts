/**
 * Who is speaking, from the audio levels the browser measures (getStats: inbound-rtp audioLevel
 * for others, media-source audioLevel for oneself), sampled a few times a second.
 *
 * - "speaking" (the ring on a tile): a smoothed level above a threshold, held a little after it
 *   falls, so that the ring does not blink between words;
 * - the "active speaker" (large in speaker view) is a remote participant: the first one heard
 *   takes the place at once; someone else takes it only after being clearly louder for a while
 *   (hysteresis), and silence changes nothing, so the large picture does not flicker.
 */

export interface SpeakerOptions {
  /** Smoothed level (0..1, linear like audioLevel) from which someone counts as speaking. */
  readonly speakingLevel: number;
  /** How long the ring stays after the level fell below speakingLevel. */
  readonly holdMs: number;
  /** How long a challenger must be the clearly louder one before taking the active place. */
  readonly switchAfterMs: number;
  /** "Clearly louder": the challenger's level must exceed the current speaker's times this. */
  readonly switchRatio: number;
  /** Weight of the newest sample in the moving average (0..1]. */
  readonly smoothing: number;
}

export const DEFAULT_SPEAKER_OPTIONS: SpeakerOptions = {
  speakingLevel: 0.02,
  holdMs: 600,
  switchAfterMs: 1_200,
  switchRatio: 1.5,
  smoothing: 0.5,
};

export interface SpeakerSample {
  /** Level per participant now; a participant missing here is silent (or muted). */
  readonly levels: ReadonlyMap<string, number>;
  /** Everyone in the room now (oneself included); anyone else is forgotten. */
  readonly present: readonly string[];
  /** Oneself: may be "speaking", never the active speaker. */
  readonly selfId: string | undefined;
  readonly now: number;
}

export interface SpeakerState {
  readonly active: string | undefined;
  readonly speaking: ReadonlySet<string>;
}

export class SpeakerTracker {
  private readonly smoothed = new Map<string, number>();
  private readonly loudUntil = new Map<string, number>();
  private active: string | undefined;
  private challenger: { id: string; since: number } | undefined;

  constructor(private readonly options: SpeakerOptions = DEFAULT_SPEAKER_OPTIONS) {}

  sample({ levels, present, selfId, now }: SpeakerSample): SpeakerState {
    const o = this.options;
    const here = new Set(present);
    for (const id of [...this.smoothed.keys()]) {
      if (!here.has(id)) {
        this.smoothed.delete(id);
        this.loudUntil.delete(id);
      }
    }
    const speaking = new Set<string>();
    for (const id of present) {
      const level = clamp(levels.get(id) ?? 0);
      const value = o.smoothing * level + (1 - o.smoothing) * (this.smoothed.get(id) ?? 0);
      this.smoothed.set(id, value);
      if (value >= o.speakingLevel) this.loudUntil.set(id, now + o.holdMs);
      if ((this.loudUntil.get(id) ?? -Infinity) > now) speaking.add(id);
    }

    if (this.active !== undefined && !here.has(this.active)) this.active = undefined;
    if (this.challenger !== undefined && !here.has(this.challenger.id)) this.challenger = undefined;

    let loudest: string | undefined;
    let loudestLevel = o.speakingLevel;
    for (const id of present) {
      if (id === selfId) continue;
      const value = this.smoothed.get(id) ?? 0;
      if (value >= loudestLevel) {
        loudest = id;
        loudestLevel = value;
      }
    }

    if (this.active === undefined) {
      this.active = loudest;
      this.challenger = undefined;
    } else if (loudest === undefined || loudest === this.active) {
      this.challenger = undefined;
    } else if (loudestLevel > (this.smoothed.get(this.active) ?? 0) * o.switchRatio) {
      if (this.challenger?.id !== loudest) this.challenger = { id: loudest, since: now };
      if (now - this.challenger.since >= o.switchAfterMs) {
        this.active = loudest;
        this.challenger = undefined;
      }
    } else {
      this.challenger = undefined;
    }
    return { active: this.active, speaking };
  }
}

function clamp(level: number): number {
  return Number.isFinite(level) ? Math.min(1, Math.max(0, level)) : 0;
}

/** Same speaker and same people speaking: nothing on screen changes. */
export function sameSpeakers(a: SpeakerState, b: SpeakerState): boolean {
  return a.active === b.active && a.speaking.size === b.speaking.size && [...a.speaking].every((id) => b.speaking.has(id));
}
