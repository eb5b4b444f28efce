package org.parley.media.sdp;

import java.util.List;

/**
 * The browser's side of one peer connection's transport, as its description announces it: what ICE
 * needs to check connectivity (credentials, candidates) and what DTLS needs to authenticate the
 * browser's certificate (fingerprint) and pick roles (setup).
 */
public record RemoteTransport(String ufrag, String pwd, Fingerprint fingerprint, Setup setup,
        List<Candidate> candidates) {

    public RemoteTransport {
        candidates = List.copyOf(candidates);
    }
}
