import type { MediaSourceKind } from '../signal/protocol';
import type { MediaKind } from './rtc';
import type { RemoteTrack } from './track-map';

/**
 * The media statistics the page exposes (window.parleyMedia.stats()), shaped from the
 * RTCStatsReports of both connections: what arrives per remote track, what leaves per source.
 */

export interface InboundTrackStats {
  kind: MediaKind;
  participantId: string;
  source: MediaSourceKind;
  mid: string;
  framesDecoded: number;
  /** The height of the last decoded frame (0 before one, and for audio): shows which simulcast layer arrives. */
  frameHeight: number;
  packetsReceived: number;
  bytesReceived: number;
}

export interface OutboundTrackStats {
  kind: string;
  source: MediaSourceKind;
  mid: string;
  /** The simulcast layer ('q', 'h', 'f' for the camera); '' for a single stream. */
  rid: string;
  /** The height of the last encoded frame of that layer (0 for audio, or before one). */
  frameHeight: number;
  packetsSent: number;
  framesEncoded: number;
  bytesSent: number;
}

/** A connection's RTCPeerConnection.connectionState, or "none" while it does not exist. */
export type ConnectionStateName = RTCPeerConnectionState | 'none';

export interface MediaStats {
  inbound: InboundTrackStats[];
  outbound: OutboundTrackStats[];
  publishState: ConnectionStateName;
  subscribeState: ConnectionStateName;
}

export interface StatsInput {
  publish: ReadonlyMap<string, unknown> | undefined;
  subscribe: ReadonlyMap<string, unknown> | undefined;
  /** mid -> source of the m-lines being published. */
  publishSources: ReadonlyMap<string, MediaSourceKind>;
  /** The live remote tracks (a stopped m-line's leftover stats are not reported). */
  remoteTracks: readonly RemoteTrack[];
  publishState: ConnectionStateName;
  subscribeState: ConnectionStateName;
}

interface RtpStats {
  type?: unknown;
  kind?: unknown;
  audioLevel?: unknown;
  mid?: unknown;
  trackIdentifier?: unknown;
  framesDecoded?: unknown;
  frameHeight?: unknown;
  rid?: unknown;
  packetsReceived?: unknown;
  bytesReceived?: unknown;
  packetsSent?: unknown;
  framesEncoded?: unknown;
  bytesSent?: unknown;
}

export function shapeStats(input: StatsInput): MediaStats {
  return {
    inbound: inbound(input.subscribe, input.remoteTracks),
    outbound: outbound(input.publish, input.publishSources),
    publishState: input.publishState,
    subscribeState: input.subscribeState,
  };
}

/**
 * One entry per live remote track, in the order of the tracks. The browser reports a track's
 * inbound-rtp only from its first packet on; until then the entry is there with zeros, so that
 * "every remote track receives" can be checked on the list itself.
 */
function inbound(report: ReadonlyMap<string, unknown> | undefined, remoteTracks: readonly RemoteTrack[]): InboundTrackStats[] {
  const byMid = new Map<string, RtpStats>();
  for (const stat of rtp(report, 'inbound-rtp')) {
    // `mid` is on inbound-rtp in current browsers; older ones only name the track.
    const remote = typeof stat.mid === 'string'
      ? remoteTracks.find((t) => t.mid === stat.mid)
      : remoteTracks.find((t) => t.track.id === stat.trackIdentifier);
    if (remote) byMid.set(remote.mid, stat);
  }
  return remoteTracks.map((remote) => {
    const stat = byMid.get(remote.mid) ?? {};
    return {
      kind: remote.kind,
      participantId: remote.participantId,
      source: remote.source,
      mid: remote.mid,
      framesDecoded: count(stat.framesDecoded),
      frameHeight: count(stat.frameHeight),
      packetsReceived: count(stat.packetsReceived),
      bytesReceived: count(stat.bytesReceived),
    };
  });
}

function outbound(report: ReadonlyMap<string, unknown> | undefined, sources: ReadonlyMap<string, MediaSourceKind>): OutboundTrackStats[] {
  const result: OutboundTrackStats[] = [];
  for (const stat of rtp(report, 'outbound-rtp')) {
    const mid = typeof stat.mid === 'string' ? stat.mid : '';
    const source = sources.get(mid);
    if (source === undefined) continue;
    result.push({
      kind: typeof stat.kind === 'string' ? stat.kind : '',
      source,
      mid,
      rid: typeof stat.rid === 'string' ? stat.rid : '',
      frameHeight: count(stat.frameHeight),
      packetsSent: count(stat.packetsSent),
      framesEncoded: count(stat.framesEncoded),
      bytesSent: count(stat.bytesSent),
    });
  }
  const order = [...sources.keys()];
  return result.sort((a, b) => order.indexOf(a.mid) - order.indexOf(b.mid) || a.rid.localeCompare(b.rid));
}

function* rtp(report: ReadonlyMap<string, unknown> | undefined, type: string): Generator<RtpStats> {
  if (!report) return;
  for (const value of report.values()) {
    if (typeof value === 'object' && value !== null && (value as RtpStats).type === type) yield value as RtpStats;
  }
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** True once any remote video track has decoded a frame. */
export function hasDecodedVideo(stats: Pick<MediaStats, 'inbound'>): boolean {
  return stats.inbound.some((s) => s.kind === 'video' && s.framesDecoded > 0);
}

/**
 * How loud each person is now (audioLevel, linear 0..1): others from the subscribe connection's
 * inbound-rtp audio, oneself from the publish connection's media-source audio (the microphone as
 * captured, before sending). People without a measure are left out.
 */
export function audioLevels(input: {
  publish: ReadonlyMap<string, unknown> | undefined;
  subscribe: ReadonlyMap<string, unknown> | undefined;
  remoteTracks: readonly RemoteTrack[];
  selfId: string | undefined;
}): Map<string, number> {
  const levels = new Map<string, number>();
  for (const stat of rtp(input.subscribe, 'inbound-rtp')) {
    if (stat.kind !== 'audio' || typeof stat.audioLevel !== 'number') continue;
    const remote = typeof stat.mid === 'string'
      ? input.remoteTracks.find((t) => t.mid === stat.mid)
      : input.remoteTracks.find((t) => t.track.id === stat.trackIdentifier);
    if (remote && remote.kind === 'audio') levels.set(remote.participantId, Math.max(levels.get(remote.participantId) ?? 0, stat.audioLevel));
  }
  if (input.selfId !== undefined) {
    for (const stat of rtp(input.publish, 'media-source')) {
      if (stat.kind === 'audio' && typeof stat.audioLevel === 'number') levels.set(input.selfId, stat.audioLevel);
    }
  }
  return levels;
}
