/**
 * The per-participant WebRTC transport of the SFU, server side: one UDP port for every endpoint
 * (ICE with ice4j), a DTLS 1.2 server (BouncyCastle) that checks the browser's certificate against
 * the signalled fingerprint, and SRTP/SRTCP (our own, RFC 3711 and RFC 7714) keyed from the handshake.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>{@link org.parley.media.transport.TransportServer} owns two executors: one receive thread per
 *       endpoint ({@code parley-media-rx-<id>}) and one timer thread ({@code parley-media-timer}) for
 *       connect timeouts and consent checks. ice4j runs its own threads (the single-port harvester
 *       reader, per-candidate socket readers, STUN transaction timers) which never touch a packet
 *       of ours beyond queueing it for the receive thread.</li>
 *   <li>An endpoint's receive thread reads its ICE socket, demultiplexes by first byte, runs the
 *       DTLS handshake itself (so no SRTP can be read before the keys are installed), then
 *       decrypts SRTP/SRTCP into one reused buffer and calls the
 *       {@link org.parley.media.transport.PacketHandler} synchronously.</li>
 *   <li>{@code sendRtp}/{@code sendRtcp} run on the caller's thread (forwarders of several
 *       publishers may call one subscriber concurrently): each caller thread encrypts into its own
 *       reused buffer and sends on the ICE-selected pair.</li>
 *   <li>{@link org.parley.media.transport.EndpointListener} callbacks come from the receive thread
 *       or the timer thread; they must only hand the event over (e.g. {@code self.tell}).</li>
 * </ul>
 */
package org.parley.media.transport;
