package org.parley.engine;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/** In-memory journal and a local actor system: entity tests check one behaviour's rules, no cluster. */
public final class EntityTestConfig {

    private EntityTestConfig() {}

    public static Config config() {
        return ConfigFactory.parseString("pekko.actor.provider = local")
                .withFallback(EventSourcedBehaviorTestKit.config())
                .withFallback(ConfigFactory.load());
    }
}
