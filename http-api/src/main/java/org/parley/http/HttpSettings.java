package org.parley.http;

import com.typesafe.config.Config;
import java.time.Duration;

/** The {@code parley.http} section, read once. */
public record HttpSettings(
        String networkInterface, int port, int maxFrameCharacters, Duration frameReadTimeout, String defaultLanguage) {

    public static HttpSettings fromConfig(Config root) {
        Config c = root.getConfig("parley.http");
        return new HttpSettings(
                c.getString("interface"),
                c.getInt("port"),
                c.getInt("max-frame-characters"),
                c.getDuration("frame-read-timeout"),
                c.getString("default-language"));
    }

    public HttpSettings withPort(int newPort) {
        return new HttpSettings(networkInterface, newPort, maxFrameCharacters, frameReadTimeout, defaultLanguage);
    }
}
