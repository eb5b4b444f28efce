package org.parley.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaSettingsTest {

    @Test
    void referenceConfHoldsTheDefaults() {
        assertEquals(MediaSettings.defaults(),
                MediaSettings.fromConfig(ConfigFactory.parseResources("reference.conf").resolve()));
    }

    @Test
    void overridesAreReadOnce() {
        MediaSettings s = MediaSettings.fromConfig(ConfigFactory.parseString(
                "parley.media { udp-port = 0, bind-address = \"10.0.0.5\","
                        + " advertised-addresses = [\"203.0.113.9\", \"10.0.0.5\"], consent-interval = 5s,"
                        + " consent-timeout = 20s, connect-timeout = 10s }"));

        assertEquals(new MediaSettings(0, "10.0.0.5", List.of("203.0.113.9", "10.0.0.5"),
                Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(10)), s);
    }

    @Test
    void invalidValuesAreRefused() {
        MediaSettings d = MediaSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withUdpPort(70000));
        assertThrows(IllegalArgumentException.class, () -> new MediaSettings(1, "127.0.0.1", List.of(),
                d.consentInterval(), d.consentTimeout(), d.connectTimeout()));
        assertThrows(IllegalArgumentException.class, () -> d.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)));
    }
}
