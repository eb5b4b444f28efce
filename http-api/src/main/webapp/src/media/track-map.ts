import type { MediaSourceKind, RemoteTrackSource, SubscribeOffer } from '../signal/protocol';
import type { MediaKind, Transceiver } from './rtc';
import { sendingMids } from './sdp';

/**
 * The subscribe connection's m-lines, mapped to whose track they carry. The server's offer lists
 * every m-line's participant and source by mid; the browser's transceivers give the tracks.
 */
export interface RemoteTrack {
  readonly mid: string;
  readonly participantId: string;
  readonly source: MediaSourceKind;
  readonly kind: MediaKind;
  readonly track: MediaStreamTrack;
}

/** Whose track a mid carries, per the offer's track list; undefined for a mid it does not list. */
export function lookupMid(tracks: readonly RemoteTrackSource[], mid: string | null): RemoteTrackSource | undefined {
  return mid === null ? undefined : tracks.find((t) => t.mid === mid);
}

/**
 * The remote tracks an applied offer makes live, in the offer's order: every listed mid whose
 * m-line the server still sends on (not port 0, not inactive) and for which the browser has a
 * transceiver. Computed from the whole offer each time, so an m-line the server recycles for
 * someone else (same transceiver, same receiver track, no new track event) is re-attributed.
 */
export function liveRemoteTracks(offer: SubscribeOffer, transceivers: readonly Transceiver[]): RemoteTrack[] {
  const sending = sendingMids(offer.sdp);
  const byMid = new Map(transceivers.filter((t) => t.mid !== null).map((t) => [t.mid, t]));
  const live: RemoteTrack[] = [];
  for (const source of offer.tracks) {
    const transceiver = byMid.get(source.mid);
    if (!transceiver || !sending.has(source.mid) || source.participantId === '') continue;
    const track = transceiver.receiver.track;
    const kind = track.kind === 'audio' ? 'audio' : 'video';
    live.push({ mid: source.mid, participantId: source.participantId, source: source.source, kind, track });
  }
  return live;
}

/** Same tracks for the same people, so nothing on screen needs to change. */
export function sameRemoteTracks(a: readonly RemoteTrack[], b: readonly RemoteTrack[]): boolean {
  return a.length === b.length && a.every((t, i) => {
    const u = b[i];
    return u !== undefined && t.mid === u.mid && t.participantId === u.participantId && t.source === u.source && t.track === u.track;
  });
}
