import type { RosterState } from '../signal/roster';
import type { MediaState } from './media-session';

/**
 * What the conference's video area shows, worked out from the roster and the media state with
 * no DOM: a tile per participant (oneself first, then in join order), the screen shares, and a
 * sound source per remote participant. Only people in the roster appear, so someone who left
 * disappears with their tracks even before the server's next offer drops them.
 */

export interface TileModel {
  readonly participantId: string;
  readonly displayName: string;
  readonly isSelf: boolean;
  readonly audioMuted: boolean;
  /** The camera to show, or null for the initials (camera off, missing, or not received). */
  readonly video: MediaStreamTrack | null;
}

export interface ScreenShareModel {
  readonly participantId: string;
  readonly displayName: string;
  readonly track: MediaStreamTrack;
}

export interface AudioModel {
  readonly participantId: string;
  readonly track: MediaStreamTrack;
}

export interface StageModel {
  readonly tiles: readonly TileModel[];
  readonly screens: readonly ScreenShareModel[];
  readonly audio: readonly AudioModel[];
}

export function buildStage(roster: RosterState, selfId: string | undefined, media: Pick<MediaState, 'local' | 'remote'>): StageModel {
  const present = new Set(roster.participants.map((p) => p.id));
  const remote = media.remote.filter((t) => present.has(t.participantId) && t.participantId !== selfId && t.track.readyState !== 'ended');
  const find = (participantId: string, source: string) => remote.find((t) => t.participantId === participantId && t.source === source)?.track ?? null;
  const self = roster.participants.filter((p) => p.id === selfId);
  const others = roster.participants.filter((p) => p.id !== selfId);

  const tiles = [...self, ...others].map((p): TileModel => {
    const isSelf = p.id === selfId;
    const camera = isSelf ? live(media.local.video) : find(p.id, 'MEDIA_SOURCE_CAMERA');
    return { participantId: p.id, displayName: p.displayName, isSelf, audioMuted: p.audioMuted, video: p.videoMuted ? null : camera };
  });
  const names = new Map(roster.participants.map((p) => [p.id, p.displayName]));
  const screens = remote
    .filter((t) => t.source === 'MEDIA_SOURCE_SCREEN')
    .map((t) => ({ participantId: t.participantId, displayName: names.get(t.participantId) ?? '', track: t.track }));
  const audio = remote
    .filter((t) => t.source === 'MEDIA_SOURCE_MICROPHONE' && t.kind === 'audio')
    .map((t) => ({ participantId: t.participantId, track: t.track }));
  return { tiles, screens, audio };
}

function live(track: MediaStreamTrack | null): MediaStreamTrack | null {
  return track && track.readyState !== 'ended' ? track : null;
}
