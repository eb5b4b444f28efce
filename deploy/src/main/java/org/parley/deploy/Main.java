package org.parley.deploy;

import com.typesafe.config.ConfigFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar parley-server.jar}: one Parley node, configured by application.conf and PARLEY_*. */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) {
        try {
            ParleyServer server = ParleyServer.start(ConfigFactory.load());
            server.whenTerminated().toCompletableFuture().join();
            // Terminated for good (SIGTERM, or this node left the cluster): don't linger.
            System.exit(0);
        } catch (RuntimeException e) {
            log.error("Parley could not start: {}", e.getMessage(), e);
            System.exit(1);
        }
    }
}
