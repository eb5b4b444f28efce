package org.parley.media.transport;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;

/**
 * The {@code parley.media} section, read once (see this module's reference.conf for each key).
 *
 * @param udpPort the one UDP port every endpoint of the node shares; 0 picks a free port (tests)
 * @param bindAddress the local address that port is bound to
 * @param advertisedAddresses the addresses put in our ICE candidates, in preference order: the
 *     public address of the node (or of its NAT), which may differ from {@code bindAddress}
 * @param consentInterval how often ice4j sends consent checks (JVM-wide: the first
 *     {@link TransportServer} started in a JVM sets it)
 * @param consentTimeout how long without a consent answer before an endpoint fails (RFC 7675: 30s)
 * @param connectTimeout how long ICE plus DTLS may take after {@link Endpoint#start} before the
 *     endpoint fails
 */
public record MediaSettings(
        int udpPort,
        String bindAddress,
        List<String> advertisedAddresses,
        Duration consentInterval,
        Duration consentTimeout,
        Duration connectTimeout) {

    public MediaSettings {
        if (udpPort < 0 || udpPort > 65535) {
            throw new IllegalArgumentException("udp-port out of range: " + udpPort);
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new IllegalArgumentException("bind-address is required");
        }
        advertisedAddresses = List.copyOf(advertisedAddresses);
        if (advertisedAddresses.isEmpty()) {
            throw new IllegalArgumentException("advertised-addresses needs at least one address");
        }
        requirePositive(consentInterval, "consent-interval");
        requirePositive(consentTimeout, "consent-timeout");
        requirePositive(connectTimeout, "connect-timeout");
    }

    /** The reference.conf values: port 10000 on loopback, for a single development machine. */
    public static MediaSettings defaults() {
        return new MediaSettings(10000, "127.0.0.1", List.of("127.0.0.1"),
                Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    public static MediaSettings fromConfig(Config root) {
        Config c = root.getConfig("parley.media");
        return new MediaSettings(
                c.getInt("udp-port"),
                c.getString("bind-address"),
                c.getStringList("advertised-addresses"),
                c.getDuration("consent-interval"),
                c.getDuration("consent-timeout"),
                c.getDuration("connect-timeout"));
    }

    public MediaSettings withUdpPort(int newPort) {
        return new MediaSettings(newPort, bindAddress, advertisedAddresses, consentInterval,
                consentTimeout, connectTimeout);
    }

    public MediaSettings withTimeouts(Duration newConsentTimeout, Duration newConnectTimeout) {
        return new MediaSettings(udpPort, bindAddress, advertisedAddresses, consentInterval,
                newConsentTimeout, newConnectTimeout);
    }

    private static void requirePositive(Duration d, String key) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(key + " must be positive");
        }
    }
}
