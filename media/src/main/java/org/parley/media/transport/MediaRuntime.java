package org.parley.media.transport;

import com.typesafe.config.ConfigFactory;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * JVM-wide set-up of the libraries under the transport, done once, before their classes read it.
 */
final class MediaRuntime {

    private static boolean iceConfigured;
    private static Duration warmUp;

    private MediaRuntime() {
    }

    /**
     * ice4j reads typesafe config (with system properties on top) once. Its cloud "mapping"
     * harvesters would probe a metadata address on every agent: nothing to find here but a delay.
     * Properties given on the command line win over ours.
     */
    static synchronized void configureIce(MediaSettings settings) {
        if (iceConfigured) {
            return;
        }
        setIfAbsent("ice4j.harvest.mapping.aws.enabled", "false");
        setIfAbsent("ice4j.harvest.mapping.aws.force", "false");
        // Checks without MESSAGE-INTEGRITY are refused: ServerIceAgent trusts an address on the
        // strength of its check's integrity.
        setIfAbsent("org.ice4j.REQUIRE_MESSAGE_INTEGRITY", "true");
        setIfAbsent("ice4j.consent-freshness.interval", settings.consentInterval().toMillis() + "ms");
        // Our properties must be seen even if something (Pekko) loaded typesafe config before.
        ConfigFactory.invalidateCaches();
        iceConfigured = true;
    }

    /**
     * Runs every SRTP profile once, so the first endpoint's receive thread does not pay for
     * loading and compiling the crypto classes (JCA provider look-up, AES and SHA-1 intrinsics)
     * while its first packets wait. Also a self-test: a round trip must come back unchanged.
     *
     * @return how long the warm-up took (the first call only; later calls return that value)
     */
    static synchronized Duration warmSrtp() {
        if (warmUp != null) {
            return warmUp;
        }
        long start = System.nanoTime();
        SecureRandom random = new SecureRandom();
        byte[] packet = new byte[1200];
        packet[0] = (byte) 0x80;
        packet[1] = 96;
        for (SrtpProfile profile : SrtpProfile.values()) {
            byte[] material = new byte[profile.keyingMaterialLength()];
            random.nextBytes(material);
            SrtpKeys keys = SrtpKeys.fromKeyingMaterial(profile, material);
            try (SrtpSession sender = SrtpSession.forClient(keys);
                    SrtpSession receiver = SrtpSession.forServer(keys)) {
                PacketBuffer buffer = PacketBuffer.forDatagrams();
                for (int seq = 0; seq < 2000; seq++) {
                    packet[2] = (byte) (seq >> 8);
                    packet[3] = (byte) seq;
                    buffer.copyFrom(packet, 0, packet.length);
                    if (!sender.protectRtp(buffer) || !receiver.unprotectRtp(buffer)
                            || buffer.getLength() != packet.length) {
                        throw new IllegalStateException("SRTP self-test failed for " + profile);
                    }
                }
                byte[] rtcp = {(byte) 0x80, (byte) 200, 0, 1, 1, 2, 3, 4};
                buffer.copyFrom(rtcp, 0, rtcp.length);
                if (!sender.protectRtcp(buffer) || !receiver.unprotectRtcp(buffer)) {
                    throw new IllegalStateException("SRTCP self-test failed for " + profile);
                }
            }
        }
        warmUp = Duration.ofNanos(System.nanoTime() - start);
        return warmUp;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
