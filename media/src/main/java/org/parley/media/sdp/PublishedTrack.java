package org.parley.media.sdp;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One track a browser sends on its publishing peer connection, as the SFU accepted it: how to
 * recognise its packets (SSRCs, or the mid header extension when no SSRC was signalled, as with
 * simulcast rids), what the payload types mean, and which header-extension ids carry what.
 *
 * @param msid the browser's stream and track ids; empty if the offer carried none
 * @param ssrc the primary SSRC; empty when the offer signals none
 * @param rtxSsrc the RFC 4588 retransmission SSRC paired by {@code a=ssrc-group:FID}, when RTX was accepted
 * @param headerExtensions the accepted extmaps of this section, with the browser's ids
 * @param rids the simulcast layers the SFU accepted, in the offer's {@code a=simulcast} order (our client
 *     lists them from the smallest picture to the largest); empty for a single-stream track. Their SSRCs
 *     are learned from the packets' rid and repaired-rid header extensions.
 */
public record PublishedTrack(String mid, MediaKind kind, Optional<Msid> msid, OptionalLong ssrc, OptionalLong rtxSsrc,
        int payloadType, OptionalInt rtxPayloadType, List<Extmap> headerExtensions, List<String> rids) {

    public PublishedTrack {
        headerExtensions = List.copyOf(headerExtensions);
        rids = List.copyOf(rids);
    }

    public boolean simulcast() {
        return !rids.isEmpty();
    }

    /** The id the browser uses for this extension in this track's packets. */
    public OptionalInt extensionId(HeaderExtension extension) {
        return headerExtensions.stream().filter(e -> e.uri().equals(extension.uri())).mapToInt(Extmap::id).findFirst();
    }
}
