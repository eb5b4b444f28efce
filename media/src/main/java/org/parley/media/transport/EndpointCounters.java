package org.parley.media.transport;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one endpoint. The receive side has a single writer (the endpoint's receive thread)
 * so plain volatile longs suffice; the send side has many writers, hence adders.
 */
final class EndpointCounters {

    private volatile long rtpPacketsIn;
    private volatile long rtcpPacketsIn;
    private volatile long bytesIn;
    private volatile long decryptFailures;
    private volatile long dropped;

    private final LongAdder rtpPacketsOut = new LongAdder();
    private final LongAdder rtcpPacketsOut = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder sendFailures = new LongAdder();

    // Receive side: called from the receive thread only.

    void rtpIn(int encryptedLength) {
        rtpPacketsIn++;
        bytesIn += encryptedLength;
    }

    void rtcpIn(int encryptedLength) {
        rtcpPacketsIn++;
        bytesIn += encryptedLength;
    }

    void decryptFailure() {
        decryptFailures++;
    }

    void dropped() {
        dropped++;
    }

    // Send side: any thread.

    void rtpOut(int encryptedLength) {
        rtpPacketsOut.increment();
        bytesOut.add(encryptedLength);
    }

    void rtcpOut(int encryptedLength) {
        rtcpPacketsOut.increment();
        bytesOut.add(encryptedLength);
    }

    void sendFailure() {
        sendFailures.increment();
    }

    EndpointStats snapshot() {
        return new EndpointStats(rtpPacketsIn, rtcpPacketsIn, bytesIn,
                rtpPacketsOut.sum(), rtcpPacketsOut.sum(), bytesOut.sum(),
                decryptFailures, dropped, sendFailures.sum());
    }
}
