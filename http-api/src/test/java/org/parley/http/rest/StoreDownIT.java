package org.parley.http.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.engine.NodeConfig;
import org.parley.http.SignalClient;
import org.parley.http.TestServer;

/** A node whose Cassandra does not answer: not ready, and joins get a clear error instead of hanging. */
class StoreDownIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void startWithUnreachableCassandra() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        server = TestServer.start(ConfigFactory.parseString(
                        "datastax-java-driver.basic.contact-points = [\"127.0.0.1:" + closedPort + "\"]\n"
                                + "parley.engine.ask-timeout = 3s\n")
                .withFallback(TestServer.quickPresence())
                .withFallback(NodeConfig.onTestCassandra()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void readinessSaysNotReadyWhileCassandraIsUnreachable() throws Exception {
        HttpResponse<String> ready = awaitStatus("/health/ready", 503);

        assertEquals("NOT_READY", JSON.readTree(ready.body()).get("status").asText());
        assertEquals(200, server.get("/health/live").statusCode());
    }

    @Test
    void aJoinGetsAClearErrorInsteadOfHanging() {
        awaitStatus("/health/ready", 503);
        try (SignalClient ada = server.connect()) {
            Instant asked = Instant.now();
            ada.send("{\"requestId\":\"1\",\"join\":{\"room\":\"down\",\"displayName\":\"Ada\",\"acceptedTerms\":true}}");

            JsonNode error = ada.awaitMessage("error");

            assertEquals("UNAVAILABLE", error.get("code").asText());
            assertEquals(true, error.get("message").asText().contains("try again"));
            assertEquals(true, Duration.between(asked, Instant.now()).compareTo(Duration.ofSeconds(10)) < 0);
        }
    }

    @Test
    void theRestApiAnswers503WithAReason() throws Exception {
        HttpResponse<String> response = awaitStatus("/api/v1/conferences/down", 503);

        assertEquals("UNAVAILABLE", JSON.readTree(response.body()).get("error").get("code").asText());
    }

    private static HttpResponse<String> awaitStatus(String path, int status) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> server.get(path), response -> response.statusCode() == status);
    }
}
