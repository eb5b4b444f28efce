package org.parley.media.transport;

import java.beans.PropertyChangeEvent;
import org.ice4j.StackProperties;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.CandidatePairState;
import org.ice4j.ice.ComponentSocket;
import org.ice4j.ice.IceMediaStream;

/**
 * An ice4j agent that lets a browser's datagrams through as soon as the browser's own check,
 * authenticated with our ICE password, has arrived from that address.
 *
 * <p>Plain ice4j only accepts data from an address once <em>our</em> triggered check to it has
 * succeeded. The browser starts DTLS the moment its check succeeds, which on a short path is
 * before ours does: its first ClientHello was dropped and the handshake waited for the browser's
 * retransmission (about half a second, measured with Chromium). The browser's check carries
 * MESSAGE-INTEGRITY keyed with our password, which only the signalling peer knows
 * ({@link MediaRuntime} makes ice4j refuse checks without it), so its source address is as
 * trustworthy as one our check confirmed: this is what ICE-lite servers rely on.
 */
final class ServerIceAgent extends Agent {

    private volatile ComponentSocket socket;

    void acceptEarlyDataOn(ComponentSocket componentSocket) {
        this.socket = componentSocket;
    }

    @Override
    protected boolean incomingCheckReceived(TransportAddress remoteAddress,
            TransportAddress localAddress, long priority, String remoteUFrag, String localUFrag,
            boolean useCandidate) {
        boolean respond = super.incomingCheckReceived(remoteAddress, localAddress, priority,
                remoteUFrag, localUFrag, useCandidate);
        ComponentSocket componentSocket = socket;
        if (respond && componentSocket != null
                && Boolean.getBoolean(StackProperties.REQUIRE_MESSAGE_INTEGRITY)) {
            CandidatePair pair = findCandidatePair(localAddress, remoteAddress);
            if (pair != null && pair.getParentComponent() != null) {
                // ComponentSocket authorizes a pair's remote address on this event; the pair's
                // real state machine is untouched.
                componentSocket.propertyChange(new PropertyChangeEvent(pair,
                        IceMediaStream.PROPERTY_PAIR_STATE_CHANGED, pair.getState(),
                        CandidatePairState.SUCCEEDED));
            }
        }
        return respond;
    }
}
