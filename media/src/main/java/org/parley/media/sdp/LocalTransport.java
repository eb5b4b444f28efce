package org.parley.media.sdp;

import java.util.List;

/**
 * The SFU's side of one peer connection's transport, written into the descriptions we send: fresh ICE
 * credentials per peer connection, the fingerprint of the server's DTLS certificate, and the host
 * candidates of the server's RTP port. We send every candidate in the description and do not trickle.
 */
public record LocalTransport(String ufrag, String pwd, Fingerprint fingerprint, List<Candidate> candidates) {

    public LocalTransport {
        candidates = List.copyOf(candidates);
        if (ufrag.length() < 4 || pwd.length() < 22) {
            throw new IllegalArgumentException("RFC 8839 requires an ICE ufrag of 4+ and a password of 22+ characters");
        }
    }
}
