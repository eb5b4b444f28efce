package org.parley.deploy;

import com.typesafe.config.ConfigFactory;
import org.parley.persistence.testing.TestCassandra;

/**
 * The whole server (composition root) for browser tests, on the JVM's test Cassandra and free
 * ports; or, with -Dparley.it.url=http://localhost:8080, an already running one.
 */
final class RunningServer implements AutoCloseable {

    private final ParleyServer server;
    private final String baseUrl;

    private RunningServer(ParleyServer server, String baseUrl) {
        this.server = server;
        this.baseUrl = baseUrl;
    }

    static RunningServer start() {
        String external = System.getProperty("parley.it.url", "");
        if (!external.isEmpty()) {
            return new RunningServer(null, external);
        }
        ParleyServer server = ParleyServer.start(ConfigFactory.parseString("""
                        parley.cassandra.contact-points = ["%s"]
                        parley.cassandra.autocreate-schema = true
                        parley.http.port = 0
                        parley.http.interface = "127.0.0.1"
                        parley.media.udp-port = 0
                        parley.auth.dev-provider.port = 0
                        parley.auth.oidc.public-url = ""
                        pekko.remote.artery.canonical.port = 0
                        pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
                        """.formatted(TestCassandra.get().contactPoint()))
                .withFallback(ConfigFactory.load()));
        return new RunningServer(server, "http://localhost:" + server.httpPort());
    }

    String url(String path) {
        return baseUrl + path;
    }

    /** GETs a REST resource and returns its body. */
    String get(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path))).GET().build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
