package org.parley.media.sfu;

/**
 * Where the router sends packets for one peer connection: the transport encrypts and sends them.
 * Called concurrently from the media threads of several publishers; the bytes are only valid
 * during the call.
 */
public interface PacketSink {

    void sendRtp(byte[] buffer, int offset, int length);

    void sendRtcp(byte[] buffer, int offset, int length);
}
