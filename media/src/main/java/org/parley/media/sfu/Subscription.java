package org.parley.media.sfu;

import java.util.HashMap;
import java.util.Map;
import org.parley.media.rtp.NackCache;
import org.parley.media.rtp.RtcpIterator;
import org.parley.media.rtp.RtcpPacket;
import org.parley.media.rtp.RtxWrapper;

/**
 * One participant's receiving side: what its browser says back about the streams it receives.
 * Key-frame requests go on to the publisher; retransmission requests (NACK) are answered from the
 * router's cache of sent packets, as RTX on this receiver's own retransmission sequence. Used by
 * the one media thread that receives this connection's RTCP.
 */
public final class Subscription {

    private final Router router;
    private final PacketSink sink;
    private final RtcpIterator rtcp = new RtcpIterator();
    private final byte[] original = new byte[Router.MAX_PACKET];
    private final byte[] retransmission = new byte[Router.MAX_PACKET + 2];
    /** Per received stream (by media SSRC), created at its first NACK. */
    private final Map<Long, RtxWrapper> rtxByStream = new HashMap<>();

    Subscription(Router router, PacketSink sink) {
        this.router = router;
        this.sink = sink;
    }

    public void onRtcp(byte[] buffer, int offset, int length) {
        rtcp.reset(buffer, offset, length);
        while (rtcp.next()) {
            RtcpPacket packet = rtcp.packet();
            if (packet.isNack()) {
                answerNack(packet);
            } else if (isKeyFrameRequest(packet)) {
                long ssrc = packet.packetType() == RtpBytes.RTCP_PSFB && packet.format() == 4
                        ? firMediaSsrc(packet) : packet.mediaSsrc();
                RouteTable.Route route = router.route(ssrc);
                if (route != null && route.layers() == null && route.reaches(sink)) {
                    router.requestKeyFrame(route);
                } else if (route == null) {
                    RouteTable.Route output = router.outputRoute(ssrc);
                    LayerForwarder forwarder = output == null ? null : output.layers().forwarderFor(sink);
                    if (forwarder != null) {
                        router.requestKeyFrame(output, forwarder);
                    }
                }
            }
        }
    }

    private static boolean isKeyFrameRequest(RtcpPacket packet) {
        return packet.packetType() == RtpBytes.RTCP_PSFB && (packet.format() == 1 || packet.format() == 4);
    }

    /** A FIR names the stream in its first FCI entry, not in the media SSRC field. */
    private static long firMediaSsrc(RtcpPacket packet) {
        byte[] b = packet.buffer();
        int fci = packet.offset() + 12;
        return fci + 4 <= packet.offset() + packet.length() ? RtpBytes.u32(b, fci) : packet.mediaSsrc();
    }

    private void answerNack(RtcpPacket nack) {
        RouteTable.Route route = router.route(nack.mediaSsrc());
        NackCache cache;
        if (route != null && route.layers() == null) {
            cache = route.state().sent;
            if (cache == null || !route.reaches(sink) || route.paused()) {
                return;
            }
        } else {
            // A simulcast stream: this receiver's own numbering, cached by its forwarder.
            route = router.outputRoute(nack.mediaSsrc());
            LayerForwarder forwarder = route == null ? null : route.layers().forwarderFor(sink);
            if (forwarder == null || route.paused()) {
                return;
            }
            cache = forwarder.sent;
        }
        for (int i = 0; i < nack.nackCount(); i++) {
            int first = nack.nackPacketId(i);
            int lostAfter = nack.nackBitmask(i);
            resend(route, cache, first);
            for (int bit = 0; bit < 16; bit++) {
                if ((lostAfter & (1 << bit)) != 0) {
                    resend(route, cache, (first + bit + 1) & 0xFFFF);
                }
            }
        }
    }

    private void resend(RouteTable.Route route, NackCache cache, int sequenceNumber) {
        int length = cache.get(sequenceNumber, original, 0);
        if (length <= 0) {
            return; // too old, or never sent
        }
        InboundStream stream = route.stream();
        if (!stream.hasRtx()) {
            sink.sendRtp(original, 0, length);
        } else {
            RtxWrapper rtx = rtxByStream.computeIfAbsent(stream.ssrc(),
                    ssrc -> new RtxWrapper(stream.rtxSsrc(), stream.rtxPayloadType(), 1));
            int wrapped = rtx.wrap(original, 0, length, retransmission, 0);
            if (wrapped > 0) {
                sink.sendRtp(retransmission, 0, wrapped);
            }
        }
        route.state().retransmitted++;
    }
}
