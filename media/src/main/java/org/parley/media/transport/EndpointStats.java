package org.parley.media.transport;

/**
 * A snapshot of one endpoint's counters, taken on a stats tick.
 *
 * @param rtpPacketsIn decrypted RTP packets handed to the {@link PacketHandler}
 * @param rtcpPacketsIn decrypted RTCP packets handed to the {@link PacketHandler}
 * @param bytesIn bytes of those packets as received (encrypted)
 * @param rtpPacketsOut RTP packets encrypted and sent
 * @param rtcpPacketsOut RTCP packets encrypted and sent
 * @param bytesOut bytes of those packets as sent (encrypted)
 * @param decryptFailures SRTP/SRTCP packets that failed authentication, replay check or parsing
 * @param dropped datagrams dropped before decryption: unknown first byte, too short, media before
 *     the keys, DTLS application data
 * @param sendFailures packets not sent: no keys yet, encryption refused, no ICE pair, socket error
 */
public record EndpointStats(
        long rtpPacketsIn,
        long rtcpPacketsIn,
        long bytesIn,
        long rtpPacketsOut,
        long rtcpPacketsOut,
        long bytesOut,
        long decryptFailures,
        long dropped,
        long sendFailures) {
}
