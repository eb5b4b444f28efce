/**
 * RTP and RTCP on byte arrays, for the media threads.
 *
 * <p>Views ({@link org.parley.media.rtp.RtpPacket}, {@link org.parley.media.rtp.RtcpIterator} with its
 * {@link org.parley.media.rtp.RtcpPacket}) are flyweights: one instance per thread is re-pointed at each
 * datagram, reads and in-place rewrites are bounds-checked against the packet and never throw on
 * garbage. The forwarding state per stream and subscriber ({@link org.parley.media.rtp.SequenceRewriter},
 * {@link org.parley.media.rtp.NackCache}, {@link org.parley.media.rtp.RtxWrapper}) is pre-allocated.
 * Nothing here allocates, logs or builds strings per packet; {@code HotPathAllocationTest} holds
 * that line. Each type's Javadoc says which thread may call what.
 */
package org.parley.media.rtp;
