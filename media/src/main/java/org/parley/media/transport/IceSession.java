package org.parley.media.transport;

import java.beans.PropertyChangeEvent;
import java.io.IOException;
import java.util.function.Consumer;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.harvest.SinglePortUdpHarvester;

/**
 * The ice4j side of one endpoint: a controlled, full-ICE agent with one stream of one component
 * (BUNDLE and rtcp-mux only), whose only local candidate is the node's shared UDP port. The
 * browser's checks arrive there and become peer-reflexive candidates.
 *
 * <p>Signalled remote candidates are not given to ice4j: on a shared port it only has a socket
 * towards addresses whose checks reached us, so a check of its own to a signalled candidate fails
 * at once and arms ice4j's five-second "check list failed" timer, which then fails ICE when the
 * browser is slower than that. The server is on a reachable address; the browser's checks find it.
 */
final class IceSession {

    private final ServerIceAgent agent;
    private final IceMediaStream stream;
    private final Component component;
    private final IceDatagramLink link;

    /**
     * @param onState called on an ice4j thread for each ICE processing state change
     */
    IceSession(SinglePortUdpHarvester harvester, Consumer<IceProcessingState> onState)
            throws IOException {
        agent = new ServerIceAgent();
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
            agent.acceptEarlyDataOn(component.getComponentSocket());
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
}
