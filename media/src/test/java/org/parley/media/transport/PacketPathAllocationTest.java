package org.parley.media.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the SRTP packet path allocates per packet once warm, measured. Our code allocates nothing;
 * what remains is inside jitsi-srtp (its debug-log lambdas, JNI), bounded and independent of the
 * packet size with OpenSSL. With SunJCE, which copies in-place input, the test only reports.
 */
class PacketPathAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void protectAndUnprotectAllocateNothingPerPacket(SrtpProfile profile) {
        MediaRuntime.pinAndWarmSrtp();
        byte[] material = new byte[profile.keyingMaterialLength()];
        new java.security.SecureRandom().nextBytes(material);
        SrtpKeys keys = SrtpKeys.fromKeyingMaterial(profile, material);
        SrtpSession sender = SrtpSession.forServer(keys);
        SrtpSession receiver = SrtpSession.forClient(keys);
        byte[] rtp = Packets.rtp(96, 0, 0, 0x1234, 1100);
        PacketBuffer buffer = PacketBuffer.forDatagrams();

        int seq = roundTrips(sender, receiver, rtp, buffer, 0, 60_000);
        long threadId = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(threadId);
        int packets = 50_000;
        roundTrips(sender, receiver, rtp, buffer, seq, packets);
        long perPacket = (THREADS.getThreadAllocatedBytes(threadId) - before) / packets;

        System.out.printf("%s with %s AES: %d bytes allocated per protect+unprotect of %d bytes%n",
                profile, MediaRuntime.aesFactory(), perPacket, rtp.length);
        assumeTrue("OpenSSL".equals(MediaRuntime.aesFactory()), "SunJCE copies in-place input");
        assertTrue(perPacket < 512, profile + " allocates " + perPacket + " bytes per packet");
    }

    private static int roundTrips(SrtpSession sender, SrtpSession receiver, byte[] rtp,
            PacketBuffer buffer, int seq, int count) {
        for (int i = 0; i < count; i++, seq++) {
            rtp[2] = (byte) (seq >> 8);
            rtp[3] = (byte) seq;
            buffer.copyFrom(rtp, 0, rtp.length);
            if (!sender.protectRtp(buffer) || !receiver.unprotectRtp(buffer)) {
                throw new AssertionError("round trip failed at " + seq);
            }
        }
        return seq;
    }
}
