package org.parley.engine.rooms;

import com.typesafe.config.Config;
import java.time.Duration;

/** The {@code parley.engine} section, read once. */
public record EngineSettings(
        int snapshotEvery,
        Duration participantGrace,
        Duration heartbeatInterval,
        Duration askTimeout,
        Duration storeCheckInterval,
        Duration storeCheckTimeout,
        long publisherBitrate) {

    public static EngineSettings fromConfig(Config root) {
        Config c = root.getConfig("parley.engine");
        EngineSettings settings = new EngineSettings(
                c.getInt("snapshot-every"),
                c.getDuration("participant-grace"),
                c.getDuration("heartbeat-interval"),
                c.getDuration("ask-timeout"),
                c.getDuration("store-check-interval"),
                c.getDuration("store-check-timeout"),
                c.getLong("publisher-bitrate"));
        if (settings.heartbeatInterval.compareTo(settings.participantGrace) >= 0) {
            throw new IllegalArgumentException("parley.engine.heartbeat-interval must be shorter than participant-grace");
        }
        return settings;
    }
}
