package org.parley.media.transport;

import java.beans.PropertyChangeEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Consumer;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.RemoteCandidate;
import org.ice4j.ice.harvest.SinglePortUdpHarvester;

/**
 * The ice4j side of one endpoint: a controlled, full-ICE agent with one stream of one component
 * (BUNDLE and rtcp-mux only), whose only local candidate is the node's shared UDP port. The
 * browser's checks arrive there and become peer-reflexive candidates, so signalled remote
 * candidates are optional.
 */
final class IceSession {

    private final Agent agent;
    private final IceMediaStream stream;
    private final Component component;
    private final IceDatagramLink link;

    /**
     * @param onState called on an ice4j thread for each ICE processing state change
     */
    IceSession(SinglePortUdpHarvester harvester, Consumer<IceProcessingState> onState)
            throws IOException {
        agent = new Agent();
        try {
            agent.setControlling(false);
            agent.setUseDynamicPorts(false);
            agent.addCandidateHarvester(harvester);
            agent.setPerformConsentFreshness(true);
            stream = agent.createMediaStream("bundle");
            component = agent.createComponent(stream, KeepAliveStrategy.SELECTED_ONLY, true);
            if (component.getLocalCandidateCount() == 0) {
                throw new IOException("the shared UDP port gave no host candidate");
            }
            link = new IceDatagramLink(component.getComponentSocket());
            agent.addStateChangeListener((PropertyChangeEvent e) -> {
                if (Agent.PROPERTY_ICE_PROCESSING_STATE.equals(e.getPropertyName())) {
                    onState.accept((IceProcessingState) e.getNewValue());
                }
            });
        } catch (IOException | RuntimeException e) {
            agent.free();
            throw e;
        }
    }

    String localUfrag() {
        return agent.getLocalUfrag();
    }

    String localPassword() {
        return agent.getLocalPassword();
    }

    DatagramLink link() {
        return link;
    }

    void start(String remoteUfrag, String remotePassword) {
        stream.setRemoteUfrag(remoteUfrag);
        stream.setRemotePassword(remotePassword);
        agent.startConnectivityEstablishment();
    }

    /** Adds a usable remote candidate; the caller has checked {@link CandidateLine#isUsable()}. */
    void addRemoteCandidate(CandidateLine line) throws UnknownHostException {
        TransportAddress address = new TransportAddress(
                InetAddress.getByName(line.address()), line.port(), Transport.UDP);
        RemoteCandidate candidate = new RemoteCandidate(address, component, candidateType(line.type()),
                line.foundation(), line.priority(), null);
        if (agent.isStarted()) {
            component.addUpdateRemoteCandidates(candidate);
            component.updateRemoteCandidates();
        } else {
            component.addRemoteCandidate(candidate);
        }
    }

    /** Wall-clock millis of the selected pair's latest consent answer, or -1. */
    long lastConsentMillis() {
        CandidatePair pair = component.getSelectedPair();
        return pair == null ? ConsentMonitor.UNKNOWN : pair.getConsentFreshness();
    }

    IceProcessingState state() {
        return agent.getState();
    }

    void close() {
        agent.free();
    }

    private static CandidateType candidateType(String type) {
        switch (type) {
            case "srflx":
                return CandidateType.SERVER_REFLEXIVE_CANDIDATE;
            case "prflx":
                return CandidateType.PEER_REFLEXIVE_CANDIDATE;
            case "relay":
                return CandidateType.RELAYED_CANDIDATE;
            default:
                return CandidateType.HOST_CANDIDATE;
        }
    }
}
