import type { MediaSourceKind, TrackSourceBody } from '../signal/protocol';
import type { Transceiver } from './rtc';

/** A transceiver of the publish connection and what it carries. */
export interface PublishedTransceiver {
  readonly transceiver: Transceiver;
  readonly source: MediaSourceKind;
}

function sends(transceiver: Transceiver): boolean {
  return transceiver.mid !== null && (transceiver.direction === 'sendonly' || transceiver.direction === 'sendrecv');
}

/**
 * The `tracks` of a publishOffer: each sending m-line's mid with its source. Read after
 * setLocalDescription, which is when the browser assigns mids. An m-line set inactive (a stopped
 * screen share, kept for the next one) is left out: the list says what is being sent now.
 */
export function publishTrackList(published: readonly PublishedTransceiver[]): TrackSourceBody[] {
  return published.filter((p) => sends(p.transceiver)).map((p) => ({ mid: p.transceiver.mid ?? '', source: p.source }));
}

/** mid -> source for the m-lines being sent, to label the outbound statistics. */
export function sourcesByMid(published: readonly PublishedTransceiver[]): Map<string, MediaSourceKind> {
  return new Map(publishTrackList(published).map((t) => [t.mid, t.source]));
}
